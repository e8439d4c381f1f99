import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ActionsBlock, Button, InputBlock, KnownBlock, Overflow, RadioButtons, SectionBlock } from '@slack/types';
import { parse } from 'yaml';
import { ACTIONS, SEVERITIES, type Lang } from '../../../src/engine/types';
import type { RuleInput } from '../../../src/rules-admin/model';
import { ADMIN_ACTION, ADMIN_INPUT, ADMIN_VIEW, encodeRuleOp, parseRuleOp, RULE_OP_VALUE_MAX, ruleBlockId } from '../../../src/slack/admin-ids';
import { t } from '../../../src/slack/i18n';
import {
  adminQuickModal,
  adminRulesBlocks,
  homeView,
  moderatorQueueBlocks,
  parseQuickMetadata,
  readQuickForm,
  MAX_ADMIN_HOME_BLOCKS,
  MAX_ADMIN_RULES,
  type AdminRuleLine,
  type AdminRulesInput,
} from '../../../src/slack/views';
import { articleLabel } from '../../../src/slack/views/charter-text';
import { unsafeMarkup, validateBlocks, validateView } from './block-limits';
import { emojiCount, flag, foreignIn, realCharter, rendered } from './fixtures';

const charter = realCharter();
const NOW = Date.UTC(2026, 11, 5, 10, 0);
const HOSTILE = '<!everyone> <@U0EVIL1> & `code` <https://evil.example|x>';

function realRules(): RuleInput[] {
  const dir = path.join(__dirname, '..', '..', '..', 'rules');
  return ['etiquette.yaml', 'data-protection.yaml'].flatMap((file) => (parse(readFileSync(path.join(dir, file), 'utf8')) as { rules: RuleInput[] }).rules);
}

/** The shipped rules as App Home lists them, with numbers and origins. */
function realLines(lang: Lang): AdminRuleLine[] {
  return realRules().map((rule, index) => {
    const article = charter.article(rule.article, lang);
    const line: AdminRuleLine = {
      id: rule.id,
      category: rule.category,
      severity: rule.severity,
      action: index === 3 ? 'shadow' : rule.action,
      enabled: rule.enabled !== false,
      article: rule.article,
      articleLabel: article === undefined ? rule.article : articleLabel(article, lang),
      scopeSummary: rule.scope === undefined ? (lang === 'fr' ? 'partout' : 'everywhere') : lang === 'fr' ? 'canaux partagés ou client-*, ext-*' : 'shared channels or client-*, ext-*',
      origin: index === 1 ? 'edited' : index === 13 ? 'added' : 'file',
      hits30d: index * 7,
      ...(index % 2 === 0 ? { falsePositiveRate: index / 20 } : {}),
    };
    if (rule.description !== undefined) line.description = rule.description;
    return line;
  });
}

function input(lang: Lang, overrides: Partial<AdminRulesInput> = {}): AdminRulesInput {
  return { lang, rules: realLines(lang), version: { id: 12, at: Date.UTC(2026, 10, 28, 14, 2), author: 'U0ADMIN01' }, now: NOW, ...overrides };
}

function ruleSections(blocks: readonly KnownBlock[]): SectionBlock[] {
  return blocks.filter((b): b is SectionBlock => b.type === 'section' && b.accessory?.type === 'overflow');
}

function menus(blocks: readonly KnownBlock[]): Overflow[] {
  return ruleSections(blocks).map((b) => b.accessory as Overflow);
}

function toolbar(blocks: readonly KnownBlock[]): Button[] {
  const block = blocks.find((b): b is ActionsBlock => b.type === 'actions');
  return (block?.elements ?? []) as Button[];
}

describe.each(['fr', 'en'] as const)('adminRulesBlocks (%s)', (lang) => {
  it('lists the 14 shipped rules within the block budget, valid for App Home', () => {
    const blocks = adminRulesBlocks(input(lang));
    expect(blocks.length).toBeLessThanOrEqual(MAX_ADMIN_HOME_BLOCKS);
    expect(validateBlocks(blocks, 'home')).toEqual([]);
    expect(unsafeMarkup(blocks)).toEqual([]);
    // The shipped descriptions are in English: check the view's own words without them.
    const undescribed = realLines(lang).map(({ description: _omit, ...line }) => line);
    expect(foreignIn(adminRulesBlocks(input(lang, { rules: undescribed })), lang)).toEqual([]);
    expect(ruleSections(blocks).map((b) => b.block_id)).toEqual(realRules().map((r) => ruleBlockId(r.id)));
    expect(blocks[1]).toEqual({ type: 'header', text: expect.objectContaining({ text: t(lang, 'admin.rules.header') }) });
  });

  it('fits in App Home with the staff part and a full moderator queue', () => {
    const home = homeView({ lang, charter, charterVersion: '2026-11', reminders: [flag()], now: NOW, retentionDays: 90 });
    const queue = moderatorQueueBlocks({
      lang,
      flags: Array.from({ length: 10 }, (_, i) => flag({ id: i + 1 })),
      reportsByFlag: new Map(),
      filter: {},
      rules: ['profanity'],
      hasNext: true,
      nextCursor: 10,
      isFirstPage: false,
      stats: [],
      trend: [],
      now: NOW,
    });
    const all = [...home.blocks, ...queue, ...adminRulesBlocks(input(lang))];
    expect(validateView({ type: 'home', blocks: all })).toEqual([]);
  });

  it('shows the version, or the original files', () => {
    const text = rendered(adminRulesBlocks(input(lang)));
    expect(text).toContain(lang === 'fr' ? 'Version 12, par <@U0ADMIN01>, le 28/11/2026 à 14:02.' : 'Version 12, by <@U0ADMIN01>, on 28 Nov 2026 at 14:02.');
    const today = rendered(adminRulesBlocks(input(lang, { version: { id: 3, at: NOW - 60_000, author: 'cli:<!here>' } })));
    expect(today).toContain(lang === 'fr' ? 'Version 3, par cli:&lt;!here&gt;, aujourd’hui à 09:59.' : 'Version 3, by cli:&lt;!here&gt;, today at 09:59.');
    const { version: _omit, ...rest } = input(lang);
    expect(rendered(adminRulesBlocks(rest))).toContain(t(lang, 'admin.rules.files'));
  });

  it('offers "New rule" (keyword, regex) and "History"', () => {
    const buttons = toolbar(adminRulesBlocks(input(lang)));
    expect(buttons.map((b) => [b.action_id, b.value, b.text.text])).toEqual([
      [ADMIN_ACTION.newKeywordRule, 'keyword', t(lang, 'admin.rules.newKeyword')],
      [ADMIN_ACTION.newRegexRule, 'regex', t(lang, 'admin.rules.newRegex')],
      [ADMIN_ACTION.history, 'history', t(lang, 'admin.rules.history')],
    ]);
  });

  it('describes each rule: id, category, severity, action, scope, article, hits, false positives, origin', () => {
    const sections = ruleSections(adminRulesBlocks(input(lang)));
    const profanity = sections[0]?.text?.text ?? '';
    expect(profanity).toContain('`profanity`');
    expect(profanity).toContain(lang === 'fr' ? 'Grossièreté · gravité moyenne · rappel privé' : 'Profanity · medium severity · private reminder');
    expect(profanity).toContain(lang === 'fr' ? 'Article 2.1 — Langage' : 'Article 2.1 — Language');
    expect(profanity).toContain(lang === 'fr' ? '0 signalement en 30 jours · faux positifs\u00a0: 0\u00a0%' : '0 flags in 30 days · false positives: 0%');
    expect(sections[1]?.text?.text).toContain(`_${t(lang, 'admin.rule.origin.edited')}_`);
    expect(sections[13]?.text?.text).toContain(`_${t(lang, 'admin.rule.origin.added')}_`);
    expect(sections[2]?.text?.text).toContain(`_${t(lang, 'admin.rule.disabled')}_`);
    expect(sections[3]?.text?.text).toContain(lang === 'fr' ? '🧪 essai (shadow)' : '🧪 trial (shadow)');
    expect(sections[4]?.text?.text).toContain(lang === 'fr' ? '28 signalements en 30 jours · faux positifs\u00a0: 20\u00a0%' : '28 flags in 30 days · false positives: 20%');
    expect(sections[5]?.text?.text).not.toContain(lang === 'fr' ? 'faux positifs' : 'false positives');
  });

  it('gives each rule one overflow menu of five options, values short and parseable', () => {
    const lines = realLines(lang);
    for (const [index, menu] of menus(adminRulesBlocks(input(lang))).entries()) {
      const rule = lines[index] as AdminRuleLine;
      expect(menu.action_id).toBe(ADMIN_ACTION.ruleMenu);
      expect(menu.options).toHaveLength(5);
      for (const option of menu.options) {
        expect(option.text.text.length).toBeLessThanOrEqual(75);
        expect((option.value ?? '').length).toBeLessThanOrEqual(RULE_OP_VALUE_MAX);
      }
      expect(menu.options.map((o) => parseRuleOp(o.value))).toEqual([
        { op: rule.enabled ? 'disable' : 'enable', rule: rule.id },
        { op: 'action', rule: rule.id },
        { op: 'severity', rule: rule.id },
        { op: 'edit', rule: rule.id },
        { op: 'try', rule: rule.id },
      ]);
      expect(menu.options.map((o) => o.text.text)).toEqual([
        t(lang, rule.enabled ? 'admin.menu.disable' : 'admin.menu.enable'),
        t(lang, 'admin.menu.action'),
        t(lang, 'admin.menu.severity'),
        t(lang, 'admin.menu.edit'),
        t(lang, 'admin.menu.try'),
      ]);
    }
  });

  it('escapes what admins wrote: descriptions, scope summaries, article labels', () => {
    const hostile: AdminRuleLine = { ...(realLines(lang)[0] as AdminRuleLine), description: HOSTILE, scopeSummary: HOSTILE, articleLabel: HOSTILE };
    const blocks = adminRulesBlocks(input(lang, { rules: [hostile], version: { id: 1, at: NOW, author: '<!channel>' } }));
    expect(unsafeMarkup(blocks)).toEqual([]);
    expect(validateBlocks(blocks, 'home')).toEqual([]);
    expect(rendered(blocks)).toContain('&lt;!everyone&gt;');
  });

  it('keeps to 14 rules and says how many more there are', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...(realLines(lang)[0] as AdminRuleLine), id: `rule-${i}`, description: 'd'.repeat(600) }));
    const blocks = adminRulesBlocks(input(lang, { rules: many }));
    expect(ruleSections(blocks)).toHaveLength(MAX_ADMIN_RULES);
    expect(rendered(blocks)).toContain(t(lang, 'admin.rules.more', { shown: MAX_ADMIN_RULES, total: 30 }));
    expect(blocks.length).toBeLessThanOrEqual(MAX_ADMIN_HOME_BLOCKS);
    expect(validateBlocks(blocks, 'home')).toEqual([]);
  });

  it('says when there are no rules', () => {
    const blocks = adminRulesBlocks(input(lang, { rules: [] }));
    expect(rendered(blocks)).toContain(t(lang, 'admin.rules.empty'));
    expect(validateBlocks(blocks, 'home')).toEqual([]);
  });

  it('uses at most two emoji per rule: its severity, and 🧪 for a trial', () => {
    for (const section of ruleSections(adminRulesBlocks(input(lang)))) expect(emojiCount(section.text)).toBeLessThanOrEqual(2);
  });
});

describe.each(['fr', 'en'] as const)('adminQuickModal (%s)', (lang) => {
  const rule = { id: 'profanity', action: 'nudge' as const, severity: 'medium' as const };

  function radio(view: ReturnType<typeof adminQuickModal>): RadioButtons {
    const block = view.blocks.find((b): b is InputBlock => b.type === 'input' && b.block_id === ADMIN_INPUT.quick.block);
    return block?.element as RadioButtons;
  }

  it('offers the four actions, the current one selected', () => {
    const view = adminQuickModal(rule, 'action', lang, 12);
    expect(view.callback_id).toBe(ADMIN_VIEW.quick);
    expect(parseQuickMetadata(view.private_metadata)).toEqual({ rule: 'profanity', kind: 'action', basedOn: 12 });
    expect(view.title.text).toBe(t(lang, 'admin.quick.title.action'));
    expect(validateView(view)).toEqual([]);
    expect(unsafeMarkup(view)).toEqual([]);
    expect(foreignIn(view, lang)).toEqual([]);
    const element = radio(view);
    expect(element.action_id).toBe(ADMIN_INPUT.quick.action);
    expect(element.options.map((o) => o.value)).toEqual([...ACTIONS]);
    expect(element.initial_option?.value).toBe('nudge');
    expect(element.options.every((o) => o.text.text.length <= 75 && (o.description?.text.length ?? 0) <= 75)).toBe(true);
    expect(element.options[0]?.text.text).toBe(t(lang, 'admin.action.shadow'));
  });

  it('offers the four severities, the current one selected', () => {
    const view = adminQuickModal(rule, 'severity', lang);
    expect(parseQuickMetadata(view.private_metadata)).toEqual({ rule: 'profanity', kind: 'severity' });
    expect(validateView(view)).toEqual([]);
    expect(radio(view).options.map((o) => o.value)).toEqual([...SEVERITIES]);
    expect(radio(view).initial_option?.value).toBe('medium');
  });

  it('reads the choice and the comment', () => {
    const values = {
      [ADMIN_INPUT.quick.block]: { [ADMIN_INPUT.quick.action]: { type: 'radio_buttons', selected_option: { value: 'shadow' } } },
      [ADMIN_INPUT.comment.block]: { [ADMIN_INPUT.comment.action]: { type: 'plain_text_input', value: ' trop de faux positifs ' } },
    };
    expect(readQuickForm(values, 'action')).toEqual({ value: 'shadow', comment: 'trop de faux positifs' });
    expect(readQuickForm(values, 'severity')).toEqual({ value: undefined, comment: 'trop de faux positifs' });
    const bare = { [ADMIN_INPUT.quick.block]: { [ADMIN_INPUT.quick.action]: { type: 'radio_buttons', selected_option: { value: 'critical' } } } };
    expect(readQuickForm(bare, 'severity')).toEqual({ value: 'critical' });
  });
});

describe('rule menu values', () => {
  it('encode op, rule and value compactly and parse back', () => {
    expect(encodeRuleOp({ op: 'action', rule: 'profanity', value: 'shadow' })).toBe('action:profanity:shadow');
    expect(parseRuleOp('action:profanity:shadow')).toEqual({ op: 'action', rule: 'profanity', value: 'shadow' });
    expect(parseRuleOp('severity:iban:critical')).toEqual({ op: 'severity', rule: 'iban', value: 'critical' });
    expect(parseRuleOp('disable:profanity')).toEqual({ op: 'disable', rule: 'profanity' });
    for (const op of ['enable', 'disable', 'edit', 'try', 'action', 'severity'] as const) {
      expect(parseRuleOp(encodeRuleOp({ op, rule: 'nudge-flag-2' }))).toEqual({ op, rule: 'nudge-flag-2' });
    }
  });

  it('refuses anything malformed', () => {
    for (const value of ['', 'action', 'delete:profanity', 'action:profanity:banish', 'edit:Profanity', 'edit:a:b:c', 'disable:x:1', 'try:<!here>']) {
      expect(parseRuleOp(value)).toBeUndefined();
    }
    expect(parseRuleOp(undefined)).toBeUndefined();
  });

  it('leave a very long rule id to the block id', () => {
    const rule = `r${'x'.repeat(90)}`;
    const value = encodeRuleOp({ op: 'severity', rule, value: 'high' });
    expect(value.length).toBeLessThanOrEqual(RULE_OP_VALUE_MAX);
    expect(parseRuleOp(value, ruleBlockId(rule))).toEqual({ op: 'severity', rule, value: 'high' });
    expect(parseRuleOp(value)).toBeUndefined();
    const menu = menus(adminRulesBlocks(input('fr', { rules: [{ ...(realLines('fr')[0] as AdminRuleLine), id: rule }] })))[0];
    expect(menu?.options.every((o) => (o.value ?? '').length <= RULE_OP_VALUE_MAX)).toBe(true);
    expect(parseRuleOp(menu?.options[3]?.value, ruleBlockId(rule))).toEqual({ op: 'edit', rule });
  });

  it('refuses malformed quick metadata', () => {
    expect(parseQuickMetadata('{"rule":"x","kind":"colour"}')).toBeUndefined();
    expect(parseQuickMetadata('{"rule":"<!here>","kind":"action"}')).toBeUndefined();
    expect(parseQuickMetadata('[]')).toBeUndefined();
  });
});
