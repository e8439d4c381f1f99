/**
 * Short messages for admins: rules refused when they load (a rule file, or the version saved in
 * the database), a change saved, a non-admin's attempt refused, a concurrent change. Pure.
 */
import type { KnownBlock } from '@slack/types';
import type { Lang } from '../../engine/types';
import { formatProblem, type Problem } from '../../ruleset/problems';
import { plural, t } from '../i18n';
import { context, header, LIMITS, section } from './blocks';
import { codeSections, inlineCode } from './admin-form';
import type { FeedbackResponse } from './feedback';

/** Rules that could not be loaded. */
export interface InvalidRulesInput {
  lang: Lang;
  /** `files`: an edited rule file; `database`: the latest version saved by admins. */
  origin: 'files' | 'database';
  problems: readonly Problem[];
}

/** Problems listed one by one (the rest are counted). */
export const MAX_NOTICE_PROBLEMS = 40;
/** Files named in the intro. */
const MAX_NOTICE_FILES = 3;

/**
 * The notice DMed or posted to admins when rules are refused: `⚠️ Rules refused`, "The change
 * to `rules/etiquette.yaml` was refused: 2 problems.", each problem as
 * `file:line:column: field: message` in a code block (escaped; at most
 * {@link MAX_NOTICE_PROBLEMS}), then that the rules in force stay as they were and what to do.
 * The notification text says the same without the problems.
 */
export function adminInvalidRulesNotice(input: InvalidRulesInput): { text: string; blocks: KnownBlock[] } {
  const { lang, problems } = input;
  const count = problems.length;
  let intro: string;
  if (input.origin === 'files') {
    const files = [...new Set(problems.map((problem) => problem.file).filter((file) => file !== ''))];
    const named = files.slice(0, MAX_NOTICE_FILES).map((file) => inlineCode(file, 120));
    if (files.length > MAX_NOTICE_FILES) named.push('…');
    intro = plural(lang, 'admin.invalid.files', count, { files: named.length === 0 ? inlineCode('rules/') : named.join(', ') });
  } else {
    intro = plural(lang, 'admin.invalid.database', count);
  }
  const kept = t(lang, 'admin.invalid.kept');
  const blocks: KnownBlock[] = [header(t(lang, 'admin.invalid.header')), section(`${intro}\n${kept}`)];

  const shown = problems.slice(0, MAX_NOTICE_PROBLEMS).map((problem) => formatProblem(problem));
  const { sections, hiddenLines } = codeSections(shown, 5);
  blocks.push(...sections);
  const hidden = count - shown.length + hiddenLines;
  if (hidden > 0) blocks.push(context(plural(lang, 'admin.invalid.more', hidden)));
  blocks.push(context(t(lang, input.origin === 'files' ? 'admin.invalid.fix.files' : 'admin.invalid.fix.database')));
  return { text: `${stripMarkup(intro)} ${kept}`.slice(0, LIMITS.fallbackText), blocks };
}

/** The notification text: no code spans. */
function stripMarkup(text: string): string {
  return text.replace(/`/g, '');
}

function respond(text: string): FeedbackResponse {
  return { text, blocks: [section(text)] };
}

/** A change saved: the new version's id; the rules apply at once. */
export function adminSaved(lang: Lang, version: number): FeedbackResponse {
  return respond(t(lang, 'admin.saved', { id: version }));
}

/** A polite refusal to someone who is not an admin: the attempt was recorded. */
export function notAdmin(lang: Lang): FeedbackResponse {
  return respond(t(lang, 'admin.notAdmin'));
}

/** Another admin saved a version meanwhile: nothing was saved, start again from the latest. */
export function adminConflict(lang: Lang): FeedbackResponse {
  return respond(t(lang, 'admin.conflict'));
}
