/**
 * A message's text made safe to keep: every data leak the rules find (card, IBAN, token,
 * password…) replaced by its masked excerpt, then truncated. Used where the text itself must be
 * shown or stored in part (a member's report, the demo transcript), never for the engine's own
 * findings, which are masked already.
 */
import { evaluate } from '../engine/evaluate';
import { truncate } from '../engine/excerpt';
import type { RuleSet } from '../engine/rule';
import { DATA_LEAK_CATEGORIES } from '../engine/types';

/** The text with each data leak replaced by its masked excerpt. */
export function maskLeaks(text: string, ruleSet: RuleSet): string {
  const leaks = evaluate({ text }, ruleSet)
    .findings.filter((finding) => DATA_LEAK_CATEGORIES.has(finding.category))
    .sort((a, b) => b.start - a.start);
  let masked = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const leak of leaks) {
    // Overlapping leaks (a token inside a URL with a password): keep the outermost, already replaced.
    if (leak.end > limit) continue;
    masked = `${masked.slice(0, leak.start)}${leak.excerpt}${masked.slice(leak.end)}`;
    limit = leak.start;
  }
  return masked;
}

/** A masked, truncated excerpt of a whole message, to keep with a member's report. */
export function maskedExcerpt(text: string, ruleSet: RuleSet): string {
  return truncate(maskLeaks(text, ruleSet));
}
