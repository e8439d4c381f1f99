import { readFileSync } from 'node:fs';
import path from 'node:path';
import type {
  Checkboxes,
  InputBlock,
  KnownBlock,
  ModalView,
  MultiUsersSelect,
  PlainTextInput,
  RadioButtons,
  StaticSelect,
} from '@slack/types';
import { parse } from 'yaml';
import { CATEGORIES, type Lang } from '../../../src/engine/types';
import type { RuleInput } from '../../../src/rules-admin/model';
import { ruleSchema } from '../../../src/ruleset/schema';
import { ADMIN_INPUT, ADMIN_VIEW } from '../../../src/slack/admin-ids';
import { t } from '../../../src/slack/i18n';
import {
  ADMIN_FIELD_BLOCKS,
  adminFormErrors,
  adminRuleModal,
  blockForField,
  channelPatterns,
  parseRuleModalMetadata,
  readRuleForm,
  type AdminStateValue,
  type CharterArticleChoice,
  type ViewStateValues,
} from '../../../src/slack/views';
import { articleLabel } from '../../../src/slack/views/charter-text';
import { unsafeMarkup, validateView } from './block-limits';
import { foreignIn, realCharter, rendered } from './fixtures';

const charter = realCharter();
const HOSTILE = '<!everyone> <@U0EVIL1> & `code` <https://evil.example|x>';

function articles(lang: Lang): CharterArticleChoice[] {
  return charter.texts[lang].articles.map((article) => ({ id: article.id, label: articleLabel(article, lang) }));
}

/** The rules as written in the shipped files. */
function realRules(): RuleInput[] {
  const dir = path.join(__dirname, '..', '..', '..', 'rules');
  return ['etiquette.yaml', 'data-protection.yaml'].flatMap((file) => (parse(readFileSync(path.join(dir, file), 'utf8')) as { rules: RuleInput[] }).rules);
}

function realRule(id: string): RuleInput {
  const rule = realRules().find((r) => r.id === id);
  if (rule === undefined) throw new Error(`no rule ${id}`);
  return rule;
}

/**
 * `validateView` from block-limits.ts does not know `multi_users_select` in input blocks yet
 * (Slack accepts it there): every other problem still counts.
 */
function viewProblems(view: ModalView): string[] {
  return validateView(view).filter((problem) => !/input element "multi_users_select"/.test(problem));
}

function inputs(view: ModalView): InputBlock[] {
  return view.blocks.filter((block): block is InputBlock => block.type === 'input');
}

function inputOf<T>(view: ModalView, block: string): T {
  const found = inputs(view).find((b) => b.block_id === block);
  if (found === undefined) throw new Error(`no block ${block}`);
  return found.element as T;
}

/**
 * What Slack submits for `view` when the admin changes nothing, with `changes` (by block id)
 * applied on top: the shape of `view.state.values`.
 */
function submitted(view: ModalView, changes: Record<string, Partial<AdminStateValue>> = {}): ViewStateValues {
  const values: Record<string, Record<string, AdminStateValue>> = {};
  for (const block of inputs(view)) {
    const element = block.element as unknown as Record<string, unknown> & { type: string; action_id: string };
    let state: AdminStateValue;
    switch (element.type) {
      case 'plain_text_input':
        state = { type: element.type, value: (element.initial_value as string | undefined) ?? null };
        break;
      case 'static_select':
      case 'radio_buttons': {
        const initial = element.initial_option as { value: string } | undefined;
        state = { type: element.type, selected_option: initial === undefined ? null : { value: initial.value } };
        break;
      }
      case 'checkboxes':
        state = { type: element.type, selected_options: ((element.initial_options as Array<{ value: string }> | undefined) ?? []).map((o) => ({ value: o.value })) };
        break;
      case 'multi_users_select':
        state = { type: element.type, selected_users: (element.initial_users as string[] | undefined) ?? [] };
        break;
      default:
        throw new Error(`unexpected element ${element.type}`);
    }
    values[block.block_id ?? ''] = { [element.action_id]: { ...state, ...(changes[block.block_id ?? ''] ?? {}) } };
  }
  return values;
}

function metadata(view: ModalView) {
  return parseRuleModalMetadata(view.private_metadata);
}

describe.each(['fr', 'en'] as const)('adminRuleModal (%s)', (lang) => {
  it('edits a keyword rule: ids, metadata, initial values for each kind of input', () => {
    const rule: RuleInput = {
      ...realRule('confidential'),
      enabled: false,
      exempt: ['U024BE7LH', 'W0ADMIN2'],
      explanation: { fr: 'Ne collez pas de document confidentiel ici.', en: 'Do not paste confidential documents here.' },
      options: { ...realRule('confidential').options, stems: ['confidenti'] },
      scope: { external: true, private: true, channels: ['client-*', 'ext-*'], exceptChannels: ['ext-fun'], match: 'any' },
    };
    const view = adminRuleModal({ lang, mode: 'edit', rule, charterArticles: articles(lang), basedOn: 12 });
    expect(view.callback_id).toBe(ADMIN_VIEW.rule);
    expect(metadata(view)).toEqual({ mode: 'edit', ruleId: 'confidential', detector: 'keyword', basedOn: 12 });
    expect(view.title.text).toBe(t(lang, 'admin.modal.title.edit'));
    expect(viewProblems(view)).toEqual([]);
    expect(unsafeMarkup(view)).toEqual([]);
    expect(foreignIn(view, lang)).toEqual([]);

    const ids = inputs(view).map((b) => b.block_id);
    expect(ids).not.toContain(ADMIN_INPUT.id.block);
    expect(ids).toEqual([
      ADMIN_INPUT.description.block,
      ADMIN_INPUT.category.block,
      ADMIN_INPUT.severity.block,
      ADMIN_INPUT.action.block,
      ADMIN_INPUT.article.block,
      ADMIN_INPUT.enabled.block,
      ADMIN_INPUT.terms.block,
      ADMIN_INPUT.stems.block,
      ADMIN_INPUT.scan.block,
      ADMIN_INPUT.channels.block,
      ADMIN_INPUT.exceptChannels.block,
      ADMIN_INPUT.where.block,
      ADMIN_INPUT.match.block,
      ADMIN_INPUT.exempt.block,
      ADMIN_INPUT.explanationFr.block,
      ADMIN_INPUT.explanationEn.block,
      ADMIN_INPUT.comment.block,
    ]);
    for (const block of inputs(view)) {
      const ids = Object.values(ADMIN_INPUT).find((i) => i.block === block.block_id);
      expect((block.element as { action_id?: string }).action_id).toBe(ids?.action);
    }

    expect(inputOf<PlainTextInput>(view, ADMIN_INPUT.description.block).initial_value).toBe(rule.description);
    expect(inputOf<StaticSelect>(view, ADMIN_INPUT.category.block).initial_option?.value).toBe('confidential');
    expect(inputOf<StaticSelect>(view, ADMIN_INPUT.category.block).options?.map((o) => o.value)).toEqual([...CATEGORIES]);
    expect(inputOf<StaticSelect>(view, ADMIN_INPUT.severity.block).initial_option?.value).toBe('high');
    const action = inputOf<RadioButtons>(view, ADMIN_INPUT.action.block);
    expect(action.initial_option?.value).toBe('nudge+flag');
    expect(action.options.map((o) => o.text.text)).toContain(t(lang, 'admin.action.shadow'));
    expect(inputOf<StaticSelect>(view, ADMIN_INPUT.article.block).initial_option?.value).toBe('confidentiality-documents');
    expect(inputOf<Checkboxes>(view, ADMIN_INPUT.enabled.block).initial_options).toBeUndefined();
    expect(inputOf<PlainTextInput>(view, ADMIN_INPUT.terms.block).initial_value?.split('\n')).toEqual((rule.options as { terms: string[] }).terms);
    expect(inputOf<PlainTextInput>(view, ADMIN_INPUT.terms.block).multiline).toBe(true);
    expect(inputOf<PlainTextInput>(view, ADMIN_INPUT.stems.block).initial_value).toBe('confidenti');
    expect(inputOf<RadioButtons>(view, ADMIN_INPUT.scan.block).initial_option?.value).toBe('all');
    expect(inputOf<PlainTextInput>(view, ADMIN_INPUT.channels.block).initial_value).toBe('client-*\next-*');
    expect(inputOf<PlainTextInput>(view, ADMIN_INPUT.exceptChannels.block).initial_value).toBe('ext-fun');
    expect(inputOf<Checkboxes>(view, ADMIN_INPUT.where.block).initial_options?.map((o) => o.value)).toEqual(['external', 'private']);
    expect(inputOf<RadioButtons>(view, ADMIN_INPUT.match.block).initial_option?.value).toBe('any');
    const exempt = inputOf<MultiUsersSelect>(view, ADMIN_INPUT.exempt.block);
    expect(exempt.type).toBe('multi_users_select');
    expect(exempt.initial_users).toEqual(['U024BE7LH', 'W0ADMIN2']);
    expect(inputOf<PlainTextInput>(view, ADMIN_INPUT.explanationFr.block).initial_value).toBe(rule.explanation?.fr);
    expect(inputOf<PlainTextInput>(view, ADMIN_INPUT.explanationEn.block).initial_value).toBe(rule.explanation?.en);
    expect(inputOf<PlainTextInput>(view, ADMIN_INPUT.comment.block).initial_value).toBeUndefined();

    const required = inputs(view).filter((b) => b.optional !== true).map((b) => b.block_id);
    expect(required).toEqual([ADMIN_INPUT.category.block, ADMIN_INPUT.severity.block, ADMIN_INPUT.action.block, ADMIN_INPUT.article.block, ADMIN_INPUT.terms.block]);
  });

  it('creates a keyword rule: the id input, shadow and enabled by default, no initial lists', () => {
    const view = adminRuleModal({ lang, mode: 'create', detectorKind: 'keyword', charterArticles: articles(lang) });
    expect(metadata(view)).toEqual({ mode: 'create', detector: 'keyword' });
    expect(view.title.text).toBe(t(lang, 'admin.modal.title.create'));
    expect(viewProblems(view)).toEqual([]);
    expect(inputs(view)[0]?.block_id).toBe(ADMIN_INPUT.id.block);
    expect(inputs(view)[0]?.optional).toBe(false);
    expect(inputOf<PlainTextInput>(view, ADMIN_INPUT.id.block).max_length).toBeLessThanOrEqual(60);
    expect(inputOf<RadioButtons>(view, ADMIN_INPUT.action.block).initial_option?.value).toBe('shadow');
    expect(inputOf<StaticSelect>(view, ADMIN_INPUT.category.block).initial_option?.value).toBe('custom');
    expect(inputOf<StaticSelect>(view, ADMIN_INPUT.article.block).initial_option).toBeUndefined();
    expect(inputOf<Checkboxes>(view, ADMIN_INPUT.enabled.block).initial_options?.map((o) => o.value)).toEqual(['enabled']);
    expect(inputOf<PlainTextInput>(view, ADMIN_INPUT.terms.block).initial_value).toBeUndefined();
    expect(inputOf<RadioButtons>(view, ADMIN_INPUT.scan.block).initial_option?.value).toBe('prose');
    expect(rendered(view)).toContain(t(lang, 'admin.modal.intro.keyword'));
  });

  it('creates a regex rule: pattern, case and scan (all by default)', () => {
    const view = adminRuleModal({ lang, mode: 'create', detectorKind: 'regex', charterArticles: articles(lang) });
    expect(metadata(view)).toEqual({ mode: 'create', detector: 'regex' });
    expect(viewProblems(view)).toEqual([]);
    const ids = inputs(view).map((b) => b.block_id);
    expect(ids).toContain(ADMIN_INPUT.pattern.block);
    expect(ids).toContain(ADMIN_INPUT.caseSensitive.block);
    expect(ids).not.toContain(ADMIN_INPUT.terms.block);
    expect(inputOf<PlainTextInput>(view, ADMIN_INPUT.pattern.block).max_length).toBe(1000);
    expect(inputOf<RadioButtons>(view, ADMIN_INPUT.scan.block).initial_option?.value).toBe('all');
    expect(inputOf<Checkboxes>(view, ADMIN_INPUT.caseSensitive.block).initial_options).toBeUndefined();
  });

  it('edits a regex rule with its pattern escaped nowhere but kept exactly in the input', () => {
    const rule: RuleInput = {
      id: 'project-code',
      detector: 'regex',
      category: 'confidential',
      severity: 'high',
      action: 'shadow',
      article: 'confidentiality-documents',
      description: HOSTILE,
      options: { pattern: '<!here>|\\bATLAS-\\d{3}\\b|`x`', caseSensitive: true, scan: 'prose' },
    };
    const view = adminRuleModal({ lang, mode: 'edit', rule, charterArticles: articles(lang) });
    expect(viewProblems(view)).toEqual([]);
    expect(inputOf<PlainTextInput>(view, ADMIN_INPUT.pattern.block).initial_value).toBe(rule.options?.pattern);
    expect(inputOf<Checkboxes>(view, ADMIN_INPUT.caseSensitive.block).initial_options?.map((o) => o.value)).toEqual(['caseSensitive']);
    expect(inputOf<RadioButtons>(view, ADMIN_INPUT.scan.block).initial_option?.value).toBe('prose');
    // Initial values are plain text Slack never parses; mrkdwn texts carry nothing hostile.
    const mrkdwnTexts = (view.blocks as KnownBlock[]).flatMap((b) => (b.type === 'section' && b.text !== undefined ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => ('text' in e ? e.text : '')) : []));
    expect(unsafeMarkup(mrkdwnTexts)).toEqual([]);
  });

  it('escapes the rule id and detector in the intro', () => {
    const rule = { ...realRule('profanity'), id: 'x', detector: '<!channel>' } as RuleInput;
    const view = adminRuleModal({ lang, mode: 'edit', rule, charterArticles: articles(lang) });
    expect(unsafeMarkup(view.blocks)).toEqual([]);
  });

  it('lets a wordlist rule edit its added and allowed words, and says the other options stay in the file', () => {
    const rule: RuleInput = { ...realRule('profanity'), options: { tiers: ['moderate'], allow: ['Dick Cheney', 'Sussex'] } };
    const view = adminRuleModal({ lang, mode: 'edit', rule, charterArticles: articles(lang) });
    expect(viewProblems(view)).toEqual([]);
    const ids = inputs(view).map((b) => b.block_id);
    expect(ids).toContain(ADMIN_INPUT.add.block);
    expect(ids).toContain(ADMIN_INPUT.allow.block);
    expect(ids).not.toContain(ADMIN_INPUT.scan.block);
    expect(inputOf<PlainTextInput>(view, ADMIN_INPUT.allow.block).initial_value).toBe('Dick Cheney\nSussex');
    expect(rendered(view)).toContain(t(lang, 'admin.modal.options.file', { detector: '`wordlist`' }));
  });

  it('keeps the rule’s article selectable when the charter lacks it', () => {
    const rule = { ...realRule('profanity'), article: 'gone-article' };
    const view = adminRuleModal({ lang, mode: 'edit', rule, charterArticles: articles(lang) });
    const select = inputOf<StaticSelect>(view, ADMIN_INPUT.article.block);
    expect(select.initial_option?.value).toBe('gone-article');
    expect(viewProblems(view)).toEqual([]);
  });

  it('does not offer a list too long for Slack’s input, and keeps it on save', () => {
    const terms = Array.from({ length: 400 }, (_, i) => `terme-numero-${i}`);
    const rule: RuleInput = { ...realRule('confidential'), options: { terms, scan: 'all' } };
    const view = adminRuleModal({ lang, mode: 'edit', rule, charterArticles: articles(lang) });
    expect(viewProblems(view)).toEqual([]);
    expect(inputs(view).map((b) => b.block_id)).not.toContain(ADMIN_INPUT.terms.block);
    expect(rendered(view)).toContain('400');
    expect(readRuleForm(submitted(view), 'edit', 'keyword', rule).rule).toEqual(rule);
  });
});

describe('readRuleForm', () => {
  const lang = 'fr';

  it.each(realRules().map((rule) => [rule.id, rule] as const))('gives back %s unchanged when nothing is edited', (_id, rule) => {
    const view = adminRuleModal({ lang, mode: 'edit', rule, charterArticles: articles(lang) });
    const meta = metadata(view);
    expect(meta?.detector).toBe(rule.detector);
    const out = readRuleForm(submitted(view), 'edit', meta?.detector ?? '', rule);
    expect(out).toEqual({ rule });
    expect(ruleSchema.safeParse(out.rule).success).toBe(true);
  });

  it('round-trips a rule that uses every field', () => {
    const rule: RuleInput = {
      id: 'project-atlas',
      detector: 'keyword',
      category: 'confidential',
      severity: 'critical',
      action: 'flag',
      article: 'confidentiality-documents',
      enabled: false,
      description: 'Le nom de code « Atlas » hors des canaux du projet.',
      scope: { channels: ['client-*'], exceptChannels: ['atlas-*'], external: true, private: false, match: 'any' },
      exempt: ['U024BE7LH'],
      explanation: { fr: 'Atlas est confidentiel.', en: 'Atlas is confidential.' },
      options: { terms: ['atlas', 'projet atlas'], stems: ['atlasi'], scan: 'all' },
      lang: 'fr',
      examples: { flag: ['projet atlas'], pass: ['atlas des routes'] },
    };
    const view = adminRuleModal({ lang, mode: 'edit', rule, charterArticles: articles(lang) });
    expect(readRuleForm(submitted(view), 'edit', 'keyword', rule)).toEqual({ rule });
  });

  it('reads a new keyword rule as Slack submits it', () => {
    const view = adminRuleModal({ lang, mode: 'create', detectorKind: 'keyword', charterArticles: articles(lang) });
    const values = submitted(view, {
      [ADMIN_INPUT.id.block]: { value: 'project-atlas' },
      [ADMIN_INPUT.description.block]: { value: '  Nom de code  ' },
      [ADMIN_INPUT.article.block]: { selected_option: { value: 'confidentiality-documents' } },
      [ADMIN_INPUT.terms.block]: { value: 'atlas\n\n  projet atlas \natlas\n' },
      [ADMIN_INPUT.channels.block]: { value: '#Client-*, ext-*\n\n' },
      [ADMIN_INPUT.where.block]: { selected_options: [{ value: 'external' }] },
      [ADMIN_INPUT.exempt.block]: { selected_users: ['U024BE7LH', 'not-a-user'] },
      [ADMIN_INPUT.comment.block]: { value: ' Demande de la direction ' },
    });
    const { rule, comment } = readRuleForm(values, 'create', 'keyword');
    expect(rule).toEqual({
      id: 'project-atlas',
      detector: 'keyword',
      category: 'custom',
      severity: 'medium',
      action: 'shadow',
      article: 'confidentiality-documents',
      description: 'Nom de code',
      options: { terms: ['atlas', 'projet atlas'] },
      scope: { channels: ['client-*', 'ext-*'], external: true },
      exempt: ['U024BE7LH'],
    });
    expect(comment).toBe('Demande de la direction');
    expect(ruleSchema.safeParse(rule).success).toBe(true);
  });

  it('reads a new regex rule: pattern kept as typed, case and scan only when not the default', () => {
    const view = adminRuleModal({ lang, mode: 'create', detectorKind: 'regex', charterArticles: articles(lang) });
    const base = {
      [ADMIN_INPUT.id.block]: { value: 'ticket-ids' },
      [ADMIN_INPUT.article.block]: { selected_option: { value: 'confidentiality-documents' } },
      [ADMIN_INPUT.pattern.block]: { value: '\\bATLAS-\\d{3}\\b ' },
    };
    expect(readRuleForm(submitted(view, base), 'create', 'regex').rule.options).toEqual({ pattern: '\\bATLAS-\\d{3}\\b ' });
    const changed = submitted(view, {
      ...base,
      [ADMIN_INPUT.caseSensitive.block]: { selected_options: [{ value: 'caseSensitive' }] },
      [ADMIN_INPUT.scan.block]: { selected_option: { value: 'prose' } },
      [ADMIN_INPUT.action.block]: { selected_option: { value: 'nudge' } },
      [ADMIN_INPUT.enabled.block]: { selected_options: [] },
    });
    const { rule } = readRuleForm(changed, 'create', 'regex');
    expect(rule.options).toEqual({ pattern: '\\bATLAS-\\d{3}\\b ', caseSensitive: true, scan: 'prose' });
    expect(rule.action).toBe('nudge');
    expect(rule.enabled).toBe(false);
  });

  it('applies an admin’s edits on top of the base and drops cleared fields', () => {
    const base: RuleInput = {
      ...realRule('familiar-tone'),
      description: 'Argot',
      explanation: { fr: 'Un peu familier.', en: 'A bit casual.' },
      exempt: ['U024BE7LH'],
    };
    const view = adminRuleModal({ lang, mode: 'edit', rule: base, charterArticles: articles(lang) });
    const values = submitted(view, {
      [ADMIN_INPUT.description.block]: { value: '' },
      [ADMIN_INPUT.severity.block]: { selected_option: { value: 'medium' } },
      [ADMIN_INPUT.add.block]: { value: 'wesh\nkiffer' },
      [ADMIN_INPUT.channels.block]: { value: '' },
      [ADMIN_INPUT.where.block]: { selected_options: [] },
      [ADMIN_INPUT.exempt.block]: { selected_users: [] },
      [ADMIN_INPUT.explanationFr.block]: { value: '' },
      [ADMIN_INPUT.explanationEn.block]: { value: '' },
    });
    const { rule, comment } = readRuleForm(values, 'edit', 'familiar-tone', base);
    expect(comment).toBeUndefined();
    expect(rule.description).toBeUndefined();
    expect(rule.severity).toBe('medium');
    expect(rule.options).toEqual({ add: ['wesh', 'kiffer'] });
    expect(rule.scope).toBeUndefined();
    expect(rule.exempt).toEqual([]);
    expect(rule.explanation).toBeUndefined();
    expect(rule.examples).toEqual(base.examples);
    expect(rule.id).toBe('familiar-tone');
  });

  it('writes an empty terms list and a half explanation so validation can point at their fields', () => {
    const base = realRule('confidential');
    const view = adminRuleModal({ lang, mode: 'edit', rule: base, charterArticles: articles(lang) });
    const { rule } = readRuleForm(
      submitted(view, { [ADMIN_INPUT.terms.block]: { value: '\n \n' }, [ADMIN_INPUT.explanationFr.block]: { value: 'Seulement en français' } }),
      'edit',
      'keyword',
      base,
    );
    expect((rule.options as { terms: string[] }).terms).toEqual([]);
    expect(rule.explanation).toEqual({ fr: 'Seulement en français', en: '' });
    const result = ruleSchema.safeParse(rule);
    expect(result.success).toBe(false);
    const fields = (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
    expect(fields.map((field) => blockForField(field))).toContain(ADMIN_INPUT.explanationEn.block);
  });

  it('keeps the id of the rule edited, whatever the form says', () => {
    const base = realRule('insult');
    const view = adminRuleModal({ lang, mode: 'edit', rule: base, charterArticles: articles(lang) });
    const values = { ...submitted(view), [ADMIN_INPUT.id.block]: { [ADMIN_INPUT.id.action]: { type: 'plain_text_input', value: 'other' } } };
    expect(readRuleForm(values, 'edit', 'insult', base).rule.id).toBe('insult');
  });
});

describe('field problems → blocks', () => {
  it('maps every field path the form edits to a block id of admin-ids', () => {
    const blocks = new Set<string>(Object.values(ADMIN_INPUT).map((ids) => ids.block));
    for (const block of Object.values(ADMIN_FIELD_BLOCKS)) expect(blocks.has(block)).toBe(true);
    expect(ADMIN_FIELD_BLOCKS['options.pattern']).toBe(ADMIN_INPUT.pattern.block);
    expect(ADMIN_FIELD_BLOCKS['options.terms']).toBe(ADMIN_INPUT.terms.block);
    expect(ADMIN_FIELD_BLOCKS.article).toBe(ADMIN_INPUT.article.block);
    expect(ADMIN_FIELD_BLOCKS['scope.channels']).toBe(ADMIN_INPUT.channels.block);
    expect(ADMIN_FIELD_BLOCKS['explanation.fr']).toBe(ADMIN_INPUT.explanationFr.block);
    expect(ADMIN_FIELD_BLOCKS.id).toBe(ADMIN_INPUT.id.block);
  });

  it('finds the block of indexed and nested paths', () => {
    expect(blockForField('rules[0].options.terms[2]')).toBe(ADMIN_INPUT.terms.block);
    expect(blockForField('scope.channels[1]')).toBe(ADMIN_INPUT.channels.block);
    expect(blockForField('scope.private')).toBe(ADMIN_INPUT.where.block);
    expect(blockForField('exempt[0]')).toBe(ADMIN_INPUT.exempt.block);
    expect(blockForField('options', 'regex')).toBe(ADMIN_INPUT.pattern.block);
    expect(blockForField('options', 'keyword')).toBe(ADMIN_INPUT.terms.block);
    expect(blockForField('examples.flag[0]')).toBeUndefined();
    expect(blockForField(undefined)).toBeUndefined();
  });

  it('builds response_action errors only for blocks the view has', () => {
    const view = adminRuleModal({ lang: 'en', mode: 'create', detectorKind: 'regex', charterArticles: articles('en') });
    const { errors, unplaced } = adminFormErrors(
      [
        { field: 'options.pattern', message: 'pattern refused by the linear-time engine' },
        { field: 'options.pattern', message: 'second problem' },
        { field: 'id', message: 'a rule id uses lowercase letters' },
        { field: 'options.terms', message: 'not in this view' },
        { field: 'examples.flag[0]', message: 'the rule does not flag this example' },
        { message: 'no field' },
      ],
      view,
      'regex',
    );
    expect(errors).toEqual({
      [ADMIN_INPUT.pattern.block]: 'pattern refused by the linear-time engine · second problem',
      [ADMIN_INPUT.id.block]: 'a rule id uses lowercase letters',
    });
    expect(unplaced).toEqual(['options.terms: not in this view', 'examples.flag[0]: the rule does not flag this example', 'no field']);
  });
});

describe('helpers', () => {
  it('reads channel patterns one per line, commas and # tolerated', () => {
    expect(channelPatterns('#Client-*\next-*, ops\n\next-*')).toEqual(['client-*', 'ext-*', 'ops']);
  });

  it('refuses malformed metadata', () => {
    expect(parseRuleModalMetadata('{"mode":"edit","detector":"keyword"}')).toBeUndefined();
    expect(parseRuleModalMetadata('{"mode":"create","detector":"keyword"}')).toEqual({ mode: 'create', detector: 'keyword' });
    expect(parseRuleModalMetadata('not json')).toBeUndefined();
    expect(parseRuleModalMetadata(undefined)).toBeUndefined();
    expect(parseRuleModalMetadata('{"mode":"delete","detector":"keyword"}')).toBeUndefined();
  });
});
