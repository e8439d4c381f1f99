/**
 * The simulator's Socket Mode against the real @slack/socket-mode client (the one Bolt 5 runs):
 * `apps.connections.open` with the app-level token, the WebSocket and its `hello`, envelopes and
 * their acks, `disconnect` and the reconnection, and a clean close. A raw `ws` client checks the
 * wire shapes the SDK hides.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LogLevel, SocketModeClient, type Logger } from '@slack/socket-mode';
import WebSocket from 'ws';
import { blockActionPayload, messageEvent, SlackSimulator, slashCommandFields, type SocketDelivery } from '../../src/simulator';

const ALICE = 'U0ALICE';
const GENERAL = 'C0GENERAL';

/** A logger that keeps what the SDK says (jest would print the console's). */
function quietLogger(lines: string[]): Logger {
  let level = LogLevel.DEBUG;
  const keep = (kind: string) => (...message: unknown[]) => {
    lines.push(`${kind} ${message.map(String).join(' ')}`);
  };
  return {
    debug: keep('debug'),
    info: keep('info'),
    warn: keep('warn'),
    error: keep('error'),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

async function callApi(sim: SlackSimulator, method: string, token: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${sim.apiUrl}${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  return (await response.json()) as Record<string, unknown>;
}

let sim: SlackSimulator;
beforeEach(async () => {
  sim = await SlackSimulator.start();
  sim.addUser({ id: ALICE, name: 'alice', locale: 'fr-FR' });
  sim.addChannel({ id: GENERAL, name: 'general', members: [ALICE, sim.botUserId] });
});
afterEach(async () => {
  await sim.stop();
});

describe('apps.connections.open', () => {
  it('answers the app-level token with a one-use WebSocket URL on the simulator', async () => {
    expect(sim.appToken).toMatch(/^xapp-1-A0CHARTER-/);
    const answer = await callApi(sim, 'apps.connections.open', sim.appToken);
    expect(answer).toEqual({ ok: true, url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/socket-mode\?ticket=[0-9a-f]{32}$/) });
    expect(sim.callsTo('apps.connections.open')).toHaveLength(1);
  });

  it('refuses other tokens, and the app token is refused by bot methods', async () => {
    expect(await callApi(sim, 'apps.connections.open', sim.botToken)).toEqual({ ok: false, error: 'not_allowed_token_type' });
    expect(await callApi(sim, 'apps.connections.open', 'xapp-1-forged')).toEqual({ ok: false, error: 'invalid_auth' });
    expect(await callApi(sim, 'auth.test', sim.appToken)).toEqual({ ok: false, error: 'not_allowed_token_type' });
    expect((await callApi(sim, 'auth.test', sim.botToken)).ok).toBe(true);
  });

  it('can be failed like any method', async () => {
    sim.failNext('apps.connections.open', { error: 'ratelimited' });
    expect(await callApi(sim, 'apps.connections.open', sim.appToken)).toEqual({ ok: false, error: 'ratelimited' });
  });
});

describe('the WebSocket, on the wire', () => {
  function open(url: string): Promise<{ ws: WebSocket; hello: Record<string, unknown> }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.once('message', (data: WebSocket.RawData) => resolve({ ws, hello: JSON.parse(String(data)) as Record<string, unknown> }));
      ws.once('error', reject);
    });
  }

  function closed(ws: WebSocket): Promise<void> {
    return new Promise((resolve) => {
      if (ws.readyState === WebSocket.CLOSED) resolve();
      else ws.once('close', () => resolve());
    });
  }

  it('says hello, carries envelopes in Slack\'s shape and takes acks by envelope_id', async () => {
    const { url } = (await callApi(sim, 'apps.connections.open', sim.appToken)) as { url: string };
    const { ws, hello } = await open(url);
    expect(hello).toEqual({
      type: 'hello',
      num_connections: 1,
      debug_info: expect.objectContaining({ host: expect.any(String), approximate_connection_time: expect.any(Number) }),
      connection_info: { app_id: 'A0CHARTER' },
    });
    expect(sim.socketConnections()).toBe(1);

    const envelopes: Array<Record<string, unknown>> = [];
    ws.on('message', (data: WebSocket.RawData) => {
      const envelope = JSON.parse(String(data)) as Record<string, unknown>;
      envelopes.push(envelope);
      const payload = envelope['type'] === 'slash_commands' ? { text: 'pong' } : {};
      ws.send(JSON.stringify({ envelope_id: envelope['envelope_id'], payload }));
    });
    const slack = sim.connectSocket();
    const event = await slack.sendEvent(messageEvent({ channel: GENERAL, user: ALICE, text: 'bonjour' }));
    const retried = await slack.sendEvent(messageEvent({ channel: GENERAL, user: ALICE, text: 'bonjour' }), { eventId: event.eventId, retryNum: 1 });
    const command = await slack.sendCommand(slashCommandFields({ user: ALICE, channel: GENERAL, text: 'help', responseUrl: sim.responseUrl('c1') }));

    expect(envelopes[0]).toEqual({
      envelope_id: event.envelopeId,
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
      payload: expect.objectContaining({ type: 'event_callback', event_id: event.eventId, api_app_id: 'A0CHARTER', event: expect.objectContaining({ text: 'bonjour' }) }),
    });
    expect(envelopes[1]).toMatchObject({ retry_attempt: 1, retry_reason: 'timeout', payload: { event_id: event.eventId } });
    expect(envelopes[2]).toMatchObject({ type: 'slash_commands', accepts_response_payload: true, payload: { command: '/charter', text: 'help' } });
    expect(event.envelopeId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(retried.envelopeId).not.toBe(event.envelopeId); // A retry is a new envelope for the same event.
    expect(command.payload).toEqual({ text: 'pong' });
    expect(sim.socketAcks().map((ack) => ack.type)).toEqual(['events_api', 'events_api', 'slash_commands']);
    // Message events reach the workspace as they do over HTTP.
    expect(sim.messages(GENERAL).map((m) => m.text)).toContain('bonjour');

    ws.close(1000);
    await closed(ws);
    await sim.waitForSocketConnections(0);
  });

  it('accepts a ticket once, and only on /socket-mode', async () => {
    const { url } = (await callApi(sim, 'apps.connections.open', sim.appToken)) as { url: string };
    const { ws } = await open(url);
    await expect(open(url)).rejects.toThrow(/401/);
    await expect(open(url.replace('/socket-mode', '/elsewhere'))).rejects.toThrow(/404/);
    ws.close();
    await closed(ws);
  });

  it('rejects an envelope the app never acks, or sent with no connection open', async () => {
    const slack = sim.connectSocket({ timeoutMs: 100 });
    await expect(slack.sendEvent(messageEvent({ channel: GENERAL, user: ALICE, text: 'x' }))).rejects.toThrow(/no Socket Mode connection/);
    const { url } = (await callApi(sim, 'apps.connections.open', sim.appToken)) as { url: string };
    const { ws } = await open(url);
    await expect(slack.sendInteraction(blockActionPayload({ user: ALICE, actionId: 'a', value: 'v' }))).rejects.toThrow(/did not acknowledge interactive envelope/);
    ws.close();
    await closed(ws);
  });
});

describe('with @slack/socket-mode', () => {
  let client: SocketModeClient;
  let slack: SocketDelivery;
  const logs: string[] = [];

  beforeEach(async () => {
    logs.length = 0;
    client = new SocketModeClient({
      appToken: sim.appToken,
      logger: quietLogger(logs),
      // Short timeouts: pings every 200 ms, a reconnection 600 ms after a disconnect.
      clientPingTimeout: 600,
      pingPongLoggingEnabled: true,
      clientOptions: { slackApiUrl: sim.apiUrl },
    });
    await client.start();
    slack = sim.connectSocket();
  });
  afterEach(async () => {
    await client.disconnect();
    await sim.waitForSocketConnections(0);
  });

  it('connects with the app token and gets hello', () => {
    expect(sim.socketConnections()).toBe(1);
    expect(sim.callsTo('apps.connections.open')).toHaveLength(1);
    expect(logs.filter((line) => line.startsWith('error') || line.startsWith('warn'))).toEqual([]);
  });

  it('receives events_api envelopes and acks them', async () => {
    const received: Array<{ eventType: string; eventId: unknown; retryNum: unknown }> = [];
    client.on('message', async ({ event, body, ack, retry_num }: { event: { type: string }; body: { event_id: unknown }; ack: () => Promise<void>; retry_num: unknown }) => {
      received.push({ eventType: event.type, eventId: body.event_id, retryNum: retry_num });
      await ack();
    });
    const result = await slack.sendEvent(messageEvent({ channel: GENERAL, user: ALICE, text: 'bonjour' }));
    expect(result.payload).toEqual({}); // ack() with no body
    expect(received).toEqual([{ eventType: 'message', eventId: result.eventId, retryNum: 0 }]);
    expect(sim.socketAcks()).toEqual([expect.objectContaining({ envelopeId: result.envelopeId, type: 'events_api', payload: {} })]);
  });

  it('hands slash commands and interactions over, and returns what ack(body) carried', async () => {
    client.on('slash_commands', async ({ body, ack }: { body: { text: string }; ack: (response?: Record<string, unknown>) => Promise<void> }) => {
      await ack({ response_type: 'ephemeral', text: `you said ${body.text}` });
    });
    client.on('interactive', async ({ body, ack }: { body: { type: string }; ack: () => Promise<void> }) => {
      expect(body.type).toBe('block_actions');
      await ack();
    });
    const command = await slack.sendCommand(slashCommandFields({ user: ALICE, channel: GENERAL, text: 'help', responseUrl: sim.responseUrl('c1') }));
    expect(command.payload).toEqual({ response_type: 'ephemeral', text: 'you said help' });
    const click = await slack.sendInteraction(blockActionPayload({ user: ALICE, actionId: 'charter_got_it', value: '1', channel: GENERAL }));
    expect(click).toMatchObject({ type: 'interactive', payload: {} });
  });

  it('reconnects after a disconnect message, and delivery goes on over the new connection', async () => {
    slack.disconnect('refresh_requested');
    await waitUntil(() => sim.socketConnectionsOpened() === 2 && sim.socketConnections() === 1, 5000);
    expect(sim.callsTo('apps.connections.open')).toHaveLength(2);
    client.on('message', async ({ ack }: { ack: () => Promise<void> }) => ack());
    await expect(slack.sendEvent(messageEvent({ channel: GENERAL, user: ALICE, text: 'encore là ?' }))).resolves.toMatchObject({ type: 'events_api' });
  });

  it('answers the client\'s pings', async () => {
    await new Promise((resolve) => setTimeout(resolve, 900)); // More than 3 pings at 200 ms.
    expect(sim.socketConnectionsOpened()).toBe(1);
    expect(logs.filter((line) => /pong wasn't received/.test(line))).toEqual([]);
    expect(logs.filter((line) => /received pong/.test(line)).length).toBeGreaterThanOrEqual(3);
  });
});

describe('the simulator\'s own imports', () => {
  it('are node: modules, ws and its own files: no Slack library, so it cannot mirror their mistakes', () => {
    const dir = path.join(__dirname, '../../src/simulator');
    const imported = fs
      .readdirSync(dir)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/^(?:import|export)[^;]*?from '([^']+)'/gms)].map((m) => m[1] ?? ''));
    expect(imported.length).toBeGreaterThan(10);
    expect(imported.filter((name) => !name.startsWith('node:') && !name.startsWith('./') && name !== 'ws')).toEqual([]);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
