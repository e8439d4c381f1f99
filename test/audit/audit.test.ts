import { runAudit, skipReason } from '../../src/audit/audit';
import type { ExportChannel, ExportMessage, ExportProblem, ExportProgress, ExportSource } from '../../src/audit/model';
import type { RuleSet } from '../../src/engine/rule';
import { defaultRuleSet } from '../helpers/default-rules';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0) / 1000; // Monday 5 January 2026, 09:00 UTC
const HOUR = 3600;

const general: ExportChannel = { id: 'C1', name: 'general', kind: 'channel', private: false, external: false };
const acme: ExportChannel = { id: 'C2', name: 'client-acme', kind: 'channel', private: false, external: true };
const team: ExportChannel = { id: 'G1', name: 'team-secret', kind: 'group', private: true, external: false };
const dm: ExportChannel = { id: 'D1', name: 'dm-u1-u2', kind: 'dm', private: true, external: false };
const mpim: ExportChannel = { id: 'M1', name: 'mpdm-u1-u2-u3', kind: 'mpim', private: true, external: false };

const CARD = '4970 1012 3456 7893';

function msg(channel: ExportChannel, hours: number, text: string, extra: Partial<ExportMessage> = {}): ExportMessage {
  return { channel, ts: (T0 + hours * HOUR).toFixed(6), user: 'U3', text, edited: false, file: `${channel.name}/day.json`, ...extra };
}

/** An in-memory export, counting how often its messages are read. */
function sourceOf(messages: ExportMessage[], problems: ExportProblem[] = []): ExportSource & { reads: number } {
  const channels = [...new Map(messages.map((m) => [m.channel.id, m.channel])).values()];
  const source = {
    name: 'export.zip',
    channels,
    reads: 0,
    async *messages(onProgress?: (progress: ExportProgress) => void): AsyncIterable<ExportMessage> {
      source.reads++;
      let count = 0;
      for (const message of messages) {
        count++;
        onProgress?.({ bytesRead: count * 100, bytesTotal: messages.length * 100, filesRead: count, messages: count });
        yield message;
      }
    },
    problems: () => problems,
  };
  return source;
}

/** The fixture: 8 messages checked, 7 skipped, over 3 days (5 to 7 January). */
function fixture(): ExportMessage[] {
  return [
    msg(general, 0, "t'es vraiment un con", { user: 'U1', lang: 'fr' }), // insult + profanity
    msg(general, 1, 'you are an idiot', { user: 'U1', lang: 'en' }), // insult, within U1's cooldown
    msg(general, 25, 'you are an idiot', { user: 'U1', lang: 'en', edited: true }), // insult, cooldown over
    msg(general, 26, 'what the fuck', { user: 'U2' }), // profanity-severe
    msg(general, 27, 'hello team, lunch at noon?', { user: 'U3' }),
    msg(general, 28, 'shit happens', { user: 'U3', subtype: 'thread_broadcast', threadTs: '1.0' }), // profanity, checked
    msg(general, 29, 'here is the deck for tomorrow', { user: 'U3', subtype: 'file_share' }),
    msg(general, 30, 'deploy done', { subtype: 'bot_message', botId: 'B1' }), // bots
    msg(general, 31, 'build failed, you idiot', { user: 'U9', botId: 'B2' }), // bots
    msg(general, 32, '<@U4> has joined the channel', { user: 'U4', subtype: 'channel_join' }), // system
    msg(general, 33, 'no author here', { user: undefined as unknown as string }), // system (no author)
    msg(general, 34, '   \n ', { user: 'U3' }), // empty
    msg(dm, 2, 'you are an idiot', { user: 'U1' }), // direct message
    msg(mpim, 3, 'you are an idiot', { user: 'U1' }), // direct message
    msg(acme, 50, `ma carte ${CARD}`, { user: 'U2', lang: 'fr' }), // payment-card, external channel
  ].map((m) => {
    if (m.user === undefined) delete m.user;
    return m;
  });
}

const problems: ExportProblem[] = [{ file: 'export.zip:general/2026-01-06.json', message: 'bad JSON (Unexpected token at line 3)' }];

function draftWithout(ruleSet: RuleSet, rule: string): RuleSet {
  return { ...ruleSet, rules: ruleSet.rules.filter((r) => r.id !== rule) };
}

describe('runAudit', () => {
  const live = { name: 'rules/', ruleSet: defaultRuleSet() };

  it('reads the export once and counts scanned and skipped messages by reason', async () => {
    const source = sourceOf(fixture(), problems);
    const progress: number[] = [];
    const report = await runAudit(source, { live }, { onProgress: (p) => progress.push(p.messages) });
    expect(source.reads).toBe(1);
    expect(progress).toHaveLength(15);
    expect(report.export).toBe('export.zip');
    expect(report.scanned).toBe(8);
    expect(report.skipped).toEqual({ bots: 2, directMessages: 2, system: 2, empty: 1 });
    expect(report.problems).toEqual(problems);
    expect(report.draft).toBeUndefined();
  });

  it('spans the days of the export, first to last', async () => {
    const report = await runAudit(sourceOf(fixture()), { live });
    expect(report.firstDay).toBe('2026-01-05');
    expect(report.lastDay).toBe('2026-01-07');
    expect(report.days).toBe(3);
  });

  it('counts per rule, per category and per channel, with rates per 1,000 scanned', async () => {
    const report = await runAudit(sourceOf(fixture()), { live });
    const rules = Object.fromEntries(report.live.rules.map((r) => [r.rule, r]));
    expect(rules['insult']).toMatchObject({ messages: 3, ratePer1000: 375, category: 'insult', action: 'nudge+flag' });
    expect(rules['insult']?.topChannels).toEqual([{ channel: 'general', messages: 3 }]);
    expect(rules['profanity']?.messages).toBe(2); // "con", "shit" (the thread broadcast is checked)
    expect(rules['profanity-severe']?.messages).toBe(1);
    expect(rules['payment-card']).toMatchObject({ messages: 1, ratePer1000: 125, topChannels: [{ channel: 'client-acme', messages: 1 }] });
    expect(rules['shouting']).toMatchObject({ messages: 0, ratePer1000: 0, remindersPerDay: 0, topChannels: [], samples: [] });
    // Every enabled rule is listed, fired or not; the disabled one is not.
    expect(report.live.rules.map((r) => r.rule).sort()).toEqual(live.ruleSet.rules.map((r) => r.id).sort());

    const categories = Object.fromEntries(report.live.categories.map((c) => [c.category, c]));
    expect(categories['insult']).toEqual({ category: 'insult', messages: 3, ratePer1000: 375 });
    expect(categories['profanity']).toEqual({ category: 'profanity', messages: 3, ratePer1000: 375 }); // con, fuck, shit
    expect(categories['payment-card']?.messages).toBe(1);

    expect(report.live.channels).toEqual([
      { channel: 'general', scanned: 7, flagged: 5 },
      { channel: 'client-acme', scanned: 1, flagged: 1 },
    ]);
    expect(report.live.flaggedMessages).toBe(6);
  });

  it('sorts rules noisiest first', async () => {
    const report = await runAudit(sourceOf(fixture()), { live });
    const counts = report.live.rules.map((r) => r.messages);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(report.live.rules[0]?.rule).toBe('insult');
    const categories = report.live.categories.map((c) => c.messages);
    expect(categories).toEqual([...categories].sort((a, b) => b - a));
  });

  it('simulates the cooldown: one reminder per rule per author per 24 h', async () => {
    const report = await runAudit(sourceOf(fixture()), { live });
    const insult = report.live.rules.find((r) => r.rule === 'insult');
    // U1: 09:00 reminded, 10:00 not (cooldown), next day 10:00 reminded: 2 reminders over 3 days.
    expect(insult?.remindersPerDay).toBeCloseTo(2 / 3, 3);
    // Messages with a reminder: con, idiot (day 2), fuck, shit, card = 5; alerts: 3 insults, fuck, card = 5.
    expect(report.live.remindersPerDay).toBeCloseTo(5 / 3, 3);
    expect(report.live.alertsPerDay).toBeCloseTo(5 / 3, 3);
  });

  it('two messages of one user for one rule within 24 h make one reminder', async () => {
    const report = await runAudit(
      sourceOf([msg(general, 0, 'you are an idiot', { user: 'U1' }), msg(general, 14.5, 'you are an idiot', { user: 'U1' })]),
      { live },
    );
    expect(report.days).toBe(1);
    expect(report.live.rules.find((r) => r.rule === 'insult')).toMatchObject({ messages: 2, remindersPerDay: 1 });
    expect(report.live.remindersPerDay).toBe(1);
    expect(report.live.alertsPerDay).toBe(2); // alerts have no cooldown
  });

  it('applies the cooldown per author and by message time, across channels read one after the other', async () => {
    const report = await runAudit(
      sourceOf([
        msg(general, 0, 'you are an idiot', { user: 'U5' }),
        msg(general, 26, 'you are an idiot', { user: 'U5' }),
        msg(general, 2, 'you are an idiot', { user: 'U6' }), // another author: own reminder
        msg(acme, 11, 'you are an idiot', { user: 'U5' }), // read last, written between: within 24 h of the first
      ]),
      { live },
    );
    // U5: 0 h and 26 h reminded, 11 h not; U6: 2 h reminded. 3 reminders over 2 days.
    expect(report.days).toBe(2);
    expect(report.live.rules.find((r) => r.rule === 'insult')?.remindersPerDay).toBe(1.5);
  });

  it('keeps a few distinct masked samples per rule, never a raw leaked value', async () => {
    const messages = fixture();
    for (let i = 0; i < 5; i++) messages.push(msg(general, 40 + i, `you are an idiot ${'!'.repeat(i)}`, { user: `U${10 + i}` }));
    const report = await runAudit(sourceOf(messages), { live }, { samplesPerRule: 2 });
    const insult = report.live.rules.find((r) => r.rule === 'insult');
    expect(insult?.samples).toEqual(["t'es vraiment un con", 'you are an idiot']);
    const card = report.live.rules.find((r) => r.rule === 'payment-card');
    expect(card?.samples).toHaveLength(1);
    expect(card?.samples[0]).toContain('•');
    expect(JSON.stringify(report)).not.toContain(CARD);
    expect(JSON.stringify(report)).not.toContain('4970');
    expect(JSON.stringify(report)).not.toContain('lunch at noon'); // no clean text either
  });

  it('evaluates with the channel context: external, private, name', async () => {
    const seen: Array<{ name?: string; private?: boolean; external?: boolean } | undefined> = [];
    const spy: RuleSet = {
      defaultLang: 'en',
      rules: [
        {
          id: 'spy',
          category: 'custom',
          severity: 'low',
          action: 'shadow',
          article: 'a1',
          inScope: () => true,
          exempt: new Set(['U7']),
          detect: (input) => {
            seen.push(input.message.channel);
            return input.message.lang === 'fr' ? [{ start: 0, end: 3, messageId: 'm' }] : [];
          },
          messages: { m: { fr: 'x', en: 'x' } },
        },
      ],
    };
    const report = await runAudit(
      sourceOf([msg(team, 0, 'abc def', { user: 'U1', lang: 'fr' }), msg(acme, 1, 'abc def', { user: 'U1' }), msg(acme, 2, 'abc', { user: 'U7', lang: 'fr' })]),
      { live: { name: 'spy', ruleSet: spy } },
    );
    expect(seen).toEqual([
      { name: 'team-secret', private: true, external: false },
      { name: 'client-acme', private: false, external: true },
    ]); // U7 is exempt: not evaluated
    expect(report.live.rules[0]).toMatchObject({ rule: 'spy', messages: 1, remindersPerDay: 0, samples: ['abc'] });
    expect(report.live.alertsPerDay).toBe(0);
  });

  it('compares a draft rule set with the live one', async () => {
    const draft = { name: 'draft-rules/', ruleSet: draftWithout(live.ruleSet, 'insult') };
    const report = await runAudit(sourceOf(fixture()), { live, draft });
    expect(report.draft?.rulesName).toBe('draft-rules/');
    expect(report.draft?.rules.some((r) => r.rule === 'insult')).toBe(false);
    expect(report.live.flaggedMessages).toBe(6);
    // Without the insult rule: con (profanity), fuck, shit, card. "you are an idiot" is no longer flagged.
    expect(report.draft?.flaggedMessages).toBe(4);
    expect(report.draft?.categories.find((c) => c.category === 'insult')).toBeUndefined();
    expect(report.draft?.channels).toEqual([
      { channel: 'general', scanned: 7, flagged: 3 },
      { channel: 'client-acme', scanned: 1, flagged: 1 },
    ]);
    const profanity = (r: typeof report.live) => r.rules.find((l) => l.rule === 'profanity')?.messages;
    expect(profanity(report.draft!)).toBe(profanity(report.live));
  });

  it('times the audit with the given clock', async () => {
    let clock = 1_000_000;
    const report = await runAudit(sourceOf(fixture()), { live }, { now: () => (clock += 500) });
    expect(report.generatedAt).toBe(1_001_000);
    expect(report.seconds).toBe(0.5);
    expect(report.messagesPerSecond).toBe(30); // 15 messages read in 0.5 s
  });

  it('reports an empty export without dividing by zero', async () => {
    const report = await runAudit(sourceOf([]), { live });
    expect(report).toMatchObject({ scanned: 0, days: 0, skipped: { bots: 0, directMessages: 0, system: 0, empty: 0 } });
    expect(report.firstDay).toBeUndefined();
    expect(report.live.rules.every((r) => r.ratePer1000 === 0 && r.remindersPerDay === 0)).toBe(true);
    expect(report.live.remindersPerDay).toBe(0);
  });

  it('skips exactly what the bot skips', () => {
    const skip = (extra: Partial<ExportMessage>, channel = general) => skipReason(msg(channel, 0, 'hello', extra));
    expect(skip({})).toBeUndefined();
    for (const subtype of ['thread_broadcast', 'file_share', 'me_message']) expect(skip({ subtype })).toBeUndefined();
    for (const subtype of ['channel_join', 'channel_topic', 'channel_purpose', 'pinned_item', 'tombstone']) expect(skip({ subtype })).toBe('system');
    expect(skip({ subtype: 'bot_message' })).toBe('bots');
    expect(skip({ botId: 'B1' })).toBe('bots');
    expect(skip({}, dm)).toBe('directMessages');
    expect(skip({}, mpim)).toBe('directMessages');
    expect(skip({}, team)).toBeUndefined();
    expect(skip({ text: '' })).toBe('empty');
  });

  it('keeps up with the bar on ordinary chat (≥ 50,000 messages/s with the engine)', async () => {
    const texts = ['hello team, lunch at noon?', 'the deploy is done, thanks all', 'can you review my PR please', 'réunion à 14h en salle B', 'ok pour moi'];
    const messages: ExportMessage[] = [];
    for (let i = 0; i < 20_000; i++) messages.push(msg(i % 2 === 0 ? general : acme, i / 100, texts[i % texts.length] as string, { user: `U${i % 40}` }));
    await runAudit(sourceOf(messages.slice(0, 2000)), { live }); // warm up
    const report = await runAudit(sourceOf(messages), { live }, { now: () => performance.now() });
    expect(report.scanned).toBe(20_000);
    // Loose here (CI machines vary); the bar is measured by the bench.
    expect(report.messagesPerSecond).toBeGreaterThan(10_000);
  });
});
