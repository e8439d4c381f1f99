/**
 * Socket Mode, the default mode, end to end: the real bot (src/bot.ts) opens its WebSocket to the
 * simulator with the app-level token; events, buttons and /charter travel as envelopes and come
 * back as acks; reminders are read back from the simulator's Web API.
 */
import { blockActionPayload, messageEvent, slashCommandFields, type RecordedCall } from '../../src/simulator';
import { ALICE, BOB, PROJET, SocketHarness, startHarness } from '../helpers/bot-harness';

let h: SocketHarness;
beforeEach(async () => {
  h = await startHarness({ mode: 'socket' });
});
afterEach(async () => {
  await h.stop();
});

function logged(): Array<Record<string, unknown>> {
  return h.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Log lines at warn (40) or above. */
function problems(): Array<Record<string, unknown>> {
  return logged().filter((line) => Number(line['level']) >= 40);
}

async function remindAlice(): Promise<RecordedCall> {
  const ack = await h.slack.sendEvent(messageEvent({ channel: PROJET, user: ALICE, text: 'putain, encore une panne' }));
  expect(ack).toMatchObject({ type: 'events_api', payload: {} });
  const [reminder] = await h.sim.waitForCalls('chat.postEphemeral', 1);
  await h.settle();
  return reminder as RecordedCall;
}

describe('Socket Mode', () => {
  it('connects with the app-level token: apps.connections.open, one WebSocket, no HTTP listener', () => {
    expect(h.sim.callsTo('apps.connections.open')).toHaveLength(1);
    expect(h.sim.socketConnections()).toBe(1);
    expect(h.bot.port).toBeUndefined();
    expect(logged()).toEqual(expect.arrayContaining([expect.objectContaining({ msg: 'charter-bot is running', mode: 'socket' })]));
    expect(problems()).toEqual([]);
  });

  it('a rude message over the socket gets its author exactly one private reminder, in French', async () => {
    const reminder = await remindAlice();
    expect(h.sim.callsTo('chat.postEphemeral')).toHaveLength(1);
    expect(reminder.args).toMatchObject({ channel: PROJET, user: ALICE });
    expect(JSON.stringify(reminder.args)).toMatch(/Langage/); // the article title, in French
    expect(h.sim.callsTo('chat.postMessage').filter((c) => c.args.channel === PROJET)).toEqual([]);
  });

  it('the same event delivered three times (Slack retries) yields one reminder and one flag; each delivery is acked', async () => {
    const event = messageEvent({ channel: PROJET, user: ALICE, text: 'putain, encore une panne' });
    const first = await h.slack.sendEvent(event);
    await h.slack.sendEvent(event, { eventId: first.eventId, retryNum: 1 });
    await h.slack.sendEvent(event, { eventId: first.eventId, retryNum: 2, retryReason: 'timeout' });
    await h.settle();
    expect(h.sim.callsTo('chat.postEphemeral')).toHaveLength(1);
    expect((await h.bot.store.listFlags({}, { limit: 5 })).items).toHaveLength(1);
    expect(h.sim.socketAcks().filter((ack) => ack.type === 'events_api')).toHaveLength(3);
  });

  it('/charter is answered in the ack itself (Bolt\'s ack(body)), privately and in the user\'s language', async () => {
    const command = (user: string, text: string) =>
      h.slack.sendCommand(slashCommandFields({ user, channel: PROJET, text, responseUrl: h.sim.responseUrl(`cmd-${user}-${text}`) }));
    const help = await command(BOB, 'help');
    expect(help.type).toBe('slash_commands');
    expect(help.payload).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(help.payload)).toMatch(/\/charter/);
    const summary = await command(ALICE, '');
    expect(JSON.stringify(summary.payload)).toMatch(/Courtoisie/);
    // Nothing went through the response URL: the answer travelled back on the socket.
    expect(h.sim.responses()).toEqual([]);
  });

  it('"Got it" over the socket is acked, and the reminder is removed through its response URL', async () => {
    const reminder = await remindAlice();
    const blocks = (reminder.args.blocks ?? []) as Array<{ elements?: Array<{ action_id?: string; value?: string }> }>;
    const value = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'charter_got_it')?.value ?? '';
    const ack = await h.slack.sendInteraction(
      blockActionPayload({ user: ALICE, actionId: 'charter_got_it', value, channel: PROJET, responseUrl: h.sim.responseUrl('got-it') }),
    );
    expect(ack).toMatchObject({ type: 'interactive', payload: {} });
    await h.settle();
    expect(h.sim.responses().find((r) => r.id === 'got-it')?.body).toMatchObject({ delete_original: true });
  });

  it('reconnects when Slack asks it to refresh the connection, and keeps moderating', async () => {
    h.slack.disconnect('refresh_requested');
    // @slack/socket-mode waits its client ping timeout (5 s by default) before reconnecting.
    const deadline = Date.now() + 9000;
    while (h.sim.socketConnectionsOpened() < 2 || h.sim.socketConnections() !== 1) {
      if (Date.now() > deadline) throw new Error(`no reconnection: ${h.sim.socketConnectionsOpened()} opened, ${h.sim.socketConnections()} open`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(h.sim.callsTo('apps.connections.open')).toHaveLength(2);
    expect(h.sim.socketCloseCodes()).toEqual([1000]); // The bot closed the old one cleanly.
    await remindAlice();
    expect(h.sim.callsTo('chat.postEphemeral')).toHaveLength(1);
    expect(problems()).toEqual([]);
  }, 15_000);

  it('bot.stop() closes the socket with a clean close handshake and does not reconnect', async () => {
    await h.stop();
    expect(h.sim.socketConnections()).toBe(0);
    expect(h.sim.socketCloseCodes()).toEqual([1000]);
    expect(h.sim.socketConnectionsOpened()).toBe(1);
    expect(h.sim.callsTo('apps.connections.open')).toHaveLength(1);
    expect(problems()).toEqual([]);
  });
});
