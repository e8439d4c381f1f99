/**
 * The metadata files of a Slack export: users.json (authors' locales), channels.json (public),
 * groups.json (private), mpims.json (group DMs), dms.json (DMs). Pure: JSON in, records out.
 */
import type { ExportChannel } from './model';

/** A conversation from the metadata, and the folder its days sit in. */
export interface MetaConversation {
  channel: ExportChannel;
  /** Folder names that hold its days: its name, and its id (DMs, and some third-party exports). */
  folders: string[];
}

export type MetaFile = 'channels.json' | 'groups.json' | 'mpims.json' | 'dms.json';

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function str(x: unknown): string | undefined {
  return typeof x === 'string' && x !== '' ? x : undefined;
}

/** `fr-FR` → fr, `en-GB` → en; anything else → undefined. */
export function langOfLocale(locale: unknown): 'fr' | 'en' | undefined {
  if (typeof locale !== 'string') return undefined;
  const l = locale.toLowerCase();
  if (l === 'fr' || l.startsWith('fr-') || l.startsWith('fr_')) return 'fr';
  if (l === 'en' || l.startsWith('en-') || l.startsWith('en_')) return 'en';
  return undefined;
}

/** users.json → user id → lang, for the users whose locale is known. Throws when not an array. */
export function parseUsers(data: unknown): Map<string, 'fr' | 'en'> {
  if (!Array.isArray(data)) throw new Error('not a JSON array of users');
  const langs = new Map<string, 'fr' | 'en'>();
  for (const u of data) {
    if (!isRecord(u)) continue;
    const id = str(u['id']);
    const profile = u['profile'];
    const lang = langOfLocale(u['locale']) ?? (isRecord(profile) ? langOfLocale(profile['locale']) : undefined);
    if (id !== undefined && lang !== undefined) langs.set(id, lang);
  }
  return langs;
}

/** Shared with another company: Slack Connect (an org-wide share inside Enterprise Grid is not). */
function isExternal(c: Record<string, unknown>): boolean {
  if (c['is_ext_shared'] === true || c['is_pending_ext_shared'] === true) return true;
  return c['is_shared'] === true && c['is_org_shared'] !== true;
}

/** One of channels/groups/mpims/dms.json → its conversations. Throws when not an array. */
export function parseConversations(file: MetaFile, data: unknown): MetaConversation[] {
  if (!Array.isArray(data)) throw new Error('not a JSON array of conversations');
  const out: MetaConversation[] = [];
  for (const c of data) {
    if (!isRecord(c)) continue;
    const id = str(c['id']);
    const name = str(c['name']) ?? id;
    if (id === undefined || name === undefined) continue;
    let kind: ExportChannel['kind'];
    if (file === 'dms.json' || c['is_im'] === true) kind = 'dm';
    else if (file === 'mpims.json' || c['is_mpim'] === true) kind = 'mpim';
    else if (file === 'groups.json' || c['is_private'] === true || c['is_group'] === true) kind = 'group';
    else kind = 'channel';
    const channel: ExportChannel = { id, name, kind, private: kind !== 'channel', external: isExternal(c) };
    out.push({ channel, folders: name === id ? [id] : [name, id] });
  }
  return out;
}
