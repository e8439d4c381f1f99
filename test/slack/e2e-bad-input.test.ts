/**
 * Bad input at the edges, end to end: the real bot in HTTP mode (Bolt's HTTPReceiver) behind
 * signed requests. Malformed JSON, unknown event types, a URL verification, oversized bodies,
 * message events with missing or mistyped fields, interactivity payloads that are not JSON,
 * unknown action ids and slash commands. Each is answered with the status asserted below (Bolt's
 * own behaviour, which the bot does not override), the bot then still serves (a breaking message
 * gets its reminder), and no text of the bad bodies reaches the logs (each carries a unique
 * marker that must never appear there).
 *
 * What Bolt 5 answers (node_modules/@slack/bolt/dist/receivers/HTTPReceiver.js):
 * - a body that does not parse (JSON, or a form's `payload`): 400, no body;
 * - a body over its 4 MB limit: 413, no body;
 * - `url_verification`: 200 with the challenge;
 * - any `event_callback`: 200 at once (Bolt acknowledges events before listeners run), whatever
 *   the event holds;
 * - an action or command no listener acknowledges: 404 after Bolt's 3-second wait (its
 *   `unhandledRequestHandler`), which Slack shows the user as a failed dispatch.
 */
import { blockActionPayload, messageEvent, slashCommandFields, type DeliveryResult } from '../../src/simulator';
import { ALICE, BOB, Harness, PROJET, startHarness } from '../helpers/bot-harness';
import { BREAKING_TEXTS } from '../helpers/breaking-messages';

jest.setTimeout(20_000);

let h: Harness;
let markerCount = 0;
const markers: string[] = [];

/** A unique string to plant in a bad body; every one is checked against the logs. */
function marker(): string {
  const value = `zqmarker${++markerCount}x${Date.now().toString(36)}`;
  markers.push(value);
  return value;
}

beforeEach(async () => {
  markers.length = 0;
  h = await startHarness();
});
afterEach(async () => {
  // Nothing of any bad body in any log line, whatever the test.
  await h.settle();
  const logs = h.logs.join('');
  for (const value of markers) expect(logs).not.toContain(value);
  // None of our listeners failed on any of it.
  expect(logs).not.toContain('unhandled error in a Slack listener');
  expect(logs).not.toContain('message could not be checked');
  await h.stop();
});

/** POSTs a raw body, signed as Slack would sign it. */
function postSigned(body: string, contentType: string): Promise<DeliveryResult> {
  return h.slack.post(body, { 'content-type': contentType, ...h.slack.signatureHeaders(body) });
}

/** The bot still serves: a breaking message (Bob's) sent now gets its reminder, and the health check answers. */
async function stillServing(text = BREAKING_TEXTS[1] as string): Promise<void> {
  const before = h.sim.callsTo('chat.postEphemeral').length;
  const { status } = await h.slack.sendEvent(messageEvent({ channel: PROJET, user: BOB, text }));
  expect(status).toBe(200);
  await h.sim.waitForCalls('chat.postEphemeral', before + 1);
  const health = await fetch(`http://127.0.0.1:${h.bot.port}/healthz`);
  expect(health.status).toBe(200);
}

describe('bad input at the edges (HTTP, signed)', () => {
  it('malformed JSON bodies get 400', async () => {
    const bodies = [
      `{"type":"event_callback","event":{"type":"message","text":"${marker()}"`,
      `not json at all ${marker()}`,
      `{"type":"event_callback","event":{"type":"message","text":"${marker()}\u0000\\x"}}`,
      `[${'['.repeat(5000)}"${marker()}"`,
      '',
    ];
    for (const body of bodies) {
      const response = await postSigned(body, 'application/json');
      expect(response.status).toBe(400);
    }
    await stillServing();
  });

  it('an unsigned or wrongly signed bad body gets 401 before it is parsed', async () => {
    const body = `{"broken": ${marker()}`;
    expect((await h.slack.post(body, { 'content-type': 'application/json' })).status).toBe(401);
    const response = await h.slack.post(body, { 'content-type': 'application/json', ...h.slack.signatureHeaders(`${body} `) });
    expect(response.status).toBe(401);
    await stillServing();
  });

  it('a url_verification challenge is answered with the challenge', async () => {
    const challenge = `challenge-${marker()}`;
    const response = await postSigned(JSON.stringify({ token: 'x', challenge, type: 'url_verification' }), 'application/json');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ challenge });
    await stillServing();
  });

  it('unknown event types are acknowledged with 200 and cause nothing; an unknown envelope type gets 404 after 3 s', async () => {
    const envelopes: unknown[] = [
      { type: 'event_callback', event_id: 'Ev0UNKNOWN1', event: { type: 'made_up_event', text: marker(), channel: PROJET } },
      { type: 'event_callback', event_id: 'Ev0UNKNOWN2', event: { type: 'reaction_added', user: ALICE, reaction: marker(), item: { type: 'message', channel: PROJET, ts: '1.2' } } },
      { type: 'event_callback', event_id: 'Ev0UNKNOWN3', event: { type: 'message', subtype: 'made_up_subtype', channel: PROJET, user: ALICE, ts: '1700000000.000001', text: marker() } },
      { type: 'event_callback', event_id: 'Ev0UNKNOWN4', event: {} },
      { type: 'event_callback', event_id: 'Ev0UNKNOWN5', event: [] },
      { type: 'event_callback', event_id: 'Ev0UNKNOWN6', event: { type: 42, text: marker() } },
    ];
    for (const envelope of envelopes) {
      const response = await postSigned(JSON.stringify(envelope), 'application/json');
      expect(response.status).toBe(200);
    }
    // Not an event, not an interaction Bolt knows: no listener acknowledges it.
    const unknown = await postSigned(JSON.stringify({ type: 'made_up_envelope', text: marker() }), 'application/json');
    expect(unknown.status).toBe(404);
    await h.settle();
    expect(h.sim.callsTo('chat.postEphemeral')).toEqual([]);
    expect((await h.bot.store.listFlags({ includeShadow: true }, { limit: 5 })).items).toEqual([]);
    await stillServing();
  });

  it('message events with missing fields or wrong types are acknowledged with 200; those without channel, author, ts or text are skipped', async () => {
    const text = `putain ${marker()}`;
    const events: Array<Record<string, unknown>> = [
      { type: 'message', channel: PROJET, text },
      { type: 'message', user: ALICE, text, ts: '1700000000.000002' },
      { type: 'message', channel: PROJET, user: ALICE, text },
      { type: 'message', channel: 42, user: ALICE, text, ts: '1700000000.000003' },
      { type: 'message', channel: PROJET, user: { id: ALICE }, text, ts: '1700000000.000004' },
      { type: 'message', channel: PROJET, user: ALICE, text: { value: text }, ts: '1700000000.000005' },
      { type: 'message', channel: PROJET, user: ALICE, text: [text], ts: 1700000000.000006 },
      { type: 'message', channel: PROJET, user: ALICE, text: null, ts: null, thread_ts: {} },
      { type: 'message', channel: PROJET, user: ALICE, text, ts: '1700000000.000009', thread_ts: null, bot_profile: null, files: 'x' },
      { type: 'message', subtype: 'message_changed', channel: PROJET, message: `${text}`, previous_message: 7 },
      { type: 'message', subtype: 'message_changed', channel: PROJET, message: { text, ts: '1700000000.000007' }, previous_message: null },
      { type: 'message', subtype: 'message_changed', channel: PROJET, message: null },
    ];
    for (const event of events) {
      const { status } = await h.slack.sendEvent(event);
      expect(status).toBe(200);
    }
    await h.settle();
    expect(h.sim.callsTo('chat.postEphemeral')).toEqual([]);
    expect((await h.bot.store.listFlags({ includeShadow: true }, { limit: 5 })).items).toEqual([]);

    // A subtype that is not a string is read as no subtype (src/slack/message-events.ts): the
    // message has everything else a person's message has, so it is checked rather than dropped.
    const { status } = await h.slack.sendEvent({ type: 'message', subtype: ['message_changed'], channel: PROJET, user: ALICE, text, ts: '1700000000.000008' });
    expect(status).toBe(200);
    await h.sim.waitForCalls('chat.postEphemeral', 1);
    await h.settle();
    expect((await h.bot.store.listFlags({ includeShadow: true }, { limit: 5 })).items).toHaveLength(1);
    await stillServing();
  });

  it('envelopes Bolt itself cannot read (event not an object; channel, user or item null) get 500 from Bolt, and nothing else happens', async () => {
    // Before any listener, Bolt 5.1 evaluates `'channel' in event`, `'id' in event.channel`,
    // `'channel' in event.item` (helpers.js, getTypeAndConversation) and `event.user.id` when
    // `typeof event.user === 'object'` (App.js): a TypeError on these shapes, answered 500 by
    // Bolt's default processEventErrorHandler. Slack never signs such bodies (a forged one gets
    // 401); were it to send one, it would retry it and the bot would go on serving.
    const events: unknown[] = [
      null,
      'message',
      42,
      { type: 'message', channel: null, user: ALICE, ts: '1700000000.000010', text: marker() },
      { type: 'message', channel: PROJET, user: null, ts: '1700000000.000011', text: marker() },
      { type: 'message', channel: PROJET, user: ALICE, ts: '1700000000.000012', text: marker(), item: null },
    ];
    for (const event of events) {
      const body = JSON.stringify({ type: 'event_callback', event_id: `Ev0NULL${markerCount}`, team_id: 'T0', api_app_id: 'A0', event, note: marker() });
      const response = await postSigned(body, 'application/json');
      expect(response.status).toBe(500);
    }
    await h.settle();
    expect(h.sim.callsTo('chat.postEphemeral')).toEqual([]);
    await stillServing();
  });

  it('a 2 MB message event is acknowledged with 200 and checked; a body over Bolt’s 4 MB limit gets 413', async () => {
    const envelope = (text: string, ts: string): string =>
      JSON.stringify({ type: 'event_callback', event_id: `Ev0BIG${ts.replace('.', '')}`, team_id: 'T0', api_app_id: 'A0', event: { type: 'message', channel: PROJET, channel_type: 'channel', user: ALICE, ts, text } });
    // An insult at the start, a marker at the end, two megabytes of prose between.
    const big = envelope(`t'es vraiment un con ${'lorem ipsum dolor sit amet '.repeat(78_000)} ${marker()}`, '1700000000.000011');
    expect(big.length).toBeGreaterThan(2_000_000);
    expect(big.length).toBeLessThan(4 * 1024 * 1024);
    const accepted = await postSigned(big, 'application/json');
    expect(accepted.status).toBe(200);
    await h.sim.waitForCalls('chat.postEphemeral', 1, 10_000);

    const huge = envelope(`${'x'.repeat(5 * 1024 * 1024)}${marker()}`, '1700000000.000013');
    const refused = await postSigned(huge, 'application/json');
    expect(refused.status).toBe(413);
    await stillServing();
  });

  it('an interactivity payload that is not JSON gets 400; a form without payload is not acknowledged (404)', async () => {
    const form = 'application/x-www-form-urlencoded';
    for (const payload of [`not json ${marker()}`, `{"type":"block_actions","actions":[${marker()}`, '']) {
      const response = await postSigned(new URLSearchParams({ payload }).toString(), form);
      expect(response.status).toBe(400);
    }
    const response = await postSigned(new URLSearchParams({ something: marker() }).toString(), form);
    expect(response.status).toBe(404);
    await stillServing();
  });

  it('a block_actions for an unknown action id is not acknowledged: Bolt answers 404 after 3 s', async () => {
    const started = Date.now();
    const response = await h.slack.sendInteraction(
      blockActionPayload({ user: ALICE, actionId: `made_up_action_${marker()}`, value: marker(), channel: PROJET, responseUrl: h.sim.responseUrl('unknown-action') }),
    );
    expect(response.status).toBe(404);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
    expect(h.sim.responses()).toEqual([]);
    await stillServing();
  });

  it('a slash command the bot does not know is not acknowledged: Bolt answers 404 after 3 s', async () => {
    const response = await h.slack.sendCommand(
      slashCommandFields({ user: ALICE, channel: PROJET, command: '/made-up-command', text: marker(), responseUrl: h.sim.responseUrl('unknown-command') }),
    );
    expect(response.status).toBe(404);
    expect(h.sim.responses()).toEqual([]);
    await stillServing();
  });

  it('the known slash command with garbage text is answered cleanly', async () => {
    const response = await h.slack.sendCommand(
      slashCommandFields({ user: ALICE, channel: PROJET, text: `${marker()} \u202e<@U0>&amp;\u0000${'é'.repeat(5000)}`, responseUrl: h.sim.responseUrl('garbage-command') }),
    );
    expect(response.status).toBe(200);
    await stillServing();
  });
});
