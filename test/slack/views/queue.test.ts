import type {
  ActionsBlock,
  Button,
  ConversationsSelect,
  Datepicker,
  KnownBlock,
  StaticSelect,
} from '@slack/types';
import { CATEGORIES, type Lang } from '../../../src/engine/types';
import type { Flag } from '../../../src/moderation/model';
import type { RuleStats } from '../../../src/moderation/ports';
import { t } from '../../../src/slack/i18n';
import { MOD_ACTION } from '../../../src/slack/ids';
import { homeView, moderatorQueueBlocks, sparkline, type ModeratorQueueInput, type ReportFields } from '../../../src/slack/views';
import { unsafeMarkup, validateBlocks, validateView } from './block-limits';
import { flag, foreignIn, realCharter, rendered } from './fixtures';

const NOW = Date.UTC(2026, 11, 5, 10, 0);
const HOSTILE = '<!everyone> <@U0EVIL1> & `code` <https://evil.example|x>';

function stats(rule: string, flags: number, confirmed: number, dismissed: number, falsePositiveRate?: number): RuleStats {
  return {
    rule,
    flags,
    open: flags - confirmed - dismissed,
    confirmed,
    dismissed,
    escalated: 0,
    resolved: 0,
    reports: 0,
    ...(falsePositiveRate !== undefined ? { falsePositiveRate } : {}),
  };
}

/** A member report's flag (structural: works whether or not the model declares these fields yet). */
function asReport(base: Flag, fields: ReportFields): Flag {
  return Object.assign(base, fields);
}

function input(lang: Lang, overrides: Partial<ModeratorQueueInput> = {}): ModeratorQueueInput {
  return {
    lang,
    flags: [flag({ id: 5, createdAt: NOW - 3600_000 })],
    reportsByFlag: new Map(),
    filter: { status: 'open' },
    rules: ['profanity', 'insult', 'password', 'member-report'],
    hasNext: false,
    isFirstPage: true,
    stats: [stats('profanity', 12, 8, 2, 0.2)],
    trend: [{ rule: 'profanity', weekly: [1, 2, 4, 5] }],
    now: NOW,
    ...overrides,
  };
}

function actionBlocks(blocks: readonly KnownBlock[]): ActionsBlock[] {
  return blocks.filter((block): block is ActionsBlock => block.type === 'actions');
}

function filters(blocks: readonly KnownBlock[]) {
  const elements = actionBlocks(blocks)[0]?.elements ?? [];
  const byId = (id: string) => elements.find((e) => 'action_id' in e && e.action_id === id);
  return {
    status: byId(MOD_ACTION.filterStatus) as StaticSelect,
    category: byId(MOD_ACTION.filterCategory) as StaticSelect,
    rule: byId(MOD_ACTION.filterRule) as StaticSelect,
    channel: byId(MOD_ACTION.filterChannel) as ConversationsSelect,
    since: byId(MOD_ACTION.filterSince) as Datepicker,
  };
}

function buttons(blocks: readonly KnownBlock[]): Button[] {
  return actionBlocks(blocks).flatMap((block) => block.elements.filter((e): e is Button => e.type === 'button'));
}

function sectionTexts(blocks: readonly KnownBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === 'section' && block.text !== undefined ? [block.text.text] : []));
}

describe.each(['fr', 'en'] as const)('moderatorQueueBlocks (%s)', (lang) => {
  it('starts with the header and the filters, showing the current choice', () => {
    const blocks = moderatorQueueBlocks(input(lang));
    expect(blocks.find((b) => b.type === 'header')).toMatchObject({ text: { text: lang === 'fr' ? 'File de revue' : 'Review queue' } });
    const f = filters(blocks);
    expect(f.status.options?.map((o) => o.value)).toEqual(['open', 'dismissed', 'confirmed', 'escalated', 'resolved', 'all']);
    expect(f.status.initial_option?.value).toBe('open');
    expect(f.status.initial_option?.text.text).toBe(t(lang, 'status.open'));
    expect(f.category.options?.map((o) => o.value)).toEqual(['all', ...CATEGORIES]);
    expect(f.category.initial_option?.value).toBe('all');
    expect(f.rule.options?.map((o) => o.value)).toEqual(['all', 'profanity', 'insult', 'password', 'member-report']);
    expect(f.rule.initial_option?.value).toBe('all');
    expect(f.channel).toMatchObject({ type: 'conversations_select', filter: { include: ['public', 'private'], exclude_bot_users: true } });
    expect(f.channel.initial_conversation).toBeUndefined();
    expect(f.since.type).toBe('datepicker');
    expect(f.since.initial_date).toBeUndefined();
    expect(validateBlocks(blocks, 'home')).toEqual([]);
    expect(foreignIn(blocks, lang)).toEqual([]);
  });

  it('sets every filter’s initial value from the filter', () => {
    const blocks = moderatorQueueBlocks(
      input(lang, { filter: { status: 'dismissed', category: 'password', rule: 'password', channel: 'C0PROJET1', since: '2026-11-01' } }),
    );
    const f = filters(blocks);
    expect(f.status.initial_option?.value).toBe('dismissed');
    expect(f.category.initial_option).toEqual({ text: { type: 'plain_text', text: lang === 'fr' ? 'Mot de passe' : 'Password', emoji: true }, value: 'password' });
    expect(f.rule.initial_option?.value).toBe('password');
    expect(f.channel.initial_conversation).toBe('C0PROJET1');
    expect(f.since.initial_date).toBe('2026-11-01');
    expect(validateBlocks(blocks, 'home')).toEqual([]);
  });

  it('keeps a filtered rule the rule set no longer has, and ignores malformed channel and date', () => {
    const blocks = moderatorQueueBlocks(input(lang, { filter: { status: 'all', rule: 'retired-rule', channel: '#general', since: 'yesterday' } }));
    const f = filters(blocks);
    expect(f.status.initial_option?.value).toBe('all');
    expect(f.rule.initial_option?.value).toBe('retired-rule');
    expect(f.channel.initial_conversation).toBeUndefined();
    expect(f.since.initial_date).toBeUndefined();
    expect(validateBlocks(blocks, 'home')).toEqual([]);
  });

  it('shows each flag with its decision buttons, valued with its id', () => {
    const flags = [
      flag({ id: 5, rule: 'insult', category: 'insult', severity: 'high', channel: 'C0PROJET1', createdAt: NOW - 3600_000, excerpt: 't’es un c**' }),
      flag({ id: 6, createdAt: Date.UTC(2026, 10, 20, 9), status: 'confirmed', handledBy: 'U0MODO001', handledAt: Date.UTC(2026, 10, 21, 8, 5), note: 'vu avec l’équipe' }),
    ];
    const blocks = moderatorQueueBlocks(input(lang, { flags, reportsByFlag: new Map([[5, 2]]) }));
    const [first, second] = sectionTexts(blocks);
    expect(first).toContain(`🟠 \`insult\` · ${lang === 'fr' ? 'Insulte' : 'Insult'} · <#C0PROJET1> · <@U0AUTHOR1> · ${t(lang, 'common.today')} · _${t(lang, 'status.open')}_`);
    expect(first).toContain('`t’es un c**`');
    expect(first).toContain(lang === 'fr' ? '🙋 2 × «\u00a0c’est une erreur\u00a0»' : '🙋 2 × “this is a mistake”');
    expect(second).toContain(lang === 'fr' ? '20/11/2026' : '20 Nov 2026');
    expect(second).toContain(lang === 'fr' ? '✅ Confirmé par <@U0MODO001> le 21/11/2026 à 08:05' : '✅ Confirmed by <@U0MODO001> on 21 Nov 2026 at 08:05');
    expect(second).toContain('vu avec l’équipe');
    expect(second).not.toContain('🙋');
    const decisions = buttons(blocks).filter((b) => b.action_id === MOD_ACTION.dismiss || b.action_id === MOD_ACTION.confirm || b.action_id === MOD_ACTION.escalate || b.action_id === MOD_ACTION.note);
    expect(decisions.map((b) => b.value)).toEqual(['5', '5', '5', '5', '6', '6', '6', '6']);
    expect(decisions.find((b) => b.action_id === MOD_ACTION.escalate)?.confirm).toBeDefined();
    expect(validateBlocks(blocks, 'home')).toEqual([]);
    expect(unsafeMarkup(blocks)).toEqual([]);
    expect(foreignIn(blocks, lang)).toEqual([]);
  });

  it('falls back on the flag’s own report count', () => {
    const blocks = moderatorQueueBlocks(input(lang, { flags: [flag({ id: 9, reports: 3 })] }));
    expect(rendered(blocks)).toContain('🙋 3 ×');
  });

  it('shows a member report and its escaped reason, not the reporter unless asked', () => {
    const reported = asReport(flag({ id: 7, rule: 'member-report' }), { alertReason: 'report', reportedBy: 'U0REPORTR', reportReason: `c’est limite ${HOSTILE}` });
    const blocks = moderatorQueueBlocks(input(lang, { flags: [reported] }));
    const text = rendered(blocks);
    expect(text).toContain(lang === 'fr' ? 'Signalé par un membre.' : 'Reported by a member.');
    expect(text).toContain('c’est limite &lt;!everyone&gt; &lt;@U0EVIL1&gt; &amp; ˋcodeˋ');
    expect(text).not.toContain('U0REPORTR');
    expect(unsafeMarkup(blocks)).toEqual([]);
    const named = moderatorQueueBlocks(input(lang, { flags: [reported], showReporter: true }));
    expect(rendered(named)).toContain('<@U0REPORTR>');
  });

  it('escapes hostile excerpts, rule ids, notes and channel names', () => {
    const hostile = flag({ id: 8, excerpt: HOSTILE, rule: '<!here>', channel: 'nope', channelName: '<!channel>', note: HOSTILE, status: 'escalated', handledBy: 'U0MODO001', handledAt: NOW });
    const blocks = moderatorQueueBlocks(input(lang, { flags: [hostile], stats: [stats('<!here>`', 3, 1, 1, 0.5)], trend: [{ rule: '<!here>`', weekly: [3] }] }));
    expect(unsafeMarkup(blocks)).toEqual([]);
    expect(validateBlocks(blocks, 'home')).toEqual([]);
    expect(rendered(blocks)).toContain('`&lt;!everyone&gt; &lt;@U0EVIL1&gt; &amp; ˋcodeˋ');
  });

  it('offers the next page and the first page when relevant', () => {
    const only = buttons(moderatorQueueBlocks(input(lang)));
    expect(only.some((b) => b.action_id === MOD_ACTION.pageNext || b.action_id === MOD_ACTION.pageFirst)).toBe(false);

    const first = buttons(moderatorQueueBlocks(input(lang, { hasNext: true, nextCursor: 42 })));
    expect(first.find((b) => b.action_id === MOD_ACTION.pageNext)).toMatchObject({ value: '42', text: { text: t(lang, 'queue.page.next') } });
    expect(first.some((b) => b.action_id === MOD_ACTION.pageFirst)).toBe(false);

    const middle = buttons(moderatorQueueBlocks(input(lang, { hasNext: true, nextCursor: 17, isFirstPage: false })));
    expect(middle.find((b) => b.action_id === MOD_ACTION.pageNext)?.value).toBe('17');
    expect(middle.find((b) => b.action_id === MOD_ACTION.pageFirst)?.text.text).toBe(t(lang, 'queue.page.first'));

    const last = buttons(moderatorQueueBlocks(input(lang, { isFirstPage: false })));
    expect(last.some((b) => b.action_id === MOD_ACTION.pageNext)).toBe(false);
    expect(last.some((b) => b.action_id === MOD_ACTION.pageFirst)).toBe(true);
  });

  it('has a friendly empty state, and another one when filters hide everything', () => {
    const empty = moderatorQueueBlocks(input(lang, { flags: [] }));
    expect(sectionTexts(empty)).toContain(lang === 'fr' ? 'Rien à revoir 🎉' : 'Nothing to review 🎉');
    expect(validateBlocks(empty, 'home')).toEqual([]);
    const filtered = moderatorQueueBlocks(input(lang, { flags: [], filter: { status: 'open', category: 'password' } }));
    expect(sectionTexts(filtered)).toContain(t(lang, 'queue.empty.filtered'));
  });

  it('lists the noisy rules with counts, false-positive rate and a sparkline', () => {
    const blocks = moderatorQueueBlocks(
      input(lang, {
        stats: [stats('insult', 3, 1, 0), stats('profanity', 12, 8, 2, 0.2), stats('silent', 0, 0, 0)],
        trend: [{ rule: 'profanity', weekly: [9, 9, 0, 1, 2, 4] }],
      }),
    );
    expect(rendered(blocks)).toContain(lang === 'fr' ? 'Règles bruyantes' : 'Noisy rules');
    const lines = sectionTexts(blocks).flatMap((text) => text.split('\n')).filter((l) => l.startsWith('• '));
    expect(lines).toEqual(
      lang === 'fr'
        ? [
            '• `profanity` — 12 signalements · 8 confirmés · 2 rejetés · faux positifs\u00a0: 20\u00a0% · tendance\u00a0: ▁▃▅█ (0, 1, 2, 4)',
            '• `insult` — 3 signalements · 1 confirmé · 0 rejeté · faux positifs\u00a0: —',
          ]
        : [
            '• `profanity` — 12 flags · 8 confirmed · 2 dismissed · false positives: 20% · trend: ▁▃▅█ (0, 1, 2, 4)',
            '• `insult` — 3 flags · 1 confirmed · 0 dismissed · false positives: —',
          ],
    );
    expect(foreignIn(blocks, lang)).toEqual([]);
  });

  it('lists at most 10 noisy rules, and says so when there are none', () => {
    const many = Array.from({ length: 15 }, (_, i) => stats(`rule-${i}`, 20 - i, 1, 1, 0.5));
    const blocks = moderatorQueueBlocks(input(lang, { stats: many }));
    const lines = sectionTexts(blocks).flatMap((text) => text.split('\n')).filter((l) => l.startsWith('• `rule-'));
    expect(lines).toHaveLength(10);
    expect(rendered(blocks)).toContain(lang === 'fr' ? 'Les 10 règles les plus bruyantes sur 15.' : 'The 10 noisiest rules of 15.');
    expect(rendered(moderatorQueueBlocks(input(lang, { stats: [] })))).toContain(t(lang, 'queue.noisy.empty'));
  });

  it('fits under the staff home: at most 70 blocks for 10 flags', () => {
    const flags: Flag[] = Array.from({ length: 12 }, (_, i) =>
      asReport(
        flag({
          id: 100 + i,
          excerpt: '<'.repeat(200),
          note: '&'.repeat(1000),
          status: 'confirmed',
          handledBy: 'U0MODO001',
          handledAt: NOW,
          permalink: `https://acme.slack.com/archives/C0GENERAL/p${i}`,
          reports: 4,
        }),
        { alertReason: 'report', reportReason: 'x'.repeat(500) },
      ),
    );
    const queue = moderatorQueueBlocks(
      input(lang, {
        flags,
        hasNext: true,
        nextCursor: 90,
        isFirstPage: false,
        rules: Array.from({ length: 300 }, (_, i) => `rule-${i}`),
        stats: Array.from({ length: 40 }, (_, i) => stats(`rule-with-a-rather-long-identifier-${i}`, 100 - i, 10, 10, 0.5)),
        trend: Array.from({ length: 40 }, (_, i) => ({ rule: `rule-with-a-rather-long-identifier-${i}`, weekly: [1, 2, 3, 4] })),
      }),
    );
    const home = homeView({
      lang,
      charter: realCharter(),
      charterVersion: '2026-11',
      reminders: Array.from({ length: 15 }, (_, i) => flag({ id: i + 1 })),
      now: NOW,
      retentionDays: 90,
    });
    const blocks = [...home.blocks, ...queue];
    expect(blocks.length).toBeLessThanOrEqual(70);
    expect(validateBlocks(blocks, 'home')).toEqual([]);
    expect(validateView({ ...home, blocks })).toEqual([]);
    expect(unsafeMarkup(blocks)).toEqual([]);
    expect(filters(queue).rule.options).toHaveLength(100);
    expect(buttons(queue).filter((b) => b.action_id === MOD_ACTION.confirm)).toHaveLength(10);
  });
});

describe('sparkline', () => {
  it('scales to the largest value', () => {
    expect(sparkline([0, 1, 2, 4])).toBe('▁▃▅█');
    expect(sparkline([8, 8, 8, 8])).toBe('████');
    expect(sparkline([1, 100, 50, 0])).toBe('▂█▅▁');
    expect(sparkline([0, 0, 0, 0])).toBe('▁▁▁▁');
    expect(sparkline([])).toBe('');
    expect(sparkline([3, Number.NaN, -2, 6])).toBe('▅▁▁█');
  });
});
