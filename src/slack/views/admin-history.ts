/**
 * The rules' history for admins: the versions (who, when, how, the comment, what a rollback
 * restored), each with "View diff" and "Restore this version" (behind a confirmation), and the
 * selected version's diff as code. Pure.
 */
import type { Button, KnownBlock, ModalView } from '@slack/types';
import type { Lang } from '../../engine/types';
import { RULE_VERSION_SOURCES, type RuleVersionSource } from '../../rules-admin/model';
import { ADMIN_ACTION, ADMIN_VIEW } from '../admin-ids';
import { plural, t } from '../i18n';
import { userMention } from '../mrkdwn';
import { actions, button, context, divider, header, LIMITS, plain, section } from './blocks';
import { codeSections, quotePlain, whenText } from './admin-form';

/** A version as the history lists it (a `RuleVersion` fits). */
export interface AdminVersionEntry {
  id: number;
  createdAt: number;
  /** A Slack user id, or `cli:<user>`. */
  author: string;
  comment: string;
  source: RuleVersionSource;
  /** For a rollback: the version restored. */
  restores?: number;
}

/** What the history modal shows. */
export interface AdminHistoryModalInput {
  lang: Lang;
  /** Versions, newest first (the first {@link MAX_HISTORY_VERSIONS}). */
  versions: readonly AdminVersionEntry[];
  /** The version whose diff is shown, with its diff (a unified diff of the rules' YAML). */
  selected?: { id: number; diff: string };
  /** Older versions exist: an "Older versions" button carries the oldest id shown. */
  hasMore: boolean;
  /** The version in force: marked as such, and not offered for restoring. */
  latestId?: number;
  /** Now (ms), for "today" / "yesterday". */
  now?: number;
  /** IANA time zone for dates; UTC by default. */
  timeZone?: string;
}

/** Versions listed per page (two blocks each). */
export const MAX_HISTORY_VERSIONS = 20;
/** Sections a diff may take (each at most 3,000 characters). */
export const MAX_DIFF_SECTIONS = 10;
/** Longest comment shown. */
const COMMENT_SHOWN = 300;

/**
 * The history modal (callback id {@link ADMIN_VIEW.history}, no submit): an intro, the selected
 * version's diff in code blocks (split over at most {@link MAX_DIFF_SECTIONS} sections, with how
 * many lines were cut), then per version a section (`*Version 12* · dans Slack`, who and when,
 * the comment, "restores version 3") and its buttons, and "Older versions" when there are.
 */
export function adminHistoryModal(input: AdminHistoryModalInput): ModalView {
  const { lang } = input;
  const blocks: KnownBlock[] = [context(t(lang, 'admin.history.intro'))];

  if (input.selected !== undefined) {
    blocks.push(header(t(lang, 'admin.history.diff.title', { id: input.selected.id })));
    const lines = input.selected.diff.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
    if (input.selected.diff.trim() === '') {
      blocks.push(section(t(lang, 'admin.history.diff.empty')));
    } else {
      const { sections, hiddenLines } = codeSections(lines, MAX_DIFF_SECTIONS);
      blocks.push(...sections);
      if (hiddenLines > 0) blocks.push(context(plural(lang, 'admin.history.diff.truncated', hiddenLines)));
    }
    blocks.push(divider());
  }

  const versions = input.versions.slice(0, MAX_HISTORY_VERSIONS);
  if (versions.length === 0) blocks.push(section(t(lang, 'admin.history.empty')));
  for (const version of versions) {
    blocks.push(section(versionText(version, input)));
    const buttons: Button[] = [button(t(lang, 'admin.history.viewDiff'), ADMIN_ACTION.historyDiff, String(version.id))];
    if (version.id !== input.latestId) buttons.push(restoreButton(version.id, lang));
    blocks.push(actions(buttons));
  }
  const oldest = versions[versions.length - 1];
  if (input.hasMore && oldest !== undefined) {
    blocks.push(actions([button(t(lang, 'admin.history.more'), ADMIN_ACTION.historyMore, String(oldest.id))]));
  }

  return {
    type: 'modal',
    callback_id: ADMIN_VIEW.history,
    title: plain(t(lang, 'admin.history.title'), LIMITS.modalTitle),
    close: plain(t(lang, 'admin.close'), LIMITS.modalTitle),
    blocks: blocks.slice(0, LIMITS.viewBlocks),
  };
}

/** `*Version 12* · dans Slack · _en vigueur_`, who and when, the comment, what it restores. */
function versionText(version: AdminVersionEntry, input: AdminHistoryModalInput): string {
  const { lang } = input;
  const title = [`*${t(lang, 'admin.history.version', { id: version.id })}*`];
  if ((RULE_VERSION_SOURCES as readonly string[]).includes(version.source)) title.push(t(lang, `admin.history.source.${version.source}`));
  if (version.id === input.latestId) title.push(`_${t(lang, 'admin.history.current')}_`);
  const lines = [
    title.join(' · '),
    t(lang, 'admin.history.by', { user: userMention(version.author), when: whenText(lang, version.createdAt, input.now, input.timeZone) }),
  ];
  const comment = quotePlain(version.comment, COMMENT_SHOWN);
  lines.push(comment === '' ? `_${t(lang, 'admin.history.noComment')}_` : t(lang, 'admin.history.comment', { comment }));
  if (version.restores !== undefined) lines.push(`_${t(lang, 'admin.history.restores', { id: version.restores })}_`);
  return lines.join('\n');
}

/** "Restore this version", behind a confirmation that says nothing is deleted. */
function restoreButton(id: number, lang: Lang): Button {
  const restore = button(t(lang, 'admin.history.restore'), ADMIN_ACTION.historyRestore, String(id));
  restore.confirm = {
    title: plain(t(lang, 'admin.history.confirm.title', { id }), 100),
    text: plain(t(lang, 'admin.history.confirm.text', { id }), 300),
    confirm: plain(t(lang, 'admin.history.confirm.yes'), 30),
    deny: plain(t(lang, 'admin.cancel'), 30),
  };
  return restore;
}

/** A version id a history button carries; undefined unless a positive integer. */
export function parseVersionId(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,15}$/.test(value)) return undefined;
  const id = Number(value);
  return id > 0 ? id : undefined;
}
