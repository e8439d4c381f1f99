import type { ActionsBlock, Button, InputBlock, KnownBlock, PlainTextInput, SectionBlock } from '@slack/types';
import type { Lang } from '../../../src/engine/types';
import type { RuleInput } from '../../../src/rules-admin/model';
import { formatProblem } from '../../../src/ruleset/problems';
import { ADMIN_ACTION, ADMIN_INPUT, ADMIN_VIEW } from '../../../src/slack/admin-ids';
import { t } from '../../../src/slack/i18n';
import {
  adminConflict,
  adminHistoryModal,
  adminInvalidRulesNotice,
  adminSaved,
  adminTryModal,
  notAdmin,
  parseTryMetadata,
  parseVersionId,
  readTryForm,
  MAX_DIFF_SECTIONS,
  MAX_HISTORY_VERSIONS,
  MAX_NOTICE_PROBLEMS,
  MAX_TRY_SAMPLES,
  type AdminHistoryModalInput,
  type AdminTryModalInput,
  type AdminVersionEntry,
} from '../../../src/slack/views';
import { unsafeMarkup, validateBlocks, validateView } from './block-limits';
import { foreignIn, rendered } from './fixtures';

const NOW = Date.UTC(2026, 11, 5, 10, 0);
const HOSTILE = '<!everyone> <@U0EVIL1> & `code` <https://evil.example|x>';

const RULE: RuleInput = {
  id: 'profanity',
  detector: 'wordlist',
  category: 'profanity',
  severity: 'medium',
  action: 'shadow',
  article: 'courtesy-language',
  options: { tiers: ['moderate'] },
};

function sectionTexts(view: readonly unknown[]): string[] {
  const blocks = view as readonly KnownBlock[];
  return blocks.flatMap((b) => (b.type === 'section' && b.text !== undefined ? [b.text.text] : []));
}

function buttonsOf(view: readonly unknown[]): Button[] {
  const blocks = view as readonly KnownBlock[];
  return blocks.filter((b): b is ActionsBlock => b.type === 'actions').flatMap((b) => b.elements as Button[]);
}

describe.each(['fr', 'en'] as const)('adminTryModal (%s)', (lang) => {
  function tryInput(overrides: Partial<AdminTryModalInput> = {}): AdminTryModalInput {
    return { lang, ruleId: 'profanity', rule: RULE, ...overrides };
  }

  it('asks for sample messages first, with "Test" as submit', () => {
    const view = adminTryModal(tryInput());
    expect(view.callback_id).toBe(ADMIN_VIEW.try);
    expect(parseTryMetadata(view.private_metadata)).toEqual({ ruleId: 'profanity' });
    expect(view.submit?.text).toBe(t(lang, 'admin.try.submit'));
    expect(validateView(view)).toEqual([]);
    expect(unsafeMarkup(view)).toEqual([]);
    expect(foreignIn(view, lang)).toEqual([]);
    const input = view.blocks.find((b): b is InputBlock => b.type === 'input');
    expect(input?.block_id).toBe(ADMIN_INPUT.samples.block);
    const element = input?.element as PlainTextInput;
    expect(element.action_id).toBe(ADMIN_INPUT.samples.action);
    expect(element.multiline).toBe(true);
    expect(element.initial_value).toBeUndefined();
    expect(rendered(view)).toContain(lang === 'fr' ? 'Règle `profanity` · Grossièreté · 🧪 essai (shadow).' : 'Rule `profanity` · Profanity · 🧪 trial (shadow).');
  });

  it('re-renders with the samples kept and the results: findings, masked excerpts, explanations', () => {
    const view = adminTryModal(
      tryInput({
        samples: 'putain, encore ce bug\nbonjour à tous',
        results: [
          {
            sample: 'putain, encore ce bug <!here>',
            findings: [
              { excerpt: 'p****n', category: 'profanity', explanation: 'Ce message contient un mot grossier.' },
              { excerpt: '<!here> `x`', category: 'profanity', explanation: HOSTILE },
            ],
          },
          { sample: 'bonjour à tous', findings: [] },
        ],
      }),
    );
    expect(validateView(view)).toEqual([]);
    expect(unsafeMarkup(view)).toEqual([]);
    const input = view.blocks.find((b): b is InputBlock => b.type === 'input')?.element as PlainTextInput;
    expect(input.initial_value).toBe('putain, encore ce bug\nbonjour à tous');
    const text = sectionTexts(view.blocks).join('\n');
    expect(text).toContain(`*${lang === 'fr' ? '✗ 2 constats' : '✗ 2 findings'}* — \`putain, encore ce bug &lt;!here&gt;\``);
    expect(text).toContain(`*${lang === 'fr' ? '✓ rien' : '✓ nothing'}* — \`bonjour à tous\``);
    expect(text).toContain('`p****n`');
    expect(text).toContain('`&lt;!here&gt; ˋxˋ`');
    expect(text).toContain('Ce message contient un mot grossier.');
    expect(foreignIn({ blocks: view.blocks.filter((b) => b.type !== 'section' || !(b as SectionBlock).text?.text.includes('grossier')) }, lang)).toEqual([]);
  });

  it('keeps to 20 samples and counts the others', () => {
    const results = Array.from({ length: 45 }, (_, i) => ({
      sample: `message ${i} ${'x'.repeat(300)}`,
      findings: Array.from({ length: 8 }, () => ({ excerpt: 'm***e', category: 'profanity' as const, explanation: 'e'.repeat(400) })),
    }));
    const view = adminTryModal(tryInput({ samples: 'x\n'.repeat(45), results }));
    expect(validateView(view)).toEqual([]);
    const lines = sectionTexts(view.blocks).join('\n').split('\n').filter((line) => line.startsWith('*✗'));
    expect(lines).toHaveLength(MAX_TRY_SAMPLES);
    expect(rendered(view)).toContain(lang === 'fr' ? 'Et 25 autres messages, non affichés.' : 'And 25 more messages, not shown.');
  });

  it('phrases the impact of disabling: flags not raised, reminders and alerts not sent', () => {
    const view = adminTryModal(tryInput({ impact: { kind: 'disable', flags: 12, reminders: -8, alerts: -1, days: 30 } }));
    const text = rendered(view);
    if (lang === 'fr') {
      expect(text).toContain('Sur les 30 derniers jours\u00a0: 12 signalements n’auraient pas été levés.\n≈ 8 rappels n’auraient pas été envoyés.\n≈ 1 alerte aux modérateurs n’aurait pas été envoyée.');
    } else {
      expect(text).toContain('Over the last 30 days: 12 flags would not have been raised.\n≈ 8 reminders would not have been sent.\n≈ 1 moderator alert would not have been sent.');
    }
    expect(validateView(view)).toEqual([]);
    expect(foreignIn(view, lang)).toEqual([]);
  });

  it('phrases the impact of an action change, both ways', () => {
    const text = rendered(adminTryModal(tryInput({ impact: { kind: 'action', flags: 12, reminders: 12, alerts: -3, days: 28 } })));
    if (lang === 'fr') {
      expect(text).toContain('Sur les 28 derniers jours\u00a0:\n≈ 12 rappels de plus auraient été envoyés.\n≈ 3 alertes aux modérateurs n’auraient pas été envoyées.');
    } else {
      expect(text).toContain('Over the last 28 days:\n≈ 12 more reminders would have been sent.\n≈ 3 moderator alerts would not have been sent.');
    }
    expect(text).not.toContain(lang === 'fr' ? 'levés' : 'raised');
  });

  it('says when nothing would have changed, or when it cannot be estimated', () => {
    const none = t(lang, 'admin.impact.none', { days: 30 });
    expect(rendered(adminTryModal(tryInput({ impact: { kind: 'none', flags: 12, days: 30 } })))).toContain(none);
    expect(rendered(adminTryModal(tryInput({ impact: { kind: 'disable', flags: 0, days: 30 } })))).toContain(none);
    for (const kind of ['unpredictable', 'enable', 'unknown']) {
      const text = rendered(adminTryModal(tryInput({ impact: { kind, flags: 5, days: 30 } })));
      expect(text).toContain(t(lang, 'admin.impact.unknown'));
      expect(text).toContain(lang === 'fr' ? 'Impossible à estimer sans relire les messages, que nous ne conservons pas\u00a0: utilisez l’essai ci-dessus.' : 'Impossible to estimate');
    }
  });

  it('notes an out-of-scope or capped trial', () => {
    const view = adminTryModal(tryInput({ results: [{ sample: 'a', findings: [] }], inScope: false, capped: true }));
    expect(rendered(view)).toContain(t(lang, 'admin.try.outOfScope'));
    expect(rendered(view)).toContain(t(lang, 'admin.try.capped'));
    expect(validateView(view)).toEqual([]);
  });

  it('lists the problems that keep the rule from running, escaped', () => {
    const view = adminTryModal(tryInput({ problems: [{ field: 'options.pattern', message: `pattern refused ${HOSTILE}` }, { message: 'no field' }] }));
    expect(validateView(view)).toEqual([]);
    expect(unsafeMarkup(view)).toEqual([]);
    expect(rendered(view)).toContain(t(lang, 'admin.try.problems'));
    expect(rendered(view)).toContain('`options.pattern` pattern refused &lt;!everyone&gt;');
  });
});

describe('readTryForm, parseTryMetadata', () => {
  it('reads samples one per line', () => {
    const values = { [ADMIN_INPUT.samples.block]: { [ADMIN_INPUT.samples.action]: { type: 'plain_text_input', value: 'a\n\n b \na\n' } } };
    expect(readTryForm(values)).toEqual({ samples: ['a', 'b'], text: 'a\n\n b \na' });
    expect(readTryForm({})).toEqual({ samples: [], text: '' });
    expect(parseTryMetadata('{"ruleId":"<!here>"}')).toBeUndefined();
  });
});

describe.each(['fr', 'en'] as const)('adminHistoryModal (%s)', (lang) => {
  const versions: AdminVersionEntry[] = [
    { id: 14, createdAt: NOW - 3_600_000, author: 'U0ADMIN01', comment: 'retour arrière', source: 'rollback', restores: 3 },
    { id: 13, createdAt: Date.UTC(2026, 10, 28, 14, 2), author: 'cli:alice', comment: HOSTILE, source: 'cli' },
    { id: 12, createdAt: Date.UTC(2026, 10, 27, 9, 0), author: 'U0ADMIN02', comment: '', source: 'slack' },
  ];

  function historyInput(overrides: Partial<AdminHistoryModalInput> = {}): AdminHistoryModalInput {
    return { lang, versions, hasMore: false, latestId: 14, now: NOW, ...overrides };
  }

  it('lists versions: who, when, how, the comment, what a rollback restores', () => {
    const view = adminHistoryModal(historyInput());
    expect(view.callback_id).toBe(ADMIN_VIEW.history);
    expect(view.submit).toBeUndefined();
    expect(validateView(view)).toEqual([]);
    expect(unsafeMarkup(view)).toEqual([]);
    expect(foreignIn({ blocks: view.blocks }, lang)).toEqual([]);
    const text = sectionTexts(view.blocks).join('\n');
    if (lang === 'fr') {
      expect(text).toContain('*Version 14* · retour en arrière · _en vigueur_\npar <@U0ADMIN01>, aujourd’hui à 09:00');
      expect(text).toContain('_restaure la version 3_');
      expect(text).toContain('*Version 13* · en ligne de commande\npar cli:alice, le 28/11/2026 à 14:02');
      expect(text).toContain('_sans commentaire_');
      expect(text).toContain('«\u00a0retour arrière\u00a0»');
    } else {
      expect(text).toContain('*Version 14* · rollback · _current_\nby <@U0ADMIN01>, today at 09:00');
      expect(text).toContain('_restores version 3_');
      expect(text).toContain('*Version 13* · from the command line\nby cli:alice, on 28 Nov 2026 at 14:02');
      expect(text).toContain('_no comment_');
    }
    expect(text).toContain('&lt;!everyone&gt;');
  });

  it('gives each version "View diff" and, but for the current one, "Restore" behind a confirmation', () => {
    const buttons = buttonsOf(adminHistoryModal(historyInput()).blocks);
    expect(buttons.map((b) => [b.action_id, b.value])).toEqual([
      [ADMIN_ACTION.historyDiff, '14'],
      [ADMIN_ACTION.historyDiff, '13'],
      [ADMIN_ACTION.historyRestore, '13'],
      [ADMIN_ACTION.historyDiff, '12'],
      [ADMIN_ACTION.historyRestore, '12'],
    ]);
    const restore = buttons[2] as Button;
    expect(restore.text.text).toBe(t(lang, 'admin.history.restore'));
    expect(restore.confirm?.title?.text).toBe(t(lang, 'admin.history.confirm.title', { id: 13 }));
    expect(restore.confirm?.text?.text).toBe(t(lang, 'admin.history.confirm.text', { id: 13 }));
    expect(restore.confirm?.confirm?.text).toBe(t(lang, 'admin.history.confirm.yes'));
    expect(parseVersionId(restore.value)).toBe(13);
  });

  it('shows the selected diff as code, escaped, backticks unable to close the block', () => {
    const diff = ['--- before', '+++ after', '@@ -1,3 +1,3 @@', '-  action: nudge', '+  action: shadow', '+  description: "```<!here>``` & <@U0EVIL1>"'].join('\n');
    const view = adminHistoryModal(historyInput({ selected: { id: 13, diff } }));
    expect(validateView(view)).toEqual([]);
    expect(unsafeMarkup(view)).toEqual([]);
    expect(rendered(view)).toContain(t(lang, 'admin.history.diff.title', { id: 13 }));
    const code = sectionTexts(view.blocks).find((text) => text.startsWith('```')) ?? '';
    expect(code).toContain('+  action: shadow');
    expect(code).toContain('ˋˋˋ&lt;!here&gt;ˋˋˋ &amp; &lt;@U0EVIL1&gt;');
    expect(code.match(/```/g)).toHaveLength(2);
    expect(code.endsWith('\n```')).toBe(true);
  });

  it('splits a long diff over at most 10 sections of 3,000 characters and says how much was cut', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `+  - term-${i} ${'<'.repeat(20)}`);
    const view = adminHistoryModal(historyInput({ selected: { id: 13, diff: lines.join('\n') } }));
    expect(validateView(view)).toEqual([]);
    const code = sectionTexts(view.blocks).filter((text) => text.startsWith('```'));
    expect(code).toHaveLength(MAX_DIFF_SECTIONS);
    expect(code.every((text) => text.length <= 3000 && text.endsWith('\n```'))).toBe(true);
    const shown = code.reduce((sum, text) => sum + text.split('\n').length - 2, 0);
    expect(rendered(view)).toContain(lang === 'fr' ? `Diff tronqué\u00a0: ${2000 - shown} lignes non affichées.` : `Diff truncated: ${2000 - shown} lines not shown.`);
  });

  it('cuts a single huge line, and says when a diff is empty', () => {
    const view = adminHistoryModal(historyInput({ selected: { id: 12, diff: `+${'&'.repeat(10_000)}` } }));
    expect(validateView(view)).toEqual([]);
    expect(rendered(adminHistoryModal(historyInput({ selected: { id: 12, diff: '' } })))).toContain(t(lang, 'admin.history.diff.empty'));
  });

  it('pages: at most 20 versions, "Older versions" carries the oldest shown', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ id: 40 - i, createdAt: NOW - i * 86_400_000, author: 'U0ADMIN01', comment: 'c'.repeat(600), source: 'slack' as const }));
    const view = adminHistoryModal(historyInput({ versions: many, hasMore: true, latestId: 40, selected: { id: 40, diff: 'x\n'.repeat(5000) } }));
    expect(validateView(view)).toEqual([]);
    const buttons = buttonsOf(view.blocks);
    expect(buttons.filter((b) => b.action_id === ADMIN_ACTION.historyDiff)).toHaveLength(MAX_HISTORY_VERSIONS);
    expect(buttons.find((b) => b.action_id === ADMIN_ACTION.historyMore)?.value).toBe('21');
  });

  it('says when there is no version yet', () => {
    const view = adminHistoryModal(historyInput({ versions: [] }));
    expect(rendered(view)).toContain(t(lang, 'admin.history.empty'));
    expect(validateView(view)).toEqual([]);
  });
});

describe('parseVersionId', () => {
  it('accepts positive integers only', () => {
    expect(parseVersionId('12')).toBe(12);
    for (const value of ['0', '-1', '1.5', 'x', '', undefined]) expect(parseVersionId(value)).toBeUndefined();
  });
});

describe.each(['fr', 'en'] as const)('admin notices (%s)', (lang: Lang) => {
  it('says a rule file was refused, each problem as file:line:column: field: message', () => {
    const problems = [
      { file: 'rules/etiquette.yaml', line: 2, column: 9, field: 'rules[0].id', message: 'a rule id uses lowercase letters, digits and dashes' },
      { file: 'rules/etiquette.yaml', line: 6, column: 13, field: 'rules[0].action', message: 'Invalid option: expected one of "shadow"|"nudge"' },
    ];
    const notice = adminInvalidRulesNotice({ lang, origin: 'files', problems });
    expect(validateBlocks(notice.blocks)).toEqual([]);
    expect(unsafeMarkup(notice)).toEqual([]);
    expect(foreignIn(notice, lang)).toEqual([]);
    const text = rendered(notice.blocks);
    expect(text).toContain(
      lang === 'fr'
        ? 'La modification de `rules/etiquette.yaml` est refusée\u00a0: 2 problèmes.\nLes règles en vigueur restent celles d’avant.'
        : 'The change to `rules/etiquette.yaml` was refused: 2 problems.\nThe rules in force stay as they were.',
    );
    expect(text).toContain('rules/etiquette.yaml:2:9: rules[0].id: a rule id uses lowercase letters, digits and dashes');
    expect(text).toContain(formatProblem(problems[1] as (typeof problems)[number]));
    expect(notice.text).toContain(lang === 'fr' ? 'La modification de rules/etiquette.yaml est refusée' : 'The change to rules/etiquette.yaml was refused');
    expect(notice.text).not.toContain('rules[0]');
  });

  it('says the saved version was refused, escaping hostile messages and keeping within limits', () => {
    const problems = Array.from({ length: 60 }, (_, i) => ({ file: 'database', field: `added[${i}].options.pattern`, message: `${HOSTILE} ${'x'.repeat(200)}` }));
    const notice = adminInvalidRulesNotice({ lang, origin: 'database', problems });
    expect(validateBlocks(notice.blocks)).toEqual([]);
    expect(unsafeMarkup(notice)).toEqual([]);
    const text = rendered(notice.blocks);
    expect(text).toContain(lang === 'fr' ? 'La dernière version enregistrée des règles est refusée\u00a0: 60 problèmes.' : 'The latest saved version of the rules was refused: 60 problems.');
    expect(text).toContain(t(lang, 'admin.invalid.fix.database'));
    const hidden = 60 - (text.match(/database: added\[/g) ?? []).length;
    expect(hidden).toBeGreaterThanOrEqual(60 - MAX_NOTICE_PROBLEMS);
    expect(text).toContain(lang === 'fr' ? `Et ${hidden} autres problèmes.` : `And ${hidden} more problems.`);
  });

  it('answers briefly: saved, not an admin, conflict', () => {
    expect(adminSaved(lang, 13).text).toBe(t(lang, 'admin.saved', { id: 13 }));
    expect(adminSaved(lang, 13).text).toContain('13');
    expect(notAdmin(lang).text).toBe(t(lang, 'admin.notAdmin'));
    expect(adminConflict(lang).text).toBe(t(lang, 'admin.conflict'));
    for (const response of [adminSaved(lang, 13), notAdmin(lang), adminConflict(lang)]) {
      expect(validateBlocks(response.blocks ?? [])).toEqual([]);
      expect(foreignIn(response, lang)).toEqual([]);
    }
  });
});
