/**
 * The simulator against the real Bolt 5 app in HTTP mode: signed deliveries reach listeners,
 * forged or stale ones are refused with 401, and the app's Web API calls land in the simulator.
 */
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import {
  appHomeOpenedEvent,
  blockActionPayload,
  messageChangedEvent,
  messageEvent,
  SlackSimulator,
  slashCommandFields,
  type SlackDelivery,
} from '../../src/simulator';

const SIGNING_SECRET = 'simulator-test-signing-secret';
const ALICE = 'U0ALICE';
const GENERAL = 'C0GENERAL';

let sim: SlackSimulator;
let app: App;
let slack: SlackDelivery;
const seen: Array<{ kind: string; body: unknown }> = [];
let notify: () => void = () => undefined;

/** Resolves once a listener saw `count` deliveries in total. */
function listenersSaw(count: number, timeoutMs = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`listeners saw ${seen.length}, expected ${count}`)), timeoutMs);
    const check = (): void => {
      if (seen.length >= count) {
        clearTimeout(timer);
        notify = () => undefined;
        resolve();
      }
    };
    notify = check;
    check();
  });
}

beforeEach(async () => {
  seen.length = 0;
  sim = await SlackSimulator.start();
  sim.addUser({ id: ALICE, name: 'alice', locale: 'fr-FR' });
  sim.addChannel({ id: GENERAL, name: 'general', members: [ALICE, sim.botUserId] });
  app = new App({
    signingSecret: SIGNING_SECRET,
    token: sim.botToken,
    clientOptions: { slackApiUrl: sim.apiUrl, retryConfig: { retries: 0 } },
    port: 0,
    logLevel: LogLevel.ERROR,
  });
  app.event('app_home_opened', async ({ event, client }) => {
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [{ type: 'divider' }] } });
    seen.push({ kind: 'app_home_opened', body: event });
    notify();
  });
  app.message(async ({ message }) => {
    seen.push({ kind: 'message', body: message });
    notify();
  });
  app.action('charter_got_it', async ({ ack, respond, body }) => {
    await ack();
    await respond({ delete_original: true });
    seen.push({ kind: 'action', body });
    notify();
  });
  app.command('/charter', async ({ ack, command }) => {
    await ack({ response_type: 'ephemeral', text: 'Voici la charte' });
    seen.push({ kind: 'command', body: command });
    notify();
  });
  // Bolt 5: app.start() resolves with the node:http Server of its HTTPReceiver.
  const server = (await app.start()) as import('node:http').Server;
  const { port } = server.address() as AddressInfo;
  slack = sim.connect({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SIGNING_SECRET });
});

afterEach(async () => {
  await app.stop();
  await sim.stop();
});

describe('SlackSimulator delivering to a Bolt 5 app', () => {
  test('a signed event reaches the listener, whose Web API calls land in the simulator', async () => {
    const result = await slack.sendEvent(appHomeOpenedEvent(ALICE));
    expect(result.status).toBe(200);
    expect(result.eventId).toMatch(/^Ev/);
    await listenersSaw(1);
    expect(seen[0]).toMatchObject({ kind: 'app_home_opened', body: { user: ALICE, tab: 'home', channel: `D${ALICE.slice(1)}` } });
    await sim.waitForCalls('views.publish', 1);
    expect(sim.publishedViews(ALICE)).toEqual([{ type: 'home', blocks: [{ type: 'divider' }] }]);
    // Bolt authorised the request with auth.test against the simulator.
    expect(sim.callsTo('auth.test').length).toBeGreaterThanOrEqual(1);
  });

  test('a forged signature gets 401 and never reaches a listener', async () => {
    const forged = await slack.sendEvent(appHomeOpenedEvent(ALICE), { signature: `v0=${'0'.repeat(64)}` });
    expect(forged.status).toBe(401);
    const body = JSON.stringify({ type: 'event_callback', event: appHomeOpenedEvent(ALICE) });
    const unsigned = await slack.post(body, { 'content-type': 'application/json' });
    expect(unsigned.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual([]);
  });

  test('a timestamp older than five minutes gets 401', async () => {
    const stale = await slack.sendEvent(appHomeOpenedEvent(ALICE), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual([]);
  });

  test('message events (edits included) reach app.message and appear in the workspace', async () => {
    const original = messageEvent({ channel: GENERAL, user: ALICE, text: 'salut &amp; bienvenue' });
    await slack.sendEvent(original);
    const ts = String(original['ts']);
    await slack.sendEvent(messageChangedEvent({ channel: GENERAL, ts, user: ALICE, previousText: 'salut &amp; bienvenue', newText: 'bonjour' }));
    await listenersSaw(2);
    expect(seen.map((entry) => (entry.body as { subtype?: string }).subtype)).toEqual([undefined, 'message_changed']);
    expect(sim.messages(GENERAL)).toEqual([
      expect.objectContaining({ ts, user: ALICE, text: 'bonjour', updatedAt: expect.any(Number) }),
    ]);
    // A bot token cannot delete or edit other people's messages.
    await expect(app.client.chat.delete({ channel: GENERAL, ts })).rejects.toMatchObject({ data: { error: 'cant_delete_message' } });
    await expect(app.client.chat.update({ channel: GENERAL, ts, text: 'x' })).rejects.toMatchObject({ data: { error: 'cant_update_message' } });
  });

  test('a retried event carries the retry headers and the same event id', async () => {
    const event = messageEvent({ channel: GENERAL, user: ALICE, text: 'hello' });
    const first = await slack.sendEvent(event);
    const retry = await slack.sendEvent(event, { eventId: first.eventId, retryNum: 1 });
    expect(retry.eventId).toBe(first.eventId);
    expect(retry.status).toBe(200);
    await listenersSaw(2);
    expect(sim.messages(GENERAL)).toHaveLength(1);
  });

  test('a button click arrives as a form post; respond() posts on the response URL', async () => {
    const reminder = await app.client.chat.postEphemeral({ channel: GENERAL, user: ALICE, text: 'Rappel' });
    const messageTs = reminder.message_ts ?? '';
    const responseUrl = sim.responseUrl('click-1', { channel: GENERAL, messageTs, user: ALICE });
    const result = await slack.sendInteraction(
      blockActionPayload({ user: ALICE, actionId: 'charter_got_it', value: '1,2', channel: GENERAL, messageTs, responseUrl }),
    );
    expect(result.status).toBe(200);
    await listenersSaw(1);
    expect(seen[0]?.body).toMatchObject({ type: 'block_actions', container: { type: 'message', is_ephemeral: true } });
    expect(sim.responses()).toEqual([expect.objectContaining({ id: 'click-1', deleteOriginal: true })]);
    expect(sim.messages(GENERAL)[0]).toMatchObject({ ephemeralTo: ALICE, deleted: true });
  });

  test('a slash command arrives as a form post and its ack body comes back', async () => {
    const result = await slack.sendCommand(
      slashCommandFields({ user: ALICE, channel: GENERAL, text: 'help', responseUrl: sim.responseUrl('cmd-1') }),
    );
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ response_type: 'ephemeral', text: 'Voici la charte' });
    await listenersSaw(1);
    expect(seen[0]?.body).toMatchObject({ command: '/charter', text: 'help', user_id: ALICE, channel_id: GENERAL });
  });
});
