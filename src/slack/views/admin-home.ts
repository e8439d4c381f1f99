/**
 * The admins' part of App Home: the charter rules with their current version, a menu per rule
 * (enable or disable, action, severity, edit, try), "New rule" and "History"; and the small
 * modal that changes a rule's action or severity. Appended by the caller for admins only.
 * Rule ids, counts and what admins wrote (escaped), never message text. Pure.
 */
import type { KnownBlock, ModalView, Overflow, PlainTextOption, SectionBlock } from '@slack/types';
import { ACTIONS, SEVERITIES, type Action, type Category, type Lang, type Severity } from '../../engine/types';
import { ADMIN_ACTION, ADMIN_BLOCK, ADMIN_INPUT, ADMIN_VIEW, encodeRuleOp, ruleBlockId } from '../admin-ids';
import { actionLabel, categoryLabel, plural, severityLabel, t } from '../i18n';
import { userMention } from '../mrkdwn';
import { button, context, divider, header, LIMITS, mrkdwn, plain, section } from './blocks';
import { SEVERITY_EMOJI } from './alert';
import {
  inlineCode,
  inputBlock,
  option,
  parseJson,
  percent,
  quotePlain,
  radioButtons,
  readOption,
  readText,
  textInput,
  whenText,
  type ViewStateValues,
} from './admin-form';

/** Where a rule comes from: the files as they are, a file rule edited in Slack, a rule created in Slack. */
export type RuleOrigin = 'file' | 'edited' | 'added';

/** One rule as the admins' list shows it (the effective rule, with its numbers). */
export interface AdminRuleLine {
  id: string;
  description?: string;
  category: Category;
  severity: Severity;
  action: Action;
  enabled: boolean;
  /** The charter article id. */
  article: string;
  /** The article as shown, e.g. `Article 2.1 — Langage` (plain text; escaped here). */
  articleLabel: string;
  /** Where the rule applies, e.g. `canaux partagés ou client-*` (plain text; escaped here). */
  scopeSummary: string;
  origin: RuleOrigin;
  /** Flags the rule raised in the last 30 days (shadow ones included). */
  hits30d: number;
  /** dismissed / (confirmed + dismissed); absent before any decision. */
  falsePositiveRate?: number;
}

/** The latest stored version of the rules overlay. */
export interface AdminVersionLine {
  id: number;
  /** When it was saved (ms). */
  at: number;
  /** A Slack user id, or `cli:<user>`. */
  author: string;
}

/** What the admins' rules part shows. */
export interface AdminRulesInput {
  lang: Lang;
  /** The effective rules, in the order to show them (the first {@link MAX_ADMIN_RULES}). */
  rules: readonly AdminRuleLine[];
  /** Absent: the rules are the files' own. */
  version?: AdminVersionLine;
  /** Now (ms), for "today" / "yesterday". */
  now: number;
  /** IANA time zone for dates (the admin's `tz`); UTC by default. */
  timeZone?: string;
}

/**
 * Rules listed in App Home, one section each. With the staff and moderator parts, App Home must
 * stay within Slack's 100 blocks: the admins' part keeps to {@link MAX_ADMIN_HOME_BLOCKS}.
 */
export const MAX_ADMIN_RULES = 14;
/** The most blocks {@link adminRulesBlocks} returns. */
export const MAX_ADMIN_HOME_BLOCKS = 45;
/** Longest description shown under a rule. */
export const MAX_RULE_DESCRIPTION_SHOWN = 200;
/** Days `hits30d` counts. */
const HITS_DAYS = 30;

/**
 * The admins' rules: a divider, the header, the version line (or "the original files"), how
 * edits apply, the buttons "New rule (keywords)", "New rule (pattern)" and "History", then one
 * section per rule (id, category, severity, action, scope, article, flags in 30 days and the
 * false-positive rate, its origin) with an overflow menu: enable or disable, "Action…",
 * "Severity…", "Edit…", "Try…". At most {@link MAX_ADMIN_RULES} rules, 20 blocks.
 */
export function adminRulesBlocks(input: AdminRulesInput): KnownBlock[] {
  const { lang } = input;
  const versionLine =
    input.version === undefined
      ? t(lang, 'admin.rules.files')
      : t(lang, 'admin.rules.version', {
          id: input.version.id,
          user: userMention(input.version.author),
          when: whenText(lang, input.version.at, input.now, input.timeZone),
        });
  const blocks: KnownBlock[] = [
    divider(),
    header(t(lang, 'admin.rules.header')),
    context(versionLine, t(lang, 'admin.rules.intro')),
    {
      type: 'actions',
      block_id: ADMIN_BLOCK.toolbar,
      elements: [
        button(t(lang, 'admin.rules.newKeyword'), ADMIN_ACTION.newKeywordRule, 'keyword'),
        button(t(lang, 'admin.rules.newRegex'), ADMIN_ACTION.newRegexRule, 'regex'),
        button(t(lang, 'admin.rules.history'), ADMIN_ACTION.history, 'history'),
      ],
    },
  ];

  if (input.rules.length === 0) blocks.push(section(t(lang, 'admin.rules.empty')));
  const seen = new Set<string>();
  for (const rule of input.rules.slice(0, MAX_ADMIN_RULES)) {
    if (seen.has(rule.id)) continue;
    seen.add(rule.id);
    blocks.push(ruleSection(rule, lang));
  }
  if (input.rules.length > MAX_ADMIN_RULES) {
    blocks.push(context(t(lang, 'admin.rules.more', { shown: MAX_ADMIN_RULES, total: input.rules.length })));
  }
  return blocks.slice(0, MAX_ADMIN_HOME_BLOCKS);
}

/**
 * `🟡 `profanity` · Grossièreté · gravité moyenne · rappel privé` (with `_désactivée_` when off),
 * the description, then scope · article · flags in 30 days · false positives · origin.
 */
function ruleSection(rule: AdminRuleLine, lang: Lang): SectionBlock {
  const first = [
    `${SEVERITY_EMOJI[rule.severity]} *${inlineCode(rule.id)}*`,
    categoryLabel(lang, rule.category),
    t(lang, 'admin.rule.severity', { severity: severityLabel(lang, rule.severity) }),
    actionLabel(lang, rule.action),
  ];
  if (!rule.enabled) first.push(`_${t(lang, 'admin.rule.disabled')}_`);
  const lines = [first.join(' · ')];
  const description = rule.description === undefined ? '' : quotePlain(rule.description, MAX_RULE_DESCRIPTION_SHOWN);
  if (description !== '') lines.push(description);
  const facts = [
    quotePlain(rule.scopeSummary, 200),
    quotePlain(rule.articleLabel === '' ? rule.article : rule.articleLabel, 150),
    plural(lang, 'admin.rule.hits', rule.hits30d, { days: HITS_DAYS }),
  ].filter((fact) => fact !== '');
  if (rule.falsePositiveRate !== undefined) facts.push(t(lang, 'queue.noisy.rate', { rate: percent(lang, rule.falsePositiveRate) }));
  if (rule.origin === 'edited') facts.push(`_${t(lang, 'admin.rule.origin.edited')}_`);
  if (rule.origin === 'added') facts.push(`_${t(lang, 'admin.rule.origin.added')}_`);
  lines.push(facts.join(' · '));
  return {
    type: 'section',
    block_id: ruleBlockId(rule.id),
    text: mrkdwn(lines.join('\n')),
    accessory: ruleMenu(rule, lang),
  };
}

/** The rule's overflow menu: five options, the most Slack allows. */
export function ruleMenu(rule: Pick<AdminRuleLine, 'id' | 'enabled'>, lang: Lang): Overflow {
  const toggle = rule.enabled
    ? option(t(lang, 'admin.menu.disable'), encodeRuleOp({ op: 'disable', rule: rule.id }))
    : option(t(lang, 'admin.menu.enable'), encodeRuleOp({ op: 'enable', rule: rule.id }));
  return {
    type: 'overflow',
    action_id: ADMIN_ACTION.ruleMenu,
    options: [
      toggle,
      option(t(lang, 'admin.menu.action'), encodeRuleOp({ op: 'action', rule: rule.id })),
      option(t(lang, 'admin.menu.severity'), encodeRuleOp({ op: 'severity', rule: rule.id })),
      option(t(lang, 'admin.menu.edit'), encodeRuleOp({ op: 'edit', rule: rule.id })),
      option(t(lang, 'admin.menu.try'), encodeRuleOp({ op: 'try', rule: rule.id })),
    ],
  };
}

/** What the quick modal changes. */
export type QuickKind = 'action' | 'severity';

/** The quick modal's `private_metadata`. */
export interface QuickModalMetadata {
  rule: string;
  kind: QuickKind;
  /** The rules version the modal was opened on (a newer one at submission is a conflict). */
  basedOn?: number;
}

/** Longest comment kept with a version. */
export const MAX_ADMIN_COMMENT = 500;

/**
 * The small modal behind "Action…" and "Severity…" (callback id {@link ADMIN_VIEW.quick}): the
 * rule, radio buttons with the current value selected (actions with what each does), and an
 * optional comment for the history. `private_metadata`: `{"rule","kind","basedOn"?}`.
 */
export function adminQuickModal(
  rule: { id: string; action: Action; severity: Severity },
  kind: QuickKind,
  lang: Lang,
  basedOn?: number,
): ModalView {
  const metadata: QuickModalMetadata = { rule: rule.id, kind };
  if (basedOn !== undefined) metadata.basedOn = basedOn;
  const options: PlainTextOption[] =
    kind === 'action'
      ? ACTIONS.map((action) => option(actionLabel(lang, action), action, t(lang, `admin.action.${action}.help`)))
      : SEVERITIES.map((severity) => option(`${SEVERITY_EMOJI[severity]} ${capitalize(severityLabel(lang, severity))}`, severity));
  return {
    type: 'modal',
    callback_id: ADMIN_VIEW.quick,
    private_metadata: JSON.stringify(metadata),
    title: plain(t(lang, kind === 'action' ? 'admin.quick.title.action' : 'admin.quick.title.severity'), LIMITS.modalTitle),
    submit: plain(t(lang, 'admin.save'), LIMITS.modalTitle),
    close: plain(t(lang, 'admin.cancel'), LIMITS.modalTitle),
    blocks: [
      section(t(lang, 'admin.quick.intro', { rule: inlineCode(rule.id) })),
      inputBlock(
        ADMIN_INPUT.quick,
        t(lang, kind === 'action' ? 'admin.quick.label.action' : 'admin.quick.label.severity'),
        radioButtons(ADMIN_INPUT.quick, options, kind === 'action' ? rule.action : rule.severity),
        { optional: false },
      ),
      inputBlock(
        ADMIN_INPUT.comment,
        t(lang, 'admin.comment.label'),
        textInput(ADMIN_INPUT.comment, { max: MAX_ADMIN_COMMENT, placeholder: t(lang, 'admin.comment.placeholder') }),
      ),
    ],
  };
}

/** What the quick modal submitted: the chosen value (undefined if not a valid one) and the comment. */
export function readQuickForm(
  values: ViewStateValues,
  kind: QuickKind,
): { value: Action | Severity | undefined; comment?: string } {
  const chosen = readOption(values, ADMIN_INPUT.quick);
  const allowed: readonly string[] = kind === 'action' ? ACTIONS : SEVERITIES;
  const value = chosen !== undefined && allowed.includes(chosen) ? (chosen as Action | Severity) : undefined;
  const comment = readText(values, ADMIN_INPUT.comment);
  return comment === undefined || comment === '' ? { value } : { value, comment };
}

/** Reads the quick modal's `private_metadata`; undefined when malformed. */
export function parseQuickMetadata(text: string | undefined): QuickModalMetadata | undefined {
  const data = parseJson(text);
  if (data === undefined || typeof data.rule !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(data.rule)) return undefined;
  if (data.kind !== 'action' && data.kind !== 'severity') return undefined;
  const out: QuickModalMetadata = { rule: data.rule, kind: data.kind };
  if (typeof data.basedOn === 'number' && Number.isInteger(data.basedOn)) out.basedOn = data.basedOn;
  return out;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
