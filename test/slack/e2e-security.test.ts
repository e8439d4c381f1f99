/**
 * What reaches the bot over HTTP: signatures, Slack's retries, malformed bodies, health.
 */
import { messageEvent } from '../../src/simulator';
import { ALICE, Harness, PROJET, startHarness } from '../helpers/bot-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

describe('requests from Slack', () => {
  it('a forged signature gets 401 and causes nothing', async () => {
    const { status } = await h.slack.sendEvent(messageEvent({ channel: PROJET, user: ALICE, text: 'putain, encore une panne' }), { signature: 'v0=' + '0'.repeat(64) });
    expect(status).toBe(401);
    await h.settle();
    expect(h.sim.callsTo('chat.postEphemeral')).toEqual([]);
    expect((await h.bot.store.listFlags({ includeShadow: true }, { limit: 5 })).items).toEqual([]);
  });

  it('a stale signature (replayed after 5 minutes) gets 401 and causes nothing', async () => {
    const { status } = await h.slack.sendEvent(messageEvent({ channel: PROJET, user: ALICE, text: 'putain, encore une panne' }), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(status).toBe(401);
    await h.settle();
    expect(h.sim.callsTo('chat.postEphemeral')).toEqual([]);
  });

  it('the same event delivered three times (Slack retries) yields one reminder and one flag', async () => {
    const event = messageEvent({ channel: PROJET, user: ALICE, text: 'putain, encore une panne' });
    const first = await h.slack.sendEvent(event);
    await h.slack.sendEvent(event, { eventId: first.eventId, retryNum: 1 });
    await h.slack.sendEvent(event, { eventId: first.eventId, retryNum: 2 });
    await h.settle();
    expect(h.sim.callsTo('chat.postEphemeral')).toHaveLength(1);
    expect((await h.bot.store.listFlags({}, { limit: 5 })).items).toHaveLength(1);
  });

  it('malformed bodies are refused cleanly and the bot goes on serving', async () => {
    const bad = await h.slack.post('{"type":"event_callback", "event":', { 'content-type': 'application/json' });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    await h.slack.sendEvent({ type: 'message', channel: PROJET });
    await h.slack.sendEvent(messageEvent({ channel: PROJET, user: ALICE, text: 'putain, encore une panne' }));
    await h.sim.waitForCalls('chat.postEphemeral', 1);
  });

  it('GET /healthz answers 200 while the store is reachable', async () => {
    const response = await fetch(`http://127.0.0.1:${h.bot.port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('never logs message text', async () => {
    await h.slack.sendEvent(messageEvent({ channel: PROJET, user: ALICE, text: 'putain, encore une panne sur le serveur zorglub' }));
    await h.sim.waitForCalls('chat.postEphemeral', 1);
    await h.settle();
    expect(h.logs.length).toBeGreaterThan(3);
    expect(h.logs.join('')).not.toContain('zorglub');
  });
});
