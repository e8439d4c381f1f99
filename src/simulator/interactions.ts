/**
 * Builders of interactivity payloads (`block_actions`, `view_submission`) and slash-command
 * form fields, in Slack's real shapes (slackapi/bolt-python `tests/scenario_tests/`,
 * slackapi/java-slack-sdk `json-logs/samples/app-backend/`).
 */
import { APP_ID, BOT_ID, TEAM_DOMAIN, TEAM_ID, VERIFICATION_TOKEN } from './constants';
import { nextTriggerId, nextTs, nextViewId } from './ids';
import { defined, type Json } from './shapes';

/** Options of {@link blockActionPayload}. */
export interface BlockActionOptions {
  /** Who clicked. */
  user: string;
  /** Their handle (`user.username`); defaults to the id in lower case. */
  userName?: string;
  actionId: string;
  value: string;
  /** Block id of the button; a fixed one when absent. */
  blockId?: string;
  /** Button label. */
  text?: string;
  /** Channel of the message holding the button. */
  channel?: string;
  channelName?: string;
  /** ts of the message holding the button. */
  messageTs?: string;
  /**
   * The message holding the button. Slack sends it for ordinary messages and omits it for
   * ephemeral ones: without it, the container says `is_ephemeral: true`.
   */
  message?: Json;
  /** Where `respond()` posts (see `SlackSimulator.responseUrl`); only for message buttons. */
  responseUrl?: string;
  triggerId?: string;
  /** The view holding the button (App Home or modal): the container becomes `{type:'view'}`. */
  view?: Json;
  /** Overrides the container computed from the other options. */
  container?: Json;
}

/** A `block_actions` payload for a button click. */
export function blockActionPayload(options: BlockActionOptions): Json {
  const fromMessage = options.view === undefined && options.messageTs !== undefined && options.channel !== undefined;
  const isEphemeral = options.message === undefined;
  const container =
    options.container ??
    (options.view !== undefined
      ? { type: 'view', view_id: options.view['id'] }
      : fromMessage
        ? { type: 'message', message_ts: options.messageTs, channel_id: options.channel, is_ephemeral: isEphemeral }
        : undefined);
  const name = options.userName ?? options.user.toLowerCase();
  return defined({
    type: 'block_actions',
    user: { id: options.user, username: name, name, team_id: TEAM_ID },
    api_app_id: APP_ID,
    token: VERIFICATION_TOKEN,
    container,
    trigger_id: options.triggerId ?? nextTriggerId(),
    team: { id: TEAM_ID, domain: TEAM_DOMAIN },
    enterprise: null,
    is_enterprise_install: false,
    channel:
      options.channel === undefined
        ? undefined
        : { id: options.channel, name: options.channelName ?? options.channel.toLowerCase() },
    message: options.message,
    view: options.view,
    state: { values: {} },
    response_url: options.responseUrl,
    actions: [
      {
        action_id: options.actionId,
        block_id: options.blockId ?? 'charter_actions',
        text: { type: 'plain_text', text: options.text ?? options.actionId, emoji: true },
        value: options.value,
        type: 'button',
        action_ts: nextTs(),
      },
    ],
  });
}

/**
 * Submitted input values: `{ [blockId]: { [actionId]: 'text' } }` for text inputs, or full state
 * entries (`{ type, value | selected_option | … }`).
 */
export type SubmittedValues = Record<string, Record<string, string | Json>>;

/** Options of {@link viewSubmissionPayload}. */
export interface ViewSubmissionOptions {
  user: string;
  userName?: string;
  callbackId: string;
  values?: SubmittedValues;
  privateMetadata?: string;
  viewId?: string;
  blocks?: unknown[];
  title?: string;
  externalId?: string;
  triggerId?: string;
  /** For modals with `response_url_enabled` inputs. */
  responseUrls?: Json[];
}

/** A `view_submission` payload (a modal's Submit). */
export function viewSubmissionPayload(options: ViewSubmissionOptions): Json {
  const viewId = options.viewId ?? nextViewId();
  const values: Record<string, Record<string, Json>> = {};
  for (const [blockId, actions] of Object.entries(options.values ?? {})) {
    const block: Record<string, Json> = {};
    for (const [actionId, value] of Object.entries(actions)) {
      block[actionId] = typeof value === 'string' ? { type: 'plain_text_input', value } : value;
    }
    values[blockId] = block;
  }
  const name = options.userName ?? options.user.toLowerCase();
  return {
    type: 'view_submission',
    team: { id: TEAM_ID, domain: TEAM_DOMAIN },
    user: { id: options.user, username: name, name, team_id: TEAM_ID },
    api_app_id: APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id: options.triggerId ?? nextTriggerId(),
    view: {
      id: viewId,
      team_id: TEAM_ID,
      type: 'modal',
      blocks: options.blocks ?? [],
      private_metadata: options.privateMetadata ?? '',
      callback_id: options.callbackId,
      state: { values },
      hash: `${Math.floor(Date.now() / 1000)}.${viewId.slice(1, 9)}`,
      title: { type: 'plain_text', text: options.title ?? 'Charter', emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: { type: 'plain_text', text: 'Cancel', emoji: true },
      submit: { type: 'plain_text', text: 'Submit', emoji: true },
      previous_view_id: null,
      root_view_id: viewId,
      app_id: APP_ID,
      external_id: options.externalId ?? '',
      app_installed_team_id: TEAM_ID,
      bot_id: BOT_ID,
    },
    response_urls: options.responseUrls ?? [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** Options of {@link slashCommandFields}. */
export interface SlashCommandOptions {
  user: string;
  userName?: string;
  channel: string;
  channelName?: string;
  /** What follows the command, e.g. `'help'`. */
  text: string;
  /** Where `respond()` posts (see `SlackSimulator.responseUrl`). */
  responseUrl: string;
  triggerId?: string;
  /** Defaults to `'/charter'`. */
  command?: string;
}

/** The form fields Slack POSTs for a slash command (all strings). */
export function slashCommandFields(options: SlashCommandOptions): Record<string, string> {
  return {
    token: VERIFICATION_TOKEN,
    team_id: TEAM_ID,
    team_domain: TEAM_DOMAIN,
    channel_id: options.channel,
    channel_name: options.channelName ?? options.channel.toLowerCase(),
    user_id: options.user,
    user_name: options.userName ?? options.user.toLowerCase(),
    command: options.command ?? '/charter',
    text: options.text,
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: options.responseUrl,
    trigger_id: options.triggerId ?? nextTriggerId(),
  };
}
