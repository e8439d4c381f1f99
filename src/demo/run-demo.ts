#!/usr/bin/env node
/**
 * `npm run demo`: the real bot in HTTP mode against the local Slack simulator, playing a scripted
 * day in a French company's workspace, and printing a readable transcript: who said what, which
 * reminders they got, what moderators saw, what was recorded. No Slack account, no network.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { AppConfig } from '../app-config';
import { startBot, type RunningBot } from '../bot';
import type { RuleSet } from '../engine/rule';
import { loadRules } from '../files/load-rules';
import { readCoreConfig } from '../config';
import { createLogger } from '../log';
import { maskLeaks as maskLeaksIn } from '../moderation/masked-text';
import { ModerationReview } from '../moderation/review';
import {
  appHomeOpenedEvent,
  blockActionPayload,
  messageChangedEvent,
  messageEvent,
  slashCommandFields,
  SlackSimulator,
  teamJoinEvent,
  type SlackDelivery,
} from '../simulator';
import { readable, renderBlocks } from './render-blocks';
import { CHANNELS, DAY, DEMO_CARD, DemoChannel, DemoPerson, DemoStep, EMMA, MODERATION, MODERATORS, PEOPLE } from './script';

const SIGNING_SECRET = 'demo-signing-secret';
const INDENT = '       ';

/** Where the transcript goes. */
type Print = (line: string) => void;

interface DemoState {
  sim: SlackSimulator;
  slack: SlackDelivery;
  bot: RunningBot;
  print: Print;
  /** Labelled messages: their ts and channel. */
  labelled: Map<string, { ts: string; channel: string; text: string }>;
  /** How many simulator calls and response-URL posts were already shown. */
  shown: number;
  responsesShown: number;
}

/** Runs the demo; resolves with the exit code (0: the day ran and no secret leaked). */
export async function runDemo(print: Print = (line) => process.stdout.write(`${line}\n`)): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-bot-demo-'));
  const logLines: string[] = [];
  const logger = createLogger({
    level: 'info',
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    }),
  });
  const sim = await SlackSimulator.start();
  for (const person of [...PEOPLE, ...MODERATORS, EMMA]) sim.addUser({ id: person.id, name: person.name, realName: person.realName, locale: person.locale });
  const everyone = [...PEOPLE.map((p) => p.id), sim.botUserId];
  for (const channel of CHANNELS) sim.addChannel({ ...channel, members: everyone });
  sim.addChannel({ ...MODERATION, members: [sim.botUserId, ...MODERATORS.map((m) => m.id)] });

  const database = path.join(dir, 'charter.db');
  const config: AppConfig = {
    ...readCoreConfig({ DATABASE_PATH: database, LOG_LEVEL: 'info' }),
    mode: 'http',
    botToken: sim.botToken,
    signingSecret: SIGNING_SECRET,
    slackApiUrl: sim.apiUrl,
    port: 0,
    host: '127.0.0.1',
    moderationChannel: MODERATION.id,
    moderators: MODERATORS.map((m) => m.id),
    admins: [],
    onboarding: true,
    escalationTarget: { kind: 'admins' },
    notifyAuthorOnEscalation: false,
    alertDigestAfter: 5,
  };
  let bot: RunningBot | undefined;
  try {
    bot = await startBot(config, logger);
    const slack = sim.connect({ url: `http://127.0.0.1:${bot.port}/slack/events`, signingSecret: SIGNING_SECRET });
    const state: DemoState = { sim, slack, bot, print, labelled: new Map(), shown: sim.calls.length, responsesShown: 0 };

    print('charter-bot demo: a day at Atlas Conseil, in a simulated Slack workspace (no account, no network)');
    print(`The real bot runs in HTTP mode on 127.0.0.1:${bot.port}; Slack is simulated on ${new URL(sim.baseUrl).host}; database ${database}`);
    print(`People: ${PEOPLE.map((p) => `${p.realName} (${p.locale})`).join(', ')}; moderator: ${MODERATORS.map((p) => p.realName).join(', ')}. #client-renault is shared with the client.`);
    print('Leaked values are masked in this transcript too, as the bot masks them everywhere.');
    print('Times on the left follow the script; what the bot writes carries the real time.');
    print('');
    for (const step of DAY) await play(state, step);

    print('');
    print('What was recorded for moderators (charter-bot flags list):');
    const review = new ModerationReview(bot.store);
    const flags = await review.listFlags('demo', { includeShadow: true }, { limit: 50 });
    for (const flag of [...flags.items].reverse()) {
      const person = nameOf(flag.author);
      print(`  #${flag.id} ${flag.rule.padEnd(16)} ${flag.severity.padEnd(8)} ${flag.status.padEnd(9)} ${person.padEnd(15)} #${flag.channelName ?? flag.channel}  « ${flag.excerpt} »${flag.reports > 0 ? '  (reported as a mistake)' : ''}`);
    }
    const stats = await review.ruleStats();
    print(`  ${flags.items.length} flags; reminders and alerts delivered: ${(await bot.store.listDeliveries({ status: 'sent' }, { limit: 500 })).items.length}; failed: ${(await bot.store.listDeliveries({ status: 'failed' }, { limit: 500 })).items.length}; rules that fired: ${stats.map((s) => s.rule).join(', ')}`);
    print('  Stored: ids, rule, masked excerpt, decision. Never the message text, never a leaked value.');
    print('');

    const leaks = findSecret([JSON.stringify(sim.calls), logLines.join(''), readIfThere(database), readIfThere(`${database}-wal`)]);
    if (leaks > 0) {
      print(`✗ The card number appears ${leaks} time(s) in Slack calls, logs or the database.`);
      return 1;
    }
    print(`✓ The card number appears nowhere: not in the ${sim.calls.length} Slack API calls, not in the ${logLines.length} log lines, not in the database.`);
    return 0;
  } finally {
    await bot?.stop();
    await sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function play(state: DemoState, step: DemoStep): Promise<void> {
  const { print } = state;
  switch (step.kind) {
    case 'say': {
      const parent = step.thread !== undefined ? state.labelled.get(step.thread) : undefined;
      const event = messageEvent({
        channel: step.where.id,
        user: step.who.id,
        text: step.text,
        ...(parent !== undefined ? { threadTs: parent.ts } : {}),
      });
      if (step.label !== undefined) state.labelled.set(step.label, { ts: String(event.ts), channel: step.where.id, text: step.text });
      print(`${step.at}  ${channelLabel(step.where)}${parent !== undefined ? ' (thread)' : ''}  ${step.who.realName}: ${readable(maskLeaks(step.text), displayName)}`);
      await state.slack.sendEvent(event);
      break;
    }
    case 'edit': {
      const original = state.labelled.get(step.of);
      if (original === undefined) return;
      print(`${step.at}  ${channelLabel(step.where)}  ${step.who.realName} edits the message: ${readable(maskLeaks(step.text), displayName)}`);
      await state.slack.sendEvent(messageChangedEvent({ channel: step.where.id, user: step.who.id, ts: original.ts, previousText: original.text, newText: step.text }));
      break;
    }
    case 'click': {
      const original = state.labelled.get(step.on);
      const reminder = original === undefined ? undefined : reminderFor(state.sim, original.channel, step.who.id);
      if (original === undefined || reminder === undefined) return;
      const actionId = step.button === 'got-it' ? 'charter_got_it' : 'charter_report_mistake';
      const button = buttonsOf(reminder).find((b) => b.action_id === actionId);
      print(`${step.at}  ${step.who.realName} clicks [${button?.label ?? actionId}] on the reminder`);
      const responseUrl = state.sim.responseUrl(`click-${step.at}`, { channel: original.channel, user: step.who.id, ...(reminder.ts !== undefined ? { messageTs: reminder.ts } : {}) });
      await state.slack.sendInteraction(blockActionPayload({ user: step.who.id, actionId, value: button?.value ?? '', channel: original.channel, responseUrl }));
      break;
    }
    case 'join':
      state.sim.addUser({ id: step.who.id, name: step.who.name, realName: step.who.realName, locale: step.who.locale });
      print(`${step.at}  ${step.who.realName} (${step.who.locale}) joins the workspace`);
      await state.slack.sendEvent(teamJoinEvent(step.who.id));
      break;
    case 'home':
      print(`${step.at}  ${step.who.realName} opens charter-bot's Home tab`);
      await state.slack.sendEvent(appHomeOpenedEvent(step.who.id));
      break;
    case 'decide': {
      const card = [...state.sim.messages(MODERATION.id)].reverse().find((m) => buttonsOf(m).some((b) => b.action_id === 'mod_confirm'));
      const button = card === undefined ? undefined : buttonsOf(card).find((b) => b.action_id === (step.decision === 'confirm' ? 'mod_confirm' : 'mod_dismiss'));
      if (card === undefined || button === undefined) return;
      const role = MODERATORS.includes(step.who) ? 'moderator' : 'not a moderator';
      print(`${step.at}  ${step.who.realName} (${role}) clicks [${button.label ?? step.decision}] on the latest card in #moderation`);
      await state.slack.sendInteraction(
        blockActionPayload({ user: step.who.id, actionId: button.action_id ?? '', value: button.value ?? '', channel: MODERATION.id, messageTs: card.ts, responseUrl: state.sim.responseUrl(`decide-${step.at}`, { channel: MODERATION.id, user: step.who.id }) }),
      );
      break;
    }
    case 'command': {
      print(`${step.at}  ${channelLabel(step.where)}  ${step.who.realName} types /charter ${step.text}`);
      const answer = await state.slack.sendCommand(slashCommandFields({ user: step.who.id, channel: step.where.id, text: step.text, responseUrl: state.sim.responseUrl(`command-${step.at}`) }));
      const body = JSON.parse(answer.body || '{}') as { blocks?: unknown; text?: string };
      printBox(print, `answer only ${step.who.realName} sees`, body.blocks !== undefined ? renderBlocks(body.blocks, displayName) : [readable(body.text, displayName)]);
      break;
    }
  }
  await settle(state);
  showNewCalls(state);
}

/** Prints what the bot did in Slack since the last step. */
function showNewCalls(state: DemoState): void {
  const calls = state.sim.calls.slice(state.shown);
  state.shown = state.sim.calls.length;
  for (const call of calls) {
    const args = call.args as Record<string, unknown>;
    switch (call.method) {
      case 'chat.postEphemeral':
        printBox(state.print, `private reminder to ${nameOf(String(args.user))}, only they can see it`, renderBlocks(args.blocks, displayName));
        break;
      case 'chat.postMessage': {
        const channel = String(args.channel);
        const to = channel === MODERATION.id ? 'alert card in #moderation' : channel.startsWith('D') ? `direct message to ${nameOf(dmOwner(state.sim, channel))}` : `message in ${channel}`;
        printBox(state.print, to, renderBlocks(args.blocks, displayName));
        break;
      }
      case 'chat.update': {
        const lines = renderBlocks(args.blocks, displayName).filter((line) => / (par|by) @/.test(line));
        printBox(state.print, 'the card in #moderation now shows', lines);
        break;
      }
      case 'views.publish':
        printBox(state.print, `Home tab of ${nameOf(String(args.user_id))}`, renderBlocks((args.view as { blocks?: unknown } | undefined)?.blocks, displayName));
        break;
      default:
        break;
    }
  }
  const responses = state.sim.responses();
  const fresh = responses.slice(state.responsesShown);
  state.responsesShown = responses.length;
  for (const response of fresh) {
    const body = response.body as { delete_original?: boolean; blocks?: unknown; text?: string };
    if (body.delete_original === true) printBox(state.print, 'the reminder disappears', []);
    else if (response.id.startsWith('decide-')) printBox(state.print, 'private answer', body.blocks !== undefined ? renderBlocks(body.blocks, displayName) : [readable(body.text, displayName)]);
    else if (response.id.startsWith('click-')) printBox(state.print, 'the reminder is replaced by', body.blocks !== undefined ? renderBlocks(body.blocks, displayName) : [readable(body.text, displayName)]);
  }
}

function printBox(print: Print, title: string, lines: string[]): void {
  print(`${INDENT}↳ ${title}${lines.length > 0 ? ':' : ''}`);
  for (const line of lines) print(`${INDENT}  │ ${line}`);
}

/** Waits until the bot has handled what was sent and delivered its outbox. */
async function settle(state: DemoState): Promise<void> {
  let seen = -1;
  for (let round = 0; round < 100; round++) {
    await new Promise((resolve) => setTimeout(resolve, 30));
    const pending = await state.bot.store.nextDeliveryDue();
    if (state.sim.calls.length === seen && pending === undefined) return;
    seen = state.sim.calls.length;
  }
}

function reminderFor(sim: SlackSimulator, channel: string, user: string): { ts?: string; blocks: unknown } | undefined {
  const message = [...sim.messages(channel)].reverse().find((m) => m.ephemeralTo === user);
  if (message !== undefined) return { ts: message.ts, blocks: message.blocks };
  const dm = sim.dmChannelOf(user);
  const direct = dm === undefined ? undefined : [...sim.messages(dm)].reverse()[0];
  return direct === undefined ? undefined : { ts: direct.ts, blocks: direct.blocks };
}

function buttonsOf(reminder: { blocks?: unknown }): Array<{ action_id?: string; value?: string; label?: string }> {
  const blocks = Array.isArray(reminder.blocks) ? (reminder.blocks as Array<{ elements?: unknown[]; accessory?: unknown }>) : [];
  const elements = blocks.flatMap((b) => [...(Array.isArray(b.elements) ? b.elements : []), ...(b.accessory !== undefined ? [b.accessory] : [])]) as Array<{ action_id?: string; value?: string; text?: { text?: string } }>;
  return elements.map((e) => ({ ...(e.action_id !== undefined ? { action_id: e.action_id } : {}), ...(e.value !== undefined ? { value: e.value } : {}), ...(e.text?.text !== undefined ? { label: e.text.text } : {}) }));
}

function dmOwner(sim: SlackSimulator, channel: string): string {
  return [...PEOPLE, ...MODERATORS, EMMA].find((p) => sim.dmChannelOf(p.id) === channel)?.id ?? channel;
}

let demoRules: RuleSet | undefined;

/** What someone typed, for the transcript: leaked values masked as the bot masks them. */
function maskLeaks(text: string): string {
  demoRules ??= loadRules({}).ruleSet;
  return maskLeaksIn(text, demoRules);
}

/** How a Slack client would show an id: a person's name or a channel's. */
function displayName(id: string): string | undefined {
  return [...PEOPLE, ...MODERATORS, EMMA].find((p) => p.id === id)?.realName ?? [...CHANNELS, MODERATION].find((c) => c.id === id)?.name;
}

function nameOf(id: string): string {
  return [...PEOPLE, ...MODERATORS, EMMA].find((p: DemoPerson) => p.id === id)?.realName ?? id;
}

function channelLabel(channel: DemoChannel): string {
  return `#${channel.name}`.padEnd(16);
}

function readIfThere(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file).toString('utf8') : '';
}

function findSecret(haystacks: string[]): number {
  let count = 0;
  for (const text of haystacks) {
    for (const needle of [DEMO_CARD, DEMO_CARD.replace(/ /g, '')]) count += text.split(needle).length - 1;
  }
  return count;
}

if (require.main === module) {
  runDemo().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`The demo could not run: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
