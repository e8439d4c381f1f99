/**
 * Identifiers shared by the Block Kit views and the listeners that handle them: action ids,
 * callback ids, the slash command. Changing one breaks buttons already posted in Slack.
 */

/** Button and menu action ids. */
export const ACTION = {
  /** Opens a charter article in a modal. Value: the article id. */
  readArticle: 'charter_read_article',
  /** "This is a mistake" on a reminder. Value: the flag ids, comma-separated. */
  reportMistake: 'charter_report_mistake',
  /** "Got it" on a reminder: removes the reminder. Value: the flag ids, comma-separated. */
  gotIt: 'charter_got_it',
  /** "I have read the charter". Value: the charter version. */
  acknowledge: 'charter_acknowledge',
} as const;

/**
 * Moderators' buttons and menus, on alert cards and in App Home. Decision buttons carry the flag
 * ids (comma-separated); filters carry their selected option; paging carries the cursor.
 */
export const MOD_ACTION = {
  dismiss: 'mod_dismiss',
  confirm: 'mod_confirm',
  escalate: 'mod_escalate',
  /** Opens the note modal. */
  note: 'mod_note',
  filterStatus: 'mod_filter_status',
  filterCategory: 'mod_filter_category',
  filterRule: 'mod_filter_rule',
  filterChannel: 'mod_filter_channel',
  filterSince: 'mod_filter_since',
  /** Value: the `after` cursor of the next page, or '' for the first page. */
  pageNext: 'mod_page_next',
  pageFirst: 'mod_page_first',
} as const;

/** Callback ids of modals. */
export const VIEW = {
  article: 'charter_article',
  /** A moderator's note on flags; private_metadata: `{"flags":[ids]}`. */
  note: 'mod_note_modal',
  /** "Report to moderators"; private_metadata: `{"channel","ts","author","threadTs"?}`. */
  report: 'report_message_modal',
} as const;

/** Input block and action ids inside modals. */
export const INPUT = {
  note: { block: 'note_block', action: 'note_input' },
  reportCategory: { block: 'report_category_block', action: 'report_category_input' },
  reportReason: { block: 'report_reason_block', action: 'report_reason_input' },
} as const;

/** The message shortcut "Report to moderators" (declared in manifest.yml). */
export const REPORT_SHORTCUT = 'report_to_moderators';

/** The slash command (declared in manifest.yml). */
export const SLASH_COMMAND = '/charter';

/** Reads the flag ids a button carries; ignores anything that is not a positive integer. */
export function parseFlagIds(value: string | undefined): number[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => /^\d{1,15}$/.test(part))
    .map(Number)
    .filter((id) => id > 0);
}

/** The value a button carries for these flags. */
export function flagIdsValue(ids: readonly number[]): string {
  return ids.join(',');
}
