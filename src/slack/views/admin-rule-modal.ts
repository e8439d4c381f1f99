/**
 * The admins' rule modal: create a keyword or pattern rule, or edit any rule, in Slack; and
 * the pure parser that turns the submitted modal back into a rule as written in a rule file.
 * Block ids come from `admin-ids.ts` so the listener can show each validation problem under its
 * field ({@link ADMIN_FIELD_BLOCKS}, {@link adminFormErrors}). Pure.
 */
import type { KnownBlock, ModalView, MultiUsersSelect, PlainTextOption } from '@slack/types';
import { ACTIONS, CATEGORIES, SEVERITIES, type Action, type Category, type Lang, type Severity } from '../../engine/types';
import type { RuleInput } from '../../rules-admin/model';
import { ADMIN_ACTION, ADMIN_INPUT, ADMIN_VIEW } from '../admin-ids';
import { actionLabel, categoryLabel, severityLabel, t } from '../i18n';
import { context, LIMITS, plain, section } from './blocks';
import { SEVERITY_EMOJI } from './alert';
import {
  checkboxes,
  FORM_LIMITS,
  inlineCode,
  inputBlock,
  option,
  parseJson,
  radioButtons,
  readOption,
  readOptions,
  readText,
  readUsers,
  splitLines,
  staticSelect,
  stateOf,
  textInput,
  type InputIds,
  type ViewStateValues,
} from './admin-form';
import { MAX_ADMIN_COMMENT } from './admin-home';

/** Create a rule, or edit one. */
export type RuleModalMode = 'edit' | 'create';

/** Detectors whose rules admins can create in Slack. */
export type CreatableDetector = 'keyword' | 'regex';

/** A charter article an admin can pick. */
export interface CharterArticleChoice {
  id: string;
  /** e.g. `Article 2.1 — Langage` (plain text). */
  label: string;
}

/** What the rule modal shows. */
export interface AdminRuleModalInput {
  lang: Lang;
  mode: RuleModalMode;
  /** The rule as in effect (edit), or values to start from (create). */
  rule?: RuleInput;
  /** The detector of a new rule; `keyword` by default. Ignored when editing (the rule's own). */
  detectorKind?: CreatableDetector;
  charterArticles: readonly CharterArticleChoice[];
  /** The rules version the modal is opened on (carried in `private_metadata`, for conflicts). */
  basedOn?: number;
  /** Validation problems are shown by the listener with `response_action: 'errors'`. */
  errors?: never;
}

/** The rule modal's `private_metadata`. */
export interface RuleModalMetadata {
  mode: RuleModalMode;
  /** The edited rule's id (edit mode). */
  ruleId?: string;
  detector: string;
  basedOn?: number;
}

/** Lists a detector's rules can edit in Slack, by detector kind (`options.<key>`). */
const LIST_OPTIONS: Readonly<Record<string, readonly ListOption[]>> = {
  keyword: ['terms', 'stems'],
  wordlist: ['add', 'allow'],
  insult: ['add', 'allow'],
  'familiar-tone': ['add', 'allow'],
};

type ListOption = 'terms' | 'stems' | 'add' | 'allow';

/** `options.scan` defaults, for the detectors that have it. */
const SCAN_DEFAULT: Readonly<Record<string, 'prose' | 'all'>> = { keyword: 'prose', regex: 'all' };

/** Longest id of a rule created in Slack (a rule menu's value must stay ≤ 75 characters). */
export const MAX_RULE_ID = 60;
/** Longest regex pattern (the detector's own limit). */
export const MAX_PATTERN = 1000;
const MAX_DESCRIPTION = 500;

/**
 * Rule fields → the block that shows them, so a listener can answer a refused submission with
 * `response_action: 'errors'` under the right input. Paths are the rule's own (`options.terms`,
 * `scope.channels`, `explanation.fr`); see {@link blockForField} for indexed or nested paths.
 */
export const ADMIN_FIELD_BLOCKS: Readonly<Record<string, string>> = {
  id: ADMIN_INPUT.id.block,
  description: ADMIN_INPUT.description.block,
  category: ADMIN_INPUT.category.block,
  severity: ADMIN_INPUT.severity.block,
  action: ADMIN_INPUT.action.block,
  article: ADMIN_INPUT.article.block,
  enabled: ADMIN_INPUT.enabled.block,
  'options.terms': ADMIN_INPUT.terms.block,
  'options.stems': ADMIN_INPUT.stems.block,
  'options.add': ADMIN_INPUT.add.block,
  'options.allow': ADMIN_INPUT.allow.block,
  'options.pattern': ADMIN_INPUT.pattern.block,
  'options.caseSensitive': ADMIN_INPUT.caseSensitive.block,
  'options.scan': ADMIN_INPUT.scan.block,
  scope: ADMIN_INPUT.channels.block,
  'scope.channels': ADMIN_INPUT.channels.block,
  'scope.exceptChannels': ADMIN_INPUT.exceptChannels.block,
  'scope.external': ADMIN_INPUT.where.block,
  'scope.private': ADMIN_INPUT.where.block,
  'scope.match': ADMIN_INPUT.match.block,
  exempt: ADMIN_INPUT.exempt.block,
  explanation: ADMIN_INPUT.explanationFr.block,
  'explanation.fr': ADMIN_INPUT.explanationFr.block,
  'explanation.en': ADMIN_INPUT.explanationEn.block,
  comment: ADMIN_INPUT.comment.block,
};

/**
 * The block for a problem's field path: `rules[0].options.terms[2]` → the terms block; the
 * longest known prefix wins (`scope.channels[1]` → channels). A bare `options` goes to the
 * detector's main option (terms, pattern, added words). Undefined for fields the modal lacks.
 */
export function blockForField(field: string | undefined, detector?: string): string | undefined {
  if (field === undefined) return undefined;
  const path = field
    .replace(/^rules\[\d+\]\.?/, '')
    .replace(/\[\d+\]/g, '')
    .replace(/^\.|\.$/g, '');
  if (path === 'options' && detector !== undefined) {
    if (detector === 'regex') return ADMIN_INPUT.pattern.block;
    const lists = LIST_OPTIONS[detector];
    return lists?.[0] === undefined ? undefined : ADMIN_INPUT[lists[0]].block;
  }
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const block = ADMIN_FIELD_BLOCKS[parts.slice(0, n).join('.')];
    if (block !== undefined) return block;
  }
  return undefined;
}

/** Longest error Slack shows under an input (kept short). */
const MAX_FIELD_ERROR = 300;

/**
 * A refused submission's problems as `response_action: 'errors'` wants them: by block id, only
 * for blocks `view` has (Slack refuses errors for other blocks), several problems of one block
 * joined. Problems no block shows are returned in `unplaced` (to say some other way).
 */
export function adminFormErrors(
  problems: ReadonlyArray<{ field?: string; message: string }>,
  view: { blocks: ReadonlyArray<{ block_id?: string }> },
  detector?: string,
): { errors: Record<string, string>; unplaced: string[] } {
  const present = new Set(view.blocks.map((block) => block.block_id).filter((id): id is string => id !== undefined));
  const byBlock = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const problem of problems) {
    const block = blockForField(problem.field, detector);
    if (block === undefined || !present.has(block)) {
      unplaced.push(problem.field === undefined || problem.field === '' ? problem.message : `${problem.field}: ${problem.message}`);
      continue;
    }
    byBlock.set(block, [...(byBlock.get(block) ?? []), problem.message]);
  }
  const errors: Record<string, string> = {};
  for (const [block, messages] of byBlock) {
    const text = [...new Set(messages)].join(' · ');
    errors[block] = text.length <= MAX_FIELD_ERROR ? text : `${text.slice(0, MAX_FIELD_ERROR - 1)}…`;
  }
  return { errors, unplaced };
}

/**
 * The rule modal (callback id {@link ADMIN_VIEW.rule}). Edit mode shows the rule's current
 * values; create mode starts a keyword or pattern rule in shadow (measure before telling anyone).
 * Inputs: id (create only), description, category, severity, action (radio buttons, with what
 * each does), charter article, enabled; the detector's lists (keyword: terms and stems;
 * wordlist, insult, familiar-tone: added and allowed words; one per line) or, for regex, the
 * pattern, case sensitivity and where to look; the scope (channels and except channels, one
 * pattern per line; shared and private channels; all or any condition); exempt people; the
 * explanation in French and English; a comment for the history.
 * `private_metadata`: `{"mode","ruleId"?,"detector","basedOn"?}`.
 */
export function adminRuleModal(input: AdminRuleModalInput): ModalView {
  const { lang, mode, rule } = input;
  const detector = mode === 'edit' && rule !== undefined ? rule.detector : (input.detectorKind ?? 'keyword');
  const metadata: RuleModalMetadata = { mode, detector };
  if (mode === 'edit' && rule !== undefined) metadata.ruleId = rule.id;
  if (input.basedOn !== undefined) metadata.basedOn = input.basedOn;
  const options = isRecord(rule?.options) ? rule.options : {};
  const scope = rule?.scope ?? {};

  const blocks: KnownBlock[] = [];
  if (mode === 'edit' && rule !== undefined) {
    blocks.push(section(t(lang, 'admin.modal.intro.edit', { rule: inlineCode(rule.id), detector: inlineCode(rule.detector) })));
  } else {
    blocks.push(section(t(lang, detector === 'regex' ? 'admin.modal.intro.regex' : 'admin.modal.intro.keyword')));
    blocks.push(context(t(lang, 'admin.modal.tip')));
    blocks.push(
      inputBlock(ADMIN_INPUT.id, t(lang, 'admin.field.id'), textInput(ADMIN_INPUT.id, { initial: rule?.id ?? '', max: MAX_RULE_ID, focus: true }), {
        optional: false,
        hint: t(lang, 'admin.field.id.hint'),
      }),
    );
  }

  blocks.push(
    inputBlock(
      ADMIN_INPUT.description,
      t(lang, 'admin.field.description'),
      textInput(ADMIN_INPUT.description, { initial: rule?.description ?? '', max: Math.max(MAX_DESCRIPTION, rule?.description?.length ?? 0) }),
      { hint: t(lang, 'admin.field.description.hint') },
    ),
    inputBlock(
      ADMIN_INPUT.category,
      t(lang, 'admin.field.category'),
      staticSelect(
        ADMIN_INPUT.category,
        t(lang, 'admin.choose'),
        CATEGORIES.map((category) => option(categoryLabel(lang, category), category)),
        rule?.category ?? 'custom',
      ),
      { optional: false },
    ),
    inputBlock(
      ADMIN_INPUT.severity,
      t(lang, 'admin.field.severity'),
      staticSelect(
        ADMIN_INPUT.severity,
        t(lang, 'admin.choose'),
        SEVERITIES.map((severity) => option(`${SEVERITY_EMOJI[severity]} ${severityLabel(lang, severity)}`, severity)),
        rule?.severity ?? 'medium',
      ),
      { optional: false },
    ),
    inputBlock(
      ADMIN_INPUT.action,
      t(lang, 'admin.field.action'),
      radioButtons(
        ADMIN_INPUT.action,
        ACTIONS.map((action) => option(actionLabel(lang, action), action, t(lang, `admin.action.${action}.help`))),
        rule?.action ?? 'shadow',
      ),
      { optional: false },
    ),
    inputBlock(
      ADMIN_INPUT.article,
      t(lang, 'admin.field.article'),
      staticSelect(ADMIN_INPUT.article, t(lang, 'admin.choose'), articleOptions(input.charterArticles, rule?.article), rule?.article),
      { optional: false },
    ),
    inputBlock(
      ADMIN_INPUT.enabled,
      t(lang, 'admin.field.enabled'),
      checkboxes(ADMIN_INPUT.enabled, [option(t(lang, 'admin.field.enabled.option'), 'enabled')], rule?.enabled === false ? [] : ['enabled']),
    ),
  );

  blocks.push(...optionBlocks(lang, detector, options));

  blocks.push(
    section(`*${t(lang, 'admin.modal.scope')}*`),
    inputBlock(
      ADMIN_INPUT.channels,
      t(lang, 'admin.field.channels'),
      textInput(ADMIN_INPUT.channels, { initial: (scope.channels ?? []).join('\n'), multiline: true }),
      { hint: t(lang, 'admin.field.channels.hint') },
    ),
    inputBlock(
      ADMIN_INPUT.exceptChannels,
      t(lang, 'admin.field.exceptChannels'),
      textInput(ADMIN_INPUT.exceptChannels, { initial: (scope.exceptChannels ?? []).join('\n'), multiline: true }),
      { hint: t(lang, 'admin.field.exceptChannels.hint') },
    ),
    inputBlock(
      ADMIN_INPUT.where,
      t(lang, 'admin.field.where'),
      checkboxes(
        ADMIN_INPUT.where,
        [option(t(lang, 'admin.field.where.external'), 'external'), option(t(lang, 'admin.field.where.private'), 'private')],
        [...(scope.external === true ? ['external'] : []), ...(scope.private === true ? ['private'] : [])],
      ),
      { hint: t(lang, 'admin.field.where.hint') },
    ),
    inputBlock(
      ADMIN_INPUT.match,
      t(lang, 'admin.field.match'),
      radioButtons(
        ADMIN_INPUT.match,
        [option(t(lang, 'admin.field.match.all'), 'all'), option(t(lang, 'admin.field.match.any'), 'any')],
        scope.match ?? 'all',
      ),
    ),
    inputBlock(ADMIN_INPUT.exempt, t(lang, 'admin.field.exempt'), usersSelect(ADMIN_INPUT.exempt, t(lang, 'admin.choose'), rule?.exempt ?? [])),
    section(`*${t(lang, 'admin.modal.explanation')}*`),
    inputBlock(
      ADMIN_INPUT.explanationFr,
      t(lang, 'admin.field.explanationFr'),
      textInput(ADMIN_INPUT.explanationFr, { initial: rule?.explanation?.fr ?? '', multiline: true }),
      { hint: t(lang, 'admin.field.explanation.hint') },
    ),
    inputBlock(
      ADMIN_INPUT.explanationEn,
      t(lang, 'admin.field.explanationEn'),
      textInput(ADMIN_INPUT.explanationEn, { initial: rule?.explanation?.en ?? '', multiline: true }),
      { hint: t(lang, 'admin.field.explanation.hint') },
    ),
    inputBlock(
      ADMIN_INPUT.comment,
      t(lang, 'admin.comment.label'),
      textInput(ADMIN_INPUT.comment, { max: MAX_ADMIN_COMMENT, placeholder: t(lang, 'admin.comment.placeholder') }),
    ),
    {
      type: 'actions',
      block_id: 'admin_try_edited_block',
      elements: [{ type: 'button', action_id: ADMIN_ACTION.tryEdited, value: 'try', text: plain(t(lang, 'admin.tryEdited'), LIMITS.buttonText) }],
    },
    context(t(lang, 'admin.tryEdited.hint')),
  );

  return {
    type: 'modal',
    callback_id: ADMIN_VIEW.rule,
    private_metadata: JSON.stringify(metadata),
    title: plain(t(lang, mode === 'edit' ? 'admin.modal.title.edit' : 'admin.modal.title.create'), LIMITS.modalTitle),
    submit: plain(t(lang, 'admin.save'), LIMITS.modalTitle),
    close: plain(t(lang, 'admin.cancel'), LIMITS.modalTitle),
    blocks: blocks.slice(0, LIMITS.viewBlocks),
  };
}

/** The charter's articles; the rule's own article first when the charter lacks it (so it stays selected). */
function articleOptions(articles: readonly CharterArticleChoice[], current: string | undefined): PlainTextOption[] {
  const options = articles.filter((a) => a.id !== '').map((a) => option(a.label === '' ? a.id : a.label, a.id));
  if (current !== undefined && current !== '' && !articles.some((a) => a.id === current)) options.unshift(option(current, current));
  return dedupe(options).slice(0, FORM_LIMITS.selectOptions);
}

function dedupe(options: PlainTextOption[]): PlainTextOption[] {
  const seen = new Set<string>();
  return options.filter((o) => {
    if (o.value === undefined || seen.has(o.value)) return false;
    seen.add(o.value);
    return true;
  });
}

function usersSelect(ids: InputIds, placeholder: string, users: readonly string[]): MultiUsersSelect {
  const element: MultiUsersSelect = { type: 'multi_users_select', action_id: ids.action, placeholder: plain(placeholder, FORM_LIMITS.placeholder) };
  const initial = users.filter((user) => /^[UW][A-Z0-9]+$/.test(user));
  if (initial.length > 0) element.initial_users = initial;
  return element;
}

/** The detector's editable options: lists (one entry per line), or a regex's pattern, case and scan. */
function optionBlocks(lang: Lang, detector: string, options: Readonly<Record<string, unknown>>): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (const key of LIST_OPTIONS[detector] ?? []) {
    const entries = stringList(options[key]);
    const initial = entries.join('\n');
    const label = t(lang, `admin.field.${key}`);
    if (initial.length > FORM_LIMITS.textInput) {
      // Too long for Slack's input: shown as kept, and readRuleForm keeps the rule's value.
      blocks.push(context(t(lang, 'admin.modal.tooLong', { field: label, count: entries.length })));
      continue;
    }
    blocks.push(
      inputBlock(ADMIN_INPUT[key], label, textInput(ADMIN_INPUT[key], { initial, multiline: true }), {
        optional: key !== 'terms',
        hint: t(lang, `admin.field.${key}.hint`),
      }),
    );
  }
  if (detector === 'regex') {
    const pattern = typeof options.pattern === 'string' ? options.pattern : '';
    blocks.push(
      inputBlock(ADMIN_INPUT.pattern, t(lang, 'admin.field.pattern'), textInput(ADMIN_INPUT.pattern, { initial: pattern, max: MAX_PATTERN }), {
        optional: false,
        hint: t(lang, 'admin.field.pattern.hint'),
      }),
      inputBlock(
        ADMIN_INPUT.caseSensitive,
        t(lang, 'admin.field.case'),
        checkboxes(ADMIN_INPUT.caseSensitive, [option(t(lang, 'admin.field.case.option'), 'caseSensitive')], options.caseSensitive === true ? ['caseSensitive'] : []),
      ),
    );
  }
  const scanDefault = SCAN_DEFAULT[detector];
  if (scanDefault !== undefined) {
    const scan = options.scan === 'prose' || options.scan === 'all' ? options.scan : scanDefault;
    blocks.push(
      inputBlock(
        ADMIN_INPUT.scan,
        t(lang, 'admin.field.scan'),
        radioButtons(ADMIN_INPUT.scan, [option(t(lang, 'admin.field.scan.prose'), 'prose'), option(t(lang, 'admin.field.scan.all'), 'all')], scan),
      ),
    );
  } else {
    blocks.push(context(t(lang, 'admin.modal.options.file', { detector: inlineCode(detector) })));
  }
  return blocks;
}

/**
 * Reads a submitted rule modal into a rule as written in a rule file, and the history comment.
 * Pure and lenient: it does not validate (the rule set's loader does, and its problems map to
 * blocks with {@link adminFormErrors}). Starting from `base` (the rule as in effect, in edit
 * mode), each field whose input is in `values` replaces the base's; fields the modal did not
 * show (examples, `lang`, other detector options, a list too long to edit) are kept. Defaults
 * are not written out: `enabled: true`, `match: all`, an empty `exempt`, a detector's default
 * `scan` or `caseSensitive: false` appear only if the base had them, so an unchanged form gives
 * back the base rule. In edit mode the id is the base's (`''` without a base).
 */
export function readRuleForm(
  values: ViewStateValues,
  mode: RuleModalMode,
  detector: string,
  base?: RuleInput,
): { rule: RuleInput; comment?: string } {
  const rule: RuleInput = base !== undefined ? clone(base) : { id: '', detector, category: 'custom', severity: 'medium', action: 'shadow', article: '' };
  rule.detector = detector;
  rule.id = mode === 'create' ? (readText(values, ADMIN_INPUT.id) ?? base?.id ?? '') : (base?.id ?? '');

  const description = readText(values, ADMIN_INPUT.description);
  if (description !== undefined) {
    if (description === '') delete rule.description;
    else rule.description = description;
  }
  const category = readOption(values, ADMIN_INPUT.category);
  if (category !== undefined && (CATEGORIES as readonly string[]).includes(category)) rule.category = category as Category;
  const severity = readOption(values, ADMIN_INPUT.severity);
  if (severity !== undefined && (SEVERITIES as readonly string[]).includes(severity)) rule.severity = severity as Severity;
  const action = readOption(values, ADMIN_INPUT.action);
  if (action !== undefined && (ACTIONS as readonly string[]).includes(action)) rule.action = action as Action;
  const article = readOption(values, ADMIN_INPUT.article);
  if (article !== undefined) rule.article = article;

  const enabled = readOptions(values, ADMIN_INPUT.enabled);
  if (enabled !== undefined) {
    const on = enabled.includes('enabled');
    if (on && base?.enabled === undefined) delete rule.enabled;
    else rule.enabled = on;
  }

  rule.options = readOptionsForm(values, detector, isRecord(base?.options) ? base.options : {});
  if (base?.options === undefined && Object.keys(rule.options).length === 0) delete rule.options;

  const scope = readScope(values, base?.scope);
  if (scope === undefined) delete rule.scope;
  else rule.scope = scope;

  const exempt = readUsers(values, ADMIN_INPUT.exempt);
  if (exempt !== undefined) {
    const users = [...new Set(exempt.filter((user) => /^[UW][A-Z0-9]+$/.test(user)))];
    if (users.length === 0 && base?.exempt === undefined) delete rule.exempt;
    else rule.exempt = users;
  }

  const fr = readText(values, ADMIN_INPUT.explanationFr);
  const en = readText(values, ADMIN_INPUT.explanationEn);
  if (fr !== undefined || en !== undefined) {
    const explanation = { fr: fr ?? base?.explanation?.fr ?? '', en: en ?? base?.explanation?.en ?? '' };
    if (explanation.fr === '' && explanation.en === '') delete rule.explanation;
    else rule.explanation = explanation;
  }

  const comment = readText(values, ADMIN_INPUT.comment);
  return comment === undefined || comment === '' ? { rule } : { rule, comment: comment.slice(0, MAX_ADMIN_COMMENT) };
}

/** The detector's options: the base's, with each list, the pattern, case and scan shown replaced. */
function readOptionsForm(values: ViewStateValues, detector: string, base: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const options: Record<string, unknown> = { ...base };
  for (const key of LIST_OPTIONS[detector] ?? []) {
    const text = readText(values, ADMIN_INPUT[key]);
    if (text === undefined) continue;
    const entries = splitLines(text);
    // `terms` is required: an empty list is written so validation says so under the field.
    if (entries.length === 0 && key !== 'terms' && !(key in base)) delete options[key];
    else options[key] = entries;
  }
  if (detector === 'regex') {
    const state = stateOf(values, ADMIN_INPUT.pattern);
    if (state !== undefined) {
      const pattern = state.value ?? '';
      options.pattern = pattern.trim() === '' ? '' : pattern;
    }
    const flags = readOptions(values, ADMIN_INPUT.caseSensitive);
    if (flags !== undefined) {
      const on = flags.includes('caseSensitive');
      if (!on && !('caseSensitive' in base)) delete options.caseSensitive;
      else options.caseSensitive = on;
    }
  }
  const scanDefault = SCAN_DEFAULT[detector];
  const scan = readOption(values, ADMIN_INPUT.scan);
  if (scanDefault !== undefined && (scan === 'prose' || scan === 'all')) {
    if (scan === scanDefault && !('scan' in base)) delete options.scan;
    else options.scan = scan;
  }
  return options;
}

type Scope = NonNullable<RuleInput['scope']>;

/** The scope from the form; undefined when it sets no condition (the rule applies everywhere). */
function readScope(values: ViewStateValues, base: Scope | undefined): Scope | undefined {
  const scope: Scope = { ...(base ?? {}) };
  const channels = readText(values, ADMIN_INPUT.channels);
  if (channels !== undefined) setList(scope, 'channels', channelPatterns(channels));
  const except = readText(values, ADMIN_INPUT.exceptChannels);
  if (except !== undefined) setList(scope, 'exceptChannels', channelPatterns(except));
  const where = readOptions(values, ADMIN_INPUT.where);
  if (where !== undefined) {
    for (const key of ['external', 'private'] as const) {
      // A checkbox says "only these channels" or nothing: a base's `false` is kept when unticked.
      if (where.includes(key)) scope[key] = true;
      else if (base?.[key] === false) scope[key] = false;
      else delete scope[key];
    }
  }
  const match = readOption(values, ADMIN_INPUT.match);
  if (match === 'any') scope.match = 'any';
  else if (match === 'all') {
    if (base?.match === 'all') scope.match = 'all';
    else delete scope.match;
  }
  const conditions = scope.channels !== undefined || scope.exceptChannels !== undefined || scope.external !== undefined || scope.private !== undefined;
  return conditions ? scope : undefined;
}

function setList(scope: Scope, key: 'channels' | 'exceptChannels', list: string[]): void {
  if (list.length === 0) delete scope[key];
  else scope[key] = list;
}

/** Channel name patterns: one per line (commas and spaces also separate), `#` dropped, lowercase. */
export function channelPatterns(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[\s,]+/)) {
    const pattern = part.trim().replace(/^#/, '').toLowerCase();
    if (pattern !== '' && !out.includes(pattern)) out.push(pattern);
  }
  return out;
}

/** Reads the rule modal's `private_metadata`; undefined when malformed. */
export function parseRuleModalMetadata(text: string | undefined): RuleModalMetadata | undefined {
  const data = parseJson(text);
  if (data === undefined) return undefined;
  if (data.mode !== 'edit' && data.mode !== 'create') return undefined;
  if (typeof data.detector !== 'string' || !/^[a-z0-9-]{1,40}$/.test(data.detector)) return undefined;
  const out: RuleModalMetadata = { mode: data.mode, detector: data.detector };
  if (typeof data.ruleId === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(data.ruleId)) out.ruleId = data.ruleId;
  else if (data.mode === 'edit') return undefined;
  if (typeof data.basedOn === 'number' && Number.isInteger(data.basedOn)) out.basedOn = data.basedOn;
  return out;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy of plain data (a rule as parsed from YAML or JSON). */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
