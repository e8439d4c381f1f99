import { createMessageHandler, IncomingMessage, MessageHandler } from '../../src/moderation/handle-message';
import { KindnessPolicy, DEFAULT_POLICY } from '../../src/moderation/policy';
import { OutboxRelay } from '../../src/moderation/relay';
import { defaultRules } from '../helpers/default-rules';
import { FakeNotifier, ManualClock } from '../helpers/fake-notifier';
import { openTempStore, TempStore } from '../helpers/temp-store';

const HOUR = 3_600_000;

let temp: TempStore;
let clock: ManualClock;
let notifier: FakeNotifier;
let relay: OutboxRelay;

function handler(policy: KindnessPolicy = DEFAULT_POLICY): MessageHandler {
  return createMessageHandler({ store: temp.store, rules: defaultRules, clock, policy });
}

let sequence = 0;
function message(text: string, overrides: Partial<IncomingMessage> = {}): IncomingMessage {
  sequence++;
  return {
    eventId: `Ev${String(sequence).padStart(8, '0')}`,
    channel: { id: 'C0123ABCD', name: 'projet-atlas' },
    author: 'U0456EFGH',
    ts: `1732790400.${String(sequence).padStart(6, '0')}`,
    text,
    locale: 'fr',
    ...overrides,
  };
}

beforeEach(() => {
  temp = openTempStore();
  clock = new ManualClock();
  notifier = new FakeNotifier();
  relay = new OutboxRelay({ store: temp.store, notifier, clock, random: () => 0.5 });
});

afterEach(async () => {
  await temp.cleanup();
});

describe('handleMessage', () => {
  it('records a flag and queues one reminder for a message that breaks a rule', async () => {
    const result = await handler()(message("t'es vraiment un con"));
    expect(result.rules.sort()).toEqual(['insult', 'profanity']);
    expect(result.flagsCreated).toBe(2);
    expect(result.queued).toBe(2); // a reminder to the author, and an alert: insults are nudge+flag
    const flags = (await temp.store.listFlags({}, { limit: 10 })).items;
    expect(flags.map((f) => f.rule).sort()).toEqual(['insult', 'profanity']);
    expect(flags.every((f) => f.status === 'open' && f.nudged && f.author === 'U0456EFGH')).toBe(true);

    await relay.drain();
    expect(notifier.delivered.map((d) => d.kind)).toEqual(['nudge', 'alert']);
    expect(notifier.delivered[0]?.payload).toMatchObject({ user: 'U0456EFGH', lang: 'fr', channel: 'C0123ABCD' });
    expect(notifier.delivered[0]?.payload.findings.map((f) => f.flagRule).sort()).toEqual(['insult', 'profanity']);
    expect(notifier.delivered[1]?.payload.findings.map((f) => f.flagRule)).toEqual(['insult']);
    const sent = (await temp.store.listDeliveries({ status: 'sent' }, { limit: 10 })).items;
    expect(sent[0]?.receipt?.ts).toMatch(/^1732790400\./);
  });

  it('leaves no trace of a clean message', async () => {
    const result = await handler()(message('On se retrouve à 14h pour la revue du sprint ?'));
    expect(result).toMatchObject({ rules: [], flagsCreated: 0, queued: 0 });
    expect((await temp.store.listFlags({ includeShadow: true }, { limit: 10 })).items).toEqual([]);
  });

  it('processes an event delivered twice (a Slack retry) once', async () => {
    const handle = handler();
    const event = message('putain, encore une panne');
    await handle(event);
    const again = await handle(event);
    expect(again.duplicateEvent).toBe(true);
    expect(again.flagsCreated).toBe(0);
    await relay.drain();
    expect(notifier.delivered).toHaveLength(1);
    expect((await temp.store.listFlags({}, { limit: 10 })).items).toHaveLength(1);
  });

  it('an edit that does not change the text (a link unfurl) neither flags nor reminds again', async () => {
    const handle = handler();
    const original = message('putain, encore une panne');
    await handle(original);
    const unfurl = await handle({ ...original, eventId: 'EvEDIT0001', edited: true });
    expect(unfurl).toMatchObject({ duplicateEvent: false, flagsCreated: 0, flagsUpdated: 0, queued: 0 });
    await relay.drain();
    expect(notifier.delivered).toHaveLength(1);
  });

  it('an edit that removes the problem resolves the flag; one that changes it updates the flag', async () => {
    const handle = handler();
    const original = message('putain, encore une panne');
    await handle(original);
    const changed = await handle({ ...original, eventId: 'EvEDIT0002', edited: true, text: 'merde, encore une panne' });
    expect(changed).toMatchObject({ flagsCreated: 0, flagsUpdated: 1, queued: 0 });
    let flags = (await temp.store.listFlags({}, { limit: 10 })).items;
    expect(flags).toHaveLength(1);
    expect(flags[0]?.excerpt).toBe('merde');

    const fixed = await handle({ ...original, eventId: 'EvEDIT0003', edited: true, text: 'Encore une panne, désolé' });
    expect(fixed).toMatchObject({ flagsResolved: 1, queued: 0 });
    flags = (await temp.store.listFlags({}, { limit: 10 })).items;
    expect(flags[0]?.status).toBe('resolved');
  });

  it('an edit that adds a leak flags the new rule and reminds about it alone', async () => {
    const handle = handler();
    const original = message('putain, encore une panne');
    await handle(original);
    await handle({ ...original, eventId: 'EvEDIT0004', edited: true, text: 'putain, encore une panne. mdp : Soleil2024!' });
    await relay.drain();
    const reminders = notifier.delivered.filter((d) => d.kind === 'nudge');
    expect(reminders.map((d) => d.payload.findings.map((f) => f.flagRule))).toEqual([['profanity'], ['password']]);
  });

  it('applies the channel scope: familiar tone only where the rules say so', async () => {
    const handle = handler();
    expect((await handle(message('mdr ok je regarde', { channel: { id: 'C1', name: 'random' } }))).rules).toEqual([]);
    expect((await handle(message('mdr ok je regarde', { channel: { id: 'C2', name: 'client-renault', external: true } }))).rules).toEqual(['familiar-tone']);
  });

  it('cooldown: a second hit of the same rule within the window is recorded, not nudged', async () => {
    const handle = handler();
    await handle(message('putain, encore une panne'));
    clock.advance(2 * HOUR);
    const second = await handle(message('merde, la prod est tombée'));
    expect(second).toMatchObject({ flagsCreated: 1, queued: 0 });
    clock.advance(23 * HOUR);
    const third = await handle(message('putain de VPN'));
    expect(third).toMatchObject({ flagsCreated: 1, queued: 1 });
    const flags = (await temp.store.listFlags({}, { limit: 10 })).items;
    expect(flags.map((f) => f.nudged)).toEqual([true, false, true]);
  });

  it('escalation ladder: the third etiquette reminder in 30 days also alerts moderators', async () => {
    const handle = handler({ cooldownMs: 0, ladder: { categories: ['profanity', 'insult'], threshold: 3, windowMs: 30 * 24 * HOUR } });
    await handle(message('putain, encore une panne'));
    clock.advance(24 * HOUR);
    await handle(message('merde, la prod est tombée'));
    clock.advance(24 * HOUR);
    await handle(message('putain de VPN'));
    await relay.drain();
    expect(notifier.delivered.map((d) => d.kind)).toEqual(['nudge', 'nudge', 'nudge', 'alert']);
    expect(notifier.delivered[3]?.payload).toMatchObject({ alertReason: 'ladder', recentFlags: 3 });
  });

  it('the ladder forgets reminders older than its window', async () => {
    const handle = handler({ cooldownMs: 0, ladder: { categories: ['profanity'], threshold: 3, windowMs: 30 * 24 * HOUR } });
    await handle(message('putain, encore une panne'));
    clock.advance(31 * 24 * HOUR);
    await handle(message('merde, la prod est tombée'));
    await handle(message('putain de VPN'));
    await relay.drain();
    expect(notifier.delivered.map((d) => d.kind)).toEqual(['nudge', 'nudge', 'nudge']);
  });

  it('a secret is flagged for moderators and the reminder carries only the masked excerpt', async () => {
    const token = ['xoxb', '2918273645', '1827364519', 'aBcDeFgHiJkLmNoPqRsTuVwX'].join('-');
    await handler()(message(`le token du bot : ${token}`));
    await relay.drain();
    expect(notifier.delivered.map((d) => d.kind)).toEqual(['nudge', 'alert']);
    for (const delivery of notifier.delivered) expect(JSON.stringify(delivery)).not.toContain(token);
    const flags = (await temp.store.listFlags({}, { limit: 10 })).items;
    expect(flags[0]?.category).toBe('secret');
    expect(flags[0]?.excerpt).not.toContain(token);
  });
});

describe('handleMessage looks the author up only when the message needs it', () => {
  /** A lookup that counts its calls. */
  function lookup(facts: { locale?: 'fr' | 'en'; isBot: boolean }) {
    const calls = { count: 0 };
    const lookUpAuthor = async () => {
      calls.count++;
      return facts;
    };
    return { calls, lookUpAuthor };
  }

  it('a clean message whose words say its language needs no lookup', async () => {
    const { calls, lookUpAuthor } = lookup({ locale: 'en', isBot: false });
    const result = await handler()(message('On se retrouve à 14h pour la revue du sprint ?', { locale: undefined, lookUpAuthor } as Partial<IncomingMessage>));
    expect(result.rules).toEqual([]);
    expect(calls.count).toBe(0);
  });

  it('a message that breaks a rule is looked up once, and the reminder speaks the author’s language', async () => {
    const { calls, lookUpAuthor } = lookup({ locale: 'en', isBot: false });
    const result = await handler()(message("t'es vraiment un con", { locale: undefined, lookUpAuthor } as Partial<IncomingMessage>));
    expect(calls.count).toBe(1);
    expect(result.flagsCreated).toBe(2);
    await relay.drain();
    expect(notifier.delivered[0]?.payload).toMatchObject({ user: 'U0456EFGH', lang: 'en' });
  });

  it('a bot author’s breaking message is not recorded', async () => {
    const { calls, lookUpAuthor } = lookup({ isBot: true });
    const result = await handler()(message("t'es vraiment un con", { locale: undefined, lookUpAuthor } as Partial<IncomingMessage>));
    expect(calls.count).toBe(1);
    expect(result).toMatchObject({ botAuthor: true, rules: [], flagsCreated: 0, queued: 0 });
    expect((await temp.store.listFlags({ includeShadow: true }, { limit: 10 })).items).toEqual([]);
  });

  it('a word offensive in French only, in a message whose words do not tell its language, is judged in the author’s language', async () => {
    // The rule set's default language is French: "grosse bite" alone would be French.
    const english = lookup({ locale: 'en', isBot: false });
    const fromEnglish = await handler()(message('grosse bite', { locale: undefined, lookUpAuthor: english.lookUpAuthor } as Partial<IncomingMessage>));
    expect(english.calls.count).toBe(1);
    expect(fromEnglish.rules).toEqual([]);

    const french = lookup({ locale: 'fr', isBot: false });
    const fromFrench = await handler()(message('grosse bite', { locale: undefined, lookUpAuthor: french.lookUpAuthor } as Partial<IncomingMessage>));
    expect(fromFrench.rules).toEqual(['profanity']);
  });
});
