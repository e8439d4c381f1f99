/**
 * Channel scope: compiles a rule's `scope` into a test on a message's channel context.
 */
import type { ScopeTest } from '../engine/rule';
import type { ChannelContext } from '../engine/types';
import type { ScopeDefinition } from './schema';

/** Compiles `client-*` style patterns into one anchored regular expression. */
export function compileChannelPatterns(patterns: readonly string[]): RegExp {
  const alternatives = patterns.map((pattern) =>
    pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[-_]/g, '\\$&')))
      .join(''),
  );
  return new RegExp(`^(?:${alternatives.join('|')})$`);
}

/**
 * Builds a rule's scope test. No scope: everywhere. Channel names are compared as given:
 * `evaluate` lowercases them (once per channel: see `engine/scope-cache.ts`). A channel whose name is unknown matches no
 * `channels` pattern and no `exceptChannels` pattern.
 *
 * @example compileScope({ channels: ['client-*'], external: true, match: 'any' })({ name: 'client-renault' }) === true
 */
export function compileScope(scope: ScopeDefinition | undefined): ScopeTest {
  if (scope === undefined) return () => true;
  const include = scope.channels === undefined ? undefined : compileChannelPatterns(scope.channels);
  const exclude = scope.exceptChannels === undefined ? undefined : compileChannelPatterns(scope.exceptChannels);
  return (channel: ChannelContext | undefined) => {
    const name = channel?.name;
    if (exclude !== undefined && name !== undefined && exclude.test(name)) return false;
    const conditions: boolean[] = [];
    if (include !== undefined) conditions.push(name !== undefined && include.test(name));
    if (scope.external !== undefined) conditions.push((channel?.external ?? false) === scope.external);
    if (scope.private !== undefined) conditions.push((channel?.private ?? false) === scope.private);
    if (conditions.length === 0) return true;
    return scope.match === 'any' ? conditions.includes(true) : !conditions.includes(false);
  };
}
