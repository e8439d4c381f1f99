/**
 * Which rules of a rule set apply in a channel, remembered per channel.
 *
 * A rule's scope depends only on the channel (its name, and whether it is external or private),
 * and a workspace has few channels: the scope tests (channel-name patterns) run once per channel
 * and rule list instead of once per message and rule.
 */
import type { CompiledRule } from './rule';
import type { ChannelContext } from './types';

/** Channels remembered per rule list; past this, the memory starts over (a bound, not a policy). */
const MAX_CHANNELS = 4096;

/** Answers per rule list, by channel flags (see {@link flagsOf}), then by channel name as given. */
interface ScopeAnswers {
  /** By flags: rules in scope for each channel name. */
  readonly named: Array<Map<string, readonly CompiledRule[]>>;
  /** By flags: rules in scope when the channel has no name (or there is no channel). */
  readonly unnamed: Array<readonly CompiledRule[] | undefined>;
  size: number;
}

const answersByRules = new WeakMap<readonly CompiledRule[], ScopeAnswers>();

/**
 * The rules of `rules` whose scope includes `channel`, in their order.
 *
 * Relies on each rule's `inScope` answering from the channel's name (compared lowercased), its
 * `external` and `private` flags (absent meaning `false`) and nothing else, as compiled scopes do.
 *
 * @example rulesInScope(ruleSet.rules, { name: 'Client-Renault', external: true })
 */
export function rulesInScope(rules: readonly CompiledRule[], channel: ChannelContext | undefined): readonly CompiledRule[] {
  let answers = answersByRules.get(rules);
  if (answers === undefined) {
    answers = { named: [new Map(), new Map(), new Map(), new Map()], unnamed: [], size: 0 };
    answersByRules.set(rules, answers);
  }
  const flags = flagsOf(channel);
  const name = channel?.name;
  if (name === undefined) {
    let known = answers.unnamed[flags];
    if (known === undefined) {
      known = select(rules, channel);
      answers.unnamed[flags] = known;
    }
    return known;
  }
  const byName = answers.named[flags] as Map<string, readonly CompiledRule[]>;
  let known = byName.get(name);
  if (known === undefined) {
    if (answers.size >= MAX_CHANNELS) forget(answers);
    known = select(rules, normalized(channel as ChannelContext, name));
    byName.set(name, known);
    answers.size++;
  }
  return known;
}

/** `external` and `private` as two bits. */
function flagsOf(channel: ChannelContext | undefined): number {
  return (channel?.external === true ? 1 : 0) | (channel?.private === true ? 2 : 0);
}

function select(rules: readonly CompiledRule[], channel: ChannelContext | undefined): readonly CompiledRule[] {
  return rules.filter((rule) => rule.inScope(channel));
}

/** The channel with its name lowercased, as scope tests expect it. */
function normalized(channel: ChannelContext, name: string): ChannelContext {
  const lower = name.toLowerCase();
  return lower === name ? channel : { ...channel, name: lower };
}

function forget(answers: ScopeAnswers): void {
  for (const byName of answers.named) byName.clear();
  answers.size = 0;
}
