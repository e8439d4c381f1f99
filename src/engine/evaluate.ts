/**
 * `evaluate(message, ruleSet)`: which charter rules a message breaks.
 *
 * The message is prepared once (markup, words, language); each rule in scope runs its
 * detector; every detection becomes a finding with offsets into the original text, the rule's
 * charter article, an explanation in both languages and an excerpt that is masked for data
 * leaks. A detector that throws is reported in `errors` and does not stop the others.
 */
import { fillPlaceholders, type Detection, type DetectionInput } from './detection';
import { maskValue, truncate } from './excerpt';
import { PreparedText } from './prepare';
import type { CompiledRule, RuleSet } from './rule';
import { rulesInScope } from './scope-cache';
import { ChatMessage, DATA_LEAK_CATEGORIES, Finding, Lang, Localized, RuleError, Verdict } from './types';

/**
 * Evaluates a message against every enabled rule of a rule set.
 *
 * @example
 * const verdict = evaluate({ text: "t'es vraiment un con" }, ruleSet);
 * verdict.findings.map(f => f.category) // → ['insult', 'profanity']
 */
export function evaluate(message: ChatMessage, ruleSet: RuleSet): Verdict {
  const text = new PreparedText(message.text, message.lang ?? ruleSet.defaultLang);
  let findings: Finding[] | undefined;
  let errors: RuleError[] | undefined;
  let input: DetectionInput | undefined;
  for (const rule of rulesInScope(ruleSet.rules, message.channel)) {
    if (rule.exempt.size !== 0 && message.user !== undefined && rule.exempt.has(message.user)) continue;
    input ??= new LazyInput(text, message);
    if (rule.lang !== undefined && rule.lang !== text.lang) continue;
    let detections: readonly Detection[];
    try {
      detections = rule.detect(input);
    } catch (error) {
      (errors ??= []).push({ rule: rule.id, message: describeError(error) });
      continue;
    }
    // An indexed loop: most lists are the shared frozen empty one, which an iterator handles slowly.
    for (let d = 0; d < detections.length; d++) {
      (findings ??= []).push(toFinding(rule, detections[d] as Detection, message.text));
    }
  }
  if (findings !== undefined && findings.length > 1) {
    findings.sort(byPosition);
    maskLeaksInOtherExcerpts(findings, message.text);
  }
  // Most messages break no rule: they share one frozen empty list rather than allocate two.
  return new LazyVerdict(findings ?? NO_FINDINGS, errors ?? NO_ERRORS, text, text.languageCameFromHint);
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);
const NO_ERRORS: readonly RuleError[] = Object.freeze([]);

/**
 * The verdict, its language guessed only when read: most messages break no rule, and only
 * reminders (and language-specific rules) need the language. A class, not an object literal
 * with a getter: V8 builds those on a slow path.
 */
class LazyVerdict implements Verdict {
  constructor(
    readonly findings: readonly Finding[],
    readonly errors: readonly RuleError[],
    private readonly text: PreparedText,
    readonly localeMattered: boolean,
  ) {}

  get lang(): Lang {
    return this.text.lang;
  }

  /** What `JSON.stringify` writes: the verdict's data, without the prepared text. */
  toJSON(): { findings: readonly Finding[]; lang: Lang; errors: readonly RuleError[]; localeMattered: boolean } {
    return { findings: this.findings, lang: this.lang, errors: this.errors, localeMattered: this.localeMattered };
  }
}

/** What detectors receive; the language is guessed only if a detector reads it. */
class LazyInput implements DetectionInput {
  constructor(
    readonly text: PreparedText,
    readonly message: ChatMessage,
  ) {}

  get lang(): Lang {
    return this.text.lang;
  }
}

/**
 * A finding of another category can span a leaked value (a shouted line around an IBAN): its
 * excerpt is cut again with each leak inside replaced by that leak's masked excerpt (or fully
 * masked where the leak is only partly inside), so no excerpt shows the raw value.
 * `findings` is sorted by position.
 */
function maskLeaksInOtherExcerpts(findings: Finding[], original: string): void {
  let leaks: Finding[] | undefined;
  for (const finding of findings) {
    if (!DATA_LEAK_CATEGORIES.has(finding.category)) continue;
    (leaks ??= []).push(finding);
  }
  if (leaks === undefined) return;
  for (const finding of findings) {
    if (DATA_LEAK_CATEGORIES.has(finding.category)) continue;
    let masked: string | undefined;
    let at = finding.start;
    for (const leak of leaks) {
      if (leak.end <= at || leak.start >= finding.end) continue;
      const start = Math.max(leak.start, at);
      const end = Math.min(leak.end, finding.end);
      const whole = start === leak.start && end === leak.end;
      masked = (masked ?? '') + original.slice(at, start) + (whole ? leak.excerpt : maskValue(original.slice(start, end)));
      at = end;
    }
    if (masked !== undefined) finding.excerpt = truncate(masked + original.slice(at, finding.end));
  }
}

/** Turns a detection into a finding; the only place excerpts are cut and masked. */
export function toFinding(rule: CompiledRule, detection: Detection, original: string): Finding {
  const matched = original.slice(detection.start, detection.end);
  const excerpt = DATA_LEAK_CATEGORIES.has(rule.category)
    ? maskValue(matched, detection.reveal)
    : truncate(matched);
  return {
    rule: rule.id,
    category: rule.category,
    severity: rule.severity,
    action: rule.action,
    article: rule.article,
    start: detection.start,
    end: detection.end,
    excerpt,
    explanation: explain(rule, detection),
  };
}

function explain(rule: CompiledRule, detection: Detection): Localized {
  const template = rule.explanation ?? rule.messages[detection.messageId];
  if (template === undefined) {
    return { fr: `Règle ${rule.id}`, en: `Rule ${rule.id}` };
  }
  return {
    fr: fillPlaceholders(template.fr, detection.data),
    en: fillPlaceholders(template.en, detection.data),
  };
}

function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule);
}

/** A detector's error, without the message text (errors may end up in logs). */
function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 200);
  return 'unknown error';
}
