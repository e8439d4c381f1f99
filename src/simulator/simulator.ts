/**
 * `SlackSimulator`: a local Slack for the demo and the end-to-end tests. It serves the Web API
 * the app calls (point `clientOptions.slackApiUrl` at {@link SlackSimulator.apiUrl}), keeps a
 * small workspace (members, channels, messages, views), records every call, can fail calls on
 * purpose, and delivers signed events, interactions and slash commands to the app.
 *
 * @example
 * const sim = await SlackSimulator.start();
 * sim.addUser({ id: 'U1', name: 'alice', locale: 'fr-FR' });
 * sim.addChannel({ id: 'C1', name: 'general', members: ['U1', sim.botUserId] });
 * const app = new App({ signingSecret, token: sim.botToken, clientOptions: { slackApiUrl: sim.apiUrl }, port: 0 });
 * const server = await app.start();
 * const slack = sim.connect({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, signingSecret });
 * await slack.sendEvent(messageEvent({ channel: 'C1', user: 'U1', text: 'bonjour' }));
 * await sim.waitForCalls('chat.postEphemeral', 1);
 */
import { randomBytes } from 'node:crypto';
import { BOT_USER_ID, TEAM_ID } from './constants';
import { createDelivery, type AppTarget, type SlackDelivery } from './delivery';
import type { Failure } from './failures';
import type { RecordedCall } from './recorder';
import type { UserSpec } from './shapes';
import { WebApiServer } from './web-api';
import { Workspace, type ChannelSpec, type PostedMessage, type RecordedResponse, type ResponseTarget, type UserGroupSpec } from './workspace';

/** Options of {@link SlackSimulator.start}. */
export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** The bot token the Web API accepts; a random `xoxb-simulator-…` by default. */
  botToken?: string;
}

/** A local Slack: Web API server, workspace state, and delivery to the app. */
export class SlackSimulator {
  /** `http://127.0.0.1:PORT`. */
  readonly baseUrl: string;
  /** `${baseUrl}/api/`: what @slack/web-api's `slackApiUrl` expects (trailing slash included). */
  readonly apiUrl: string;
  /** `'T0CHARTER'`. */
  readonly teamId = TEAM_ID;
  /** `'U0CHARTERBOT'` (bot id `B0CHARTERBOT`, app id `A0CHARTER`). */
  readonly botUserId = BOT_USER_ID;
  /** The only token the Web API accepts (`Authorization: Bearer …` or a `token` argument). */
  readonly botToken: string;

  private constructor(
    private readonly workspace: Workspace,
    private readonly server: WebApiServer,
    baseUrl: string,
    botToken: string,
  ) {
    this.baseUrl = baseUrl;
    this.apiUrl = `${baseUrl}/api/`;
    this.botToken = botToken;
  }

  /** Starts a simulator listening on `host:port` (default `127.0.0.1`, a free port). */
  static async start(options: SimulatorOptions = {}): Promise<SlackSimulator> {
    const botToken = options.botToken ?? `xoxb-simulator-${randomBytes(12).toString('hex')}`;
    const workspace = new Workspace();
    const server = new WebApiServer(workspace, botToken);
    const baseUrl = await server.listen(options.host ?? '127.0.0.1', options.port ?? 0);
    return new SlackSimulator(workspace, server, baseUrl, botToken);
  }

  /** Adds (or replaces) a workspace member. The bot user exists from the start. */
  addUser(user: UserSpec): void {
    this.workspace.addUser(user);
  }

  /** Adds (or replaces) a channel; the bot is a member when `botUserId` is in `members`. */
  addChannel(channel: ChannelSpec): void {
    this.workspace.addChannel(channel);
  }

  /** Adds (or replaces) a user group, answered by `usergroups.users.list`. */
  addUserGroup(group: UserGroupSpec): void {
    this.workspace.addUserGroup(group);
  }

  /** Every Web API call received, in order (a live array). */
  get calls(): RecordedCall[] {
    return this.server.recorder.calls;
  }

  /** The calls to one method. */
  callsTo(method: string): RecordedCall[] {
    return this.server.recorder.callsTo(method);
  }

  /**
   * Resolves with the calls to `method` once at least `count` were recorded (state changes are
   * applied before a call is recorded); rejects after `timeoutMs` (5000) listing what arrived.
   */
  waitForCalls(method: string, count: number, timeoutMs = 5000): Promise<RecordedCall[]> {
    return this.server.recorder.waitFor(method, count, timeoutMs);
  }

  /** Forgets recorded calls (not the workspace state). */
  clearCalls(): void {
    this.server.recorder.clear();
  }

  /**
   * Makes the next `times` (1) calls of `method` fail: a Slack error (HTTP 200 `{ok:false,error}`),
   * a rate limit (HTTP 429 + `Retry-After` seconds, `{ok:false,error:'ratelimited'}`), an HTTP
   * status, or a hang (no answer until {@link stop}). `'*'` fails the next calls of any method;
   * `'response_url'` fails posts on response URLs. A failed call changes nothing.
   */
  failNext(method: string, failure: Failure, times = 1): void {
    this.server.failures.add(method, failure, times);
  }

  /** Messages as Slack would show them in a channel: ephemerals (with `ephemeralTo`), edits, deletions. */
  messages(channel: string): PostedMessage[] {
    return this.workspace.messages(channel);
  }

  /** The DM channel (`D…`) `conversations.open` (or a post to a user id) created with `user`. */
  dmChannelOf(user: string): string | undefined {
    return this.workspace.dmChannelOf(user);
  }

  /** Posts received on response URLs. */
  responses(): RecordedResponse[] {
    return this.workspace.responses();
  }

  /**
   * `${baseUrl}/response/${id}`. Posts on it are recorded; with a `target`, they also act as
   * Slack's do: `delete_original` deletes the target message, `replace_original` replaces it,
   * anything else posts a new message (ephemeral to `target.user` unless `response_type: 'in_channel'`).
   */
  responseUrl(id: string, target?: ResponseTarget): string {
    if (target !== undefined) this.workspace.bindResponse(id, target);
    return `${this.baseUrl}/response/${encodeURIComponent(id)}`;
  }

  /** `views.publish` history for a user (App Home), the views as the app sent them. */
  publishedViews(user: string): unknown[] {
    return this.workspace.publishedViews(user);
  }

  /** `views.open` / `views.push` history, the views as the app sent them. */
  openedViews(): unknown[] {
    return this.workspace.openedViews();
  }

  /** A client that delivers events, interactions and commands to the app, signed like Slack. */
  connect(app: AppTarget): SlackDelivery {
    return createDelivery(app, { onEvent: (event) => this.workspace.ingestEvent(event) });
  }

  /** Stops the server, dropping open connections (hanging calls then fail on the client side). */
  stop(): Promise<void> {
    return this.server.close();
  }
}
