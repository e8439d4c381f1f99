/**
 * Identifiers shared by the admins' views (rules in App Home, the rule modal, the quick action
 * and severity modals, "try a rule", the history) and the listeners that handle them: action ids,
 * callback ids and block ids, all prefixed `admin_`. Changing one breaks views already open in
 * Slack. Also the compact value a rule's overflow menu carries. Pure.
 */
import { ACTIONS, SEVERITIES, type Action, type Severity } from '../engine/types';

/** Buttons and menus of the admins' views. */
export const ADMIN_ACTION = {
  /** "New rule (keywords)" in App Home. Value: `keyword`. */
  newKeywordRule: 'admin_new_rule_keyword',
  /** "New rule (pattern)" in App Home. Value: `regex`. */
  newRegexRule: 'admin_new_rule_regex',
  /** "History" in App Home: opens the history modal. Value: `history`. */
  history: 'admin_history',
  /** A rule's overflow menu in App Home. Option values: see {@link encodeRuleOp}. */
  ruleMenu: 'admin_rule_menu',
  /** "View diff" in the history modal. Value: the version id. */
  historyDiff: 'admin_history_diff',
  /** "Restore this version" in the history modal (behind a confirmation). Value: the version id. */
  historyRestore: 'admin_history_restore',
  /** "Older versions" in the history modal. Value: the id of the oldest version shown (the cursor). */
  historyMore: 'admin_history_more',
  /** "Try these settings" in the rule modal: tries the edited, unsaved rule (views.push). */
  tryEdited: 'admin_try_edited',
} as const;

/** Callback ids of the admins' modals. */
export const ADMIN_VIEW = {
  /** Create or edit a rule; private_metadata: `{"mode","ruleId"?,"detector","basedOn"?}`. */
  rule: 'admin_rule_modal',
  /** Change a rule's action or severity; private_metadata: `{"rule","kind","basedOn"?}`. */
  quick: 'admin_quick_modal',
  /** Try a rule on sample messages ("Test" re-renders it); private_metadata: `{"ruleId"}`. */
  try: 'admin_try_modal',
  /** The rules' history (no submit). */
  history: 'admin_history_modal',
} as const;

/**
 * Input blocks of the admins' modals: `block` is the block id, `action` the element's action id.
 * Values come back in `view.state.values[block][action]`.
 */
export const ADMIN_INPUT = {
  id: { block: 'admin_rule_id', action: 'admin_rule_id_input' },
  description: { block: 'admin_rule_description', action: 'admin_rule_description_input' },
  category: { block: 'admin_rule_category', action: 'admin_rule_category_input' },
  severity: { block: 'admin_rule_severity', action: 'admin_rule_severity_input' },
  action: { block: 'admin_rule_action', action: 'admin_rule_action_input' },
  article: { block: 'admin_rule_article', action: 'admin_rule_article_input' },
  enabled: { block: 'admin_rule_enabled', action: 'admin_rule_enabled_input' },
  /** keyword: `options.terms`. */
  terms: { block: 'admin_rule_terms', action: 'admin_rule_terms_input' },
  /** keyword: `options.stems`. */
  stems: { block: 'admin_rule_stems', action: 'admin_rule_stems_input' },
  /** wordlist, insult, familiar-tone: `options.add`. */
  add: { block: 'admin_rule_add', action: 'admin_rule_add_input' },
  /** wordlist, insult, familiar-tone: `options.allow`. */
  allow: { block: 'admin_rule_allow', action: 'admin_rule_allow_input' },
  /** regex: `options.pattern`. */
  pattern: { block: 'admin_rule_pattern', action: 'admin_rule_pattern_input' },
  /** regex: `options.caseSensitive`. */
  caseSensitive: { block: 'admin_rule_case', action: 'admin_rule_case_input' },
  /** keyword and regex: `options.scan`. */
  scan: { block: 'admin_rule_scan', action: 'admin_rule_scan_input' },
  channels: { block: 'admin_rule_channels', action: 'admin_rule_channels_input' },
  exceptChannels: { block: 'admin_rule_except_channels', action: 'admin_rule_except_channels_input' },
  /** `scope.external` and `scope.private`, two checkboxes. */
  where: { block: 'admin_rule_where', action: 'admin_rule_where_input' },
  match: { block: 'admin_rule_match', action: 'admin_rule_match_input' },
  exempt: { block: 'admin_rule_exempt', action: 'admin_rule_exempt_input' },
  explanationFr: { block: 'admin_rule_explanation_fr', action: 'admin_rule_explanation_fr_input' },
  explanationEn: { block: 'admin_rule_explanation_en', action: 'admin_rule_explanation_en_input' },
  /** The comment kept with the version (rule modal and quick modal). */
  comment: { block: 'admin_comment', action: 'admin_comment_input' },
  /** The quick modal's radio buttons (an action or a severity). */
  quick: { block: 'admin_quick', action: 'admin_quick_input' },
  /** "Try a rule": sample messages, one per line. */
  samples: { block: 'admin_try_samples', action: 'admin_try_samples_input' },
} as const;

/** Block ids of non-input blocks. */
export const ADMIN_BLOCK = {
  /** A rule's section in App Home is `admin_rule:<rule id>` (so a menu's rule is known even when its value cannot hold it). */
  rulePrefix: 'admin_rule:',
  /** The App Home buttons "New rule", "History". */
  toolbar: 'admin_toolbar',
} as const;

/** What a rule's overflow menu asks for. `action` and `severity` without a value open the quick modal. */
export type AdminRuleOp =
  | { op: 'enable' | 'disable' | 'edit' | 'try'; rule: string }
  | { op: 'action'; rule: string; value?: Action }
  | { op: 'severity'; rule: string; value?: Severity };

/** The operations a rule's menu may carry. */
export const ADMIN_RULE_OPS = ['enable', 'disable', 'action', 'severity', 'edit', 'try'] as const;

/** Longest value an overflow option carries (Slack allows more; the menu keeps to this). */
export const RULE_OP_VALUE_MAX = 75;

/**
 * The compact value of a rule menu option: `op:rule` or `op:rule:value`, e.g.
 * `disable:profanity`, `action:profanity:shadow`. Rule ids use lowercase letters, digits and
 * dashes, so `:` cannot be ambiguous. When the value would exceed {@link RULE_OP_VALUE_MAX}
 * characters, the rule is left out (`disable:` or `action::shadow`): {@link parseRuleOp} then
 * takes it from the section's block id.
 */
export function encodeRuleOp(op: AdminRuleOp): string {
  const value = 'value' in op && op.value !== undefined ? `:${op.value}` : '';
  const full = `${op.op}:${op.rule}${value}`;
  return full.length <= RULE_OP_VALUE_MAX ? full : `${op.op}:${value}`;
}

/** The block id of a rule's section in App Home. */
export function ruleBlockId(rule: string): string {
  return `${ADMIN_BLOCK.rulePrefix}${rule}`.slice(0, 255);
}

const RULE_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Reads a rule menu value (and, when the value leaves the rule out, the section's block id).
 * Returns undefined for anything malformed: an unknown op, a bad rule id, a value that is not
 * an action or a severity.
 */
export function parseRuleOp(value: string | undefined, blockId?: string): AdminRuleOp | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(':');
  if (parts.length < 2 || parts.length > 3) return undefined;
  const [op, ruleField = '', extra] = parts;
  let rule = ruleField;
  if (rule === '' && blockId !== undefined && blockId.startsWith(ADMIN_BLOCK.rulePrefix)) {
    rule = blockId.slice(ADMIN_BLOCK.rulePrefix.length);
  }
  if (!RULE_ID.test(rule)) return undefined;
  switch (op) {
    case 'enable':
    case 'disable':
    case 'edit':
    case 'try':
      return extra === undefined ? { op, rule } : undefined;
    case 'action':
      if (extra === undefined) return { op, rule };
      return (ACTIONS as readonly string[]).includes(extra) ? { op, rule, value: extra as Action } : undefined;
    case 'severity':
      if (extra === undefined) return { op, rule };
      return (SEVERITIES as readonly string[]).includes(extra) ? { op, rule, value: extra as Severity } : undefined;
    default:
      return undefined;
  }
}
