/**
 * What the admins' listeners share: the rules in force (followed live), the admin use cases,
 * and App Home's admin part.
 */
import type { KnownBlock } from '@slack/types';
import type { Lang } from '../engine/types';
import type { ModerationStore } from '../moderation/ports';
import type { AdminRules, LiveRules, RuleInput, RuleVersionStore } from '../rules-admin';
import type { Roles } from './roles';
import { adminRulesBlocks, articleLabel, type AdminRuleLine } from './views';

/** Options of the admins' services. */
export interface AdminServicesOptions {
  live: LiveRules;
  admin: AdminRules;
  roles: Roles;
  store: ModerationStore;
  versions: RuleVersionStore;
}

const DAY = 86_400_000;

/** The admins' shared services. */
export class AdminServices {
  constructor(readonly options: AdminServicesOptions) {}

  /** App Home's admin part: the rules with their recent hits and false-positive rate. */
  async homeBlocks(lang: Lang, now: number): Promise<KnownBlock[]> {
    const { live, store } = this.options;
    const stats = new Map((await store.ruleStats(now - 30 * DAY)).map((s) => [s.rule, s]));
    const charter = live.charter();
    const lines: AdminRuleLine[] = live.entries().map((entry) => {
      const d = entry.definition;
      const article = charter.article(d.article, lang);
      const line: AdminRuleLine = {
        id: d.id,
        category: d.category,
        severity: d.severity,
        action: d.action,
        enabled: d.enabled,
        article: d.article,
        articleLabel: article === undefined ? d.article : articleLabel(article, lang),
        scopeSummary: scopeSummary(entry.input, lang),
        origin: entry.origin === 'added' ? 'added' : entry.overridden.length > 0 ? 'edited' : 'file',
        hits30d: stats.get(d.id)?.flags ?? 0,
      };
      if (d.description !== undefined) line.description = d.description;
      const rate = stats.get(d.id)?.falsePositiveRate;
      if (rate !== undefined) line.falsePositiveRate = rate;
      return line;
    });
    const version = await this.options.versions.latestRuleVersion();
    return adminRulesBlocks({ lang, rules: lines, now, ...(version !== undefined ? { version: { id: version.id, at: version.createdAt, author: version.author } } : {}) });
  }

  /** Ids of the rules (enabled or not) citing an article or one of its sub-articles. */
  rulesCiting(articleId: string): string[] {
    const charter = this.options.live.charter();
    const ids = charter.ids;
    const start = ids.indexOf(articleId);
    const level = charter.article(articleId, 'fr')?.level ?? 3;
    const covered = new Set<string>([articleId]);
    // Sub-articles follow their article in document order until the next article of its level.
    for (let i = start + 1; start >= 0 && level === 2 && i < ids.length; i++) {
      const id = ids[i] as string;
      if ((charter.article(id, 'fr')?.level ?? 2) <= 2) break;
      covered.add(id);
    }
    return this.options.live
      .entries()
      .filter((entry) => covered.has(entry.definition.article))
      .map((entry) => entry.definition.id);
  }

  /** A rule in force, as written (for the edit modal). */
  rule(id: string): RuleInput | undefined {
    return this.options.live.entries().find((entry) => entry.definition.id === id)?.input;
  }
}

/** Where a rule applies, in a few words. */
export function scopeSummary(rule: RuleInput, lang: Lang): string {
  const scope = rule.scope;
  if (scope === undefined) return lang === 'fr' ? 'partout' : 'everywhere';
  const parts: string[] = [];
  if (scope.channels !== undefined) parts.push(scope.channels.join(', '));
  if (scope.external === true) parts.push(lang === 'fr' ? 'canaux partagés' : 'shared channels');
  if (scope.private === true) parts.push(lang === 'fr' ? 'canaux privés' : 'private channels');
  const joined = parts.join(scope.match === 'any' ? (lang === 'fr' ? ' ou ' : ' or ') : lang === 'fr' ? ' et ' : ' and ');
  const base = joined === '' ? (lang === 'fr' ? 'partout' : 'everywhere') : joined;
  return scope.exceptChannels === undefined ? base : `${base} ${lang === 'fr' ? 'sauf' : 'except'} ${scope.exceptChannels.join(', ')}`;
}
