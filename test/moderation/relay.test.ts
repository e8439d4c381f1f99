import { createMessageHandler, IncomingMessage } from '../../src/moderation/handle-message';
import { OutboxRelay } from '../../src/moderation/relay';
import { defaultRules } from '../helpers/default-rules';
import { FakeNotifier, ManualClock } from '../helpers/fake-notifier';
import { openTempStore, TempStore } from '../helpers/temp-store';

let temp: TempStore;
let clock: ManualClock;
let notifier: FakeNotifier;

let sequence = 0;
function breaking(overrides: Partial<IncomingMessage> = {}): IncomingMessage {
  sequence++;
  return {
    eventId: `Ev${sequence}`,
    channel: { id: 'C0123ABCD', name: 'projet-atlas' },
    author: `U${String(sequence).padStart(8, '0')}`,
    ts: `1732790400.${String(sequence).padStart(6, '0')}`,
    text: 'putain, encore une panne',
    locale: 'fr',
    ...overrides,
  };
}

async function queue(count = 1): Promise<void> {
  const handle = createMessageHandler({ store: temp.store, rules: defaultRules, clock });
  for (let i = 0; i < count; i++) await handle(breaking());
}

function relay(options: Partial<ConstructorParameters<typeof OutboxRelay>[0]> = {}): OutboxRelay {
  return new OutboxRelay({ store: temp.store, notifier, clock, random: () => 0.5, ...options });
}

async function deliveries(status: 'pending' | 'sent' | 'failed') {
  return (await temp.store.listDeliveries({ status }, { limit: 1000 })).items;
}

beforeEach(() => {
  temp = openTempStore();
  clock = new ManualClock();
  notifier = new FakeNotifier();
});

afterEach(async () => {
  await temp.cleanup();
});

describe('OutboxRelay', () => {
  it('honours Retry-After on a 429: nothing is tried before, it is sent once after', async () => {
    await queue();
    notifier.then({ transient: 'ratelimited', retryAfterMs: 30_000 });
    const relayer = relay();
    expect(await relayer.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    clock.advance(29_000);
    expect(await relayer.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(1_000);
    expect(await relayer.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(notifier.delivered).toHaveLength(1);
    const [sent] = await deliveries('sent');
    expect(sent).toMatchObject({ attempts: 2, status: 'sent' });
  });

  it('backs off exponentially on 5xx, with the last error recorded', async () => {
    await queue();
    notifier.then({ transient: 'http_500' }, { transient: 'http_503' });
    const relayer = relay({ retry: { baseDelayMs: 1_000 } });
    await relayer.runOnce();
    let [pending] = await deliveries('pending');
    expect(pending).toMatchObject({ attempts: 1, lastError: 'http_500' });
    expect(pending?.nextAttemptAt).toBe(clock.now() + 750); // 1 s step, jitter 0.5 → 75 %
    clock.advance(750);
    await relayer.runOnce();
    [pending] = await deliveries('pending');
    expect(pending).toMatchObject({ attempts: 2, lastError: 'http_503' });
    expect(pending?.nextAttemptAt).toBe(clock.now() + 1_500);
    clock.advance(1_500);
    await relayer.runOnce();
    expect(await deliveries('sent')).toHaveLength(1);
  });

  it('a call that hangs counts as a transient timeout', async () => {
    await queue();
    notifier.then('hang');
    const relayer = relay({ retry: { timeoutMs: 20 } });
    expect(await relayer.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await deliveries('pending'))[0]?.lastError).toBe('timeout');
  });

  it('an unclassified error is transient, logged by type only', async () => {
    await queue();
    notifier.then('throw');
    expect(await relay().runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await deliveries('pending'))[0]?.lastError).toBe('Error');
  });

  it('gives up at once on a permanent error, visible with the flag', async () => {
    await queue();
    notifier.then({ permanent: 'channel_not_found' });
    expect(await relay().runOnce()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const [failed] = await deliveries('failed');
    expect(failed).toMatchObject({ lastError: 'channel_not_found', attempts: 1 });
    const flagId = failed?.flagIds[0] as number;
    const forFlag = (await temp.store.listDeliveries({ flagId }, { limit: 10 })).items;
    expect(forFlag.map((d) => d.status)).toEqual(['failed']);
  });

  it('gives up after the last attempt of a transient error', async () => {
    await queue();
    notifier.behave(() => ({ transient: 'http_502' }));
    const relayer = relay({ retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 10 } });
    for (let i = 0; i < 3; i++) {
      await relayer.runOnce();
      clock.advance(10);
    }
    const [failed] = await deliveries('failed');
    expect(failed).toMatchObject({ lastError: 'gave_up:http_502', attempts: 3 });
    expect(await relayer.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it('a delivery leased by a process that died is delivered once its lease expires', async () => {
    await queue();
    // A first relay claims the delivery and dies before it can report.
    await temp.store.claimDueDeliveries(clock.now(), 10, 60_000);
    const survivor = relay();
    expect(await survivor.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(60_000);
    expect(await survivor.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
  });

  it('runs in the background: woken by new deliveries, stopped cleanly', async () => {
    const realClockRelay = new OutboxRelay({ store: temp.store, notifier, idleMs: 50 });
    realClockRelay.start();
    const handle = createMessageHandler({ store: temp.store, rules: defaultRules, onQueued: () => realClockRelay.wake() });
    await handle(breaking());
    await waitFor(() => notifier.delivered.length === 1);
    await realClockRelay.stop();
    expect(notifier.delivered).toHaveLength(1);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
