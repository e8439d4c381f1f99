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

/** Callback ids of modals. */
export const VIEW = {
  article: 'charter_article',
} as const;

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
