/** Shared inputs for the view tests: the real charter and deliveries and flags to render. */
import { loadRules } from '../../../src/files/load-rules';
import type { Category, Lang, Severity } from '../../../src/engine/types';
import type { DeliveredFinding, Delivery, DeliveryPayload, Flag } from '../../../src/moderation/model';
import type { Charter } from '../../../src/ruleset/charter';
import { STRINGS, placeholders } from '../../../src/slack/i18n';
import { allStrings } from './block-limits';

let cached: Charter | undefined;

/** The charter that ships with the package (charter/charter.{fr,en}.md). */
export function realCharter(): Charter {
  cached ??= loadRules({}).charter;
  return cached;
}

/** A finding; explanation in both languages. */
export function finding(overrides: Partial<DeliveredFinding> = {}): DeliveredFinding {
  return {
    flagRule: 'profanity',
    category: 'profanity',
    severity: 'medium',
    article: 'courtesy-language',
    excerpt: 'merde',
    explanation: {
      fr: 'Ce message contient un mot grossier. Même entre collègues, un message écrit reste.',
      en: 'This message contains a swear word. Even among colleagues, a written message stays.',
    },
    ...overrides,
  };
}

/** A leak finding of a category, with a masked excerpt. */
export function leak(category: Category, excerpt: string, article: string, severity: Severity = 'critical'): DeliveredFinding {
  return finding({
    flagRule: category,
    category,
    severity,
    article,
    excerpt,
    explanation: { fr: `Donnée sensible (${category}).`, en: `Sensitive data (${category}).` },
  });
}

/** A nudge delivery in `lang`. */
export function delivery(lang: Lang, payload: Partial<DeliveryPayload> = {}, flagIds: number[] = [41, 42]): Delivery {
  return {
    id: 7,
    kind: 'nudge',
    flagIds,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: 0,
    createdAt: Date.UTC(2026, 10, 28, 9, 30),
    payload: {
      user: 'U0AUTHOR1',
      channel: 'C0GENERAL',
      channelName: 'général',
      messageTs: '1764322200.000100',
      permalink: 'https://acme.slack.com/archives/C0GENERAL/p1764322200000100',
      lang,
      findings: [finding()],
      ...payload,
    },
  };
}

/** A flag of the user, as the store returns it. */
export function flag(overrides: Partial<Flag> = {}): Flag {
  return {
    id: 1,
    rule: 'profanity',
    category: 'profanity',
    severity: 'medium',
    action: 'nudge',
    article: 'courtesy-language',
    channel: 'C0GENERAL',
    author: 'U0AUTHOR1',
    messageTs: '1764322200.000100',
    excerpt: 'merde',
    status: 'open',
    nudged: true,
    alerted: false,
    createdAt: Date.UTC(2026, 10, 20, 9, 30),
    updatedAt: Date.UTC(2026, 10, 20, 9, 30),
    reports: 0,
    ...overrides,
  };
}


/** Everything a rendering says, as one string. */
export function rendered(value: unknown): string {
  return allStrings(value).join('\n');
}

/**
 * Fragments of `other`'s strings (the text between placeholders, 12+ characters) that `lang`'s
 * strings never contain: finding one in a rendering means the wrong language leaked in.
 */
export function foreignFragments(lang: Lang): string[] {
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const own = Object.values(STRINGS[lang]).join('\n');
  const fragments = new Set<string>();
  for (const value of Object.values(STRINGS[other])) {
    for (const fragment of value.split(/\{[a-zA-Z]+\}/)) {
      const trimmed = fragment.trim();
      if (trimmed.length >= 12 && !own.includes(trimmed)) fragments.add(trimmed);
    }
  }
  return [...fragments];
}

/** The other language's fragments found in a rendering (expected: none). */
export function foreignIn(value: unknown, lang: Lang): string[] {
  const text = rendered(value);
  return foreignFragments(lang).filter((fragment) => text.includes(fragment));
}

/** How many emoji a rendering holds. */
export function emojiCount(value: unknown): number {
  return [...rendered(value).matchAll(/\p{Extended_Pictographic}/gu)].length;
}

/** Placeholders of a string (re-exported for tests). */
export { placeholders };
