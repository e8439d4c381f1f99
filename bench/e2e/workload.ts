/**
 * The end-to-end benchmark's workload, shared by the orchestrator (which fills the simulated
 * workspace) and the load driver (which sends the events): deterministic, so both processes
 * agree on channels, users and which events break a rule without passing lists around.
 *
 * Ordinary chat from `generateCleanChat` (authors from a pool of 300 people, each a member of
 * every channel), and every {@link BREAK_EVERY}-th event a rule-breaking message, each from its
 * own author in an internal channel: the cooldown (one reminder per rule per author per day)
 * never hides one, so every breaking message must give exactly one flag set and one reminder.
 */
import { generateCleanChat, type GeneratedMessage } from '../chat-corpus';

export const SIGNING_SECRET = 'bench-e2e-signing-secret-0123456789';
export const MODERATION_CHANNEL = 'C0MODSBENCH';
/**
 * Target rates (events/s) and how long each is held. A server is not driven further once it
 * has fallen clearly behind (see run.ts), so the top rates only find the bare app's ceiling.
 */
export const RATES = ratesFromEnvironment() ?? [250, 500, 1_000, 1_500, 2_000, 3_000, 4_000, 5_000, 6_000];
export const STEP_SECONDS = 5;
/**
 * One event in this many breaks a rule, each from a new author (so each costs a `users.info`
 * lookup, a flag, a reminder and often a moderator alert). 200 by default: a workspace where one
 * message in 200 breaks the charter is a rough one (the engine's own bar on ordinary chat is at
 * most 1 in 2,000 false alarms). `E2E_BREAK_EVERY=20` is the stress mix; 0 sends ordinary chat only.
 */
export const BREAK_EVERY = breakEveryFromEnvironment();

function ratesFromEnvironment(): number[] | undefined {
  const value = process.env['E2E_RATES'];
  if (value === undefined || value.trim() === '') return undefined;
  const rates = value.split(',').map((rate) => Number(rate.trim()));
  if (rates.some((rate) => !Number.isInteger(rate) || rate <= 0)) {
    throw new Error(`E2E_RATES must be a comma-separated list of positive whole numbers of events per second (got "${value}")`);
  }
  return rates;
}

function breakEveryFromEnvironment(): number {
  const value = process.env['E2E_BREAK_EVERY'];
  if (value === undefined || value.trim() === '') return 200;
  const every = Number(value);
  if (!Number.isInteger(every) || every < 0 || every === 1) {
    throw new Error(`E2E_BREAK_EVERY must be 0 (no breaking message) or a whole number of 2 or more (got "${value}")`);
  }
  return every;
}
const PEOPLE = 300;
const CORPUS = 20_000;

/** Texts that each break at least one default rule in an internal channel (FR and EN). */
const BREAKING = [
  'putain, encore une panne',
  "t'es vraiment un con",
  'this is fucking broken again',
  'you are such an idiot',
  'ma carte : 4970 1012 3456 7893',
  'mdp : Tournesol#2026',
  'ARRÊTEZ DE MODIFIER LE FICHIER PARTAGÉ SANS PRÉVENIR PERSONNE',
];

export interface BenchChannel {
  id: string;
  name: string;
  private: boolean;
  external: boolean;
}

export interface BenchUser {
  id: string;
  lang: 'fr' | 'en';
}

/** One event to send: where, who, what, and whether it breaks a rule. */
export interface PlannedEvent {
  channel: string;
  user: string;
  text: string;
  breaking: boolean;
}

export interface Workload {
  channels: BenchChannel[];
  people: BenchUser[];
  /** The authors of breaking messages, by breaking index, with their channel. */
  breakers: Array<{ user: string; channel: string; lang: 'fr' | 'en' }>;
  /** The `index`-th event of the run (0-based, over all steps). */
  event(index: number): PlannedEvent;
}

/** Every event of one server's run. */
export function totalEvents(): number {
  return RATES.reduce((sum, rate) => sum + rate * STEP_SECONDS, 0);
}

function isBreaking(index: number): boolean {
  return BREAK_EVERY !== 0 && index % BREAK_EVERY === Math.floor(BREAK_EVERY / 2);
}

/** Builds the workload (about 100 ms: the chat corpus is generated once). */
export function workload(): Workload {
  const corpus: GeneratedMessage[] = generateCleanChat(CORPUS, 20_261_128);
  const byName = new Map<string, BenchChannel>();
  for (const message of corpus) {
    if (byName.has(message.channel.name)) continue;
    const n = String(byName.size).padStart(3, '0');
    byName.set(message.channel.name, { id: `${message.channel.private ? 'G' : 'C'}0BENCH${n}`, ...message.channel });
  }
  const channels = [...byName.values()];
  const internal = channels.filter((channel) => !channel.external);
  const people: BenchUser[] = Array.from({ length: PEOPLE }, (_, i) => ({ id: `U0PEOPLE${String(i).padStart(4, '0')}`, lang: i % 5 < 3 ? 'fr' : 'en' }));
  const french = people.filter((p) => p.lang === 'fr');
  const english = people.filter((p) => p.lang === 'en');
  const total = totalEvents();
  const breakers: Workload['breakers'] = [];
  for (let i = 0; i < total; i++) {
    if (!isBreaking(i)) continue;
    const k = breakers.length;
    breakers.push({ user: `U0BRK${String(k).padStart(6, '0')}`, channel: (internal[k % internal.length] as BenchChannel).id, lang: k % 2 === 0 ? 'fr' : 'en' });
  }
  return {
    channels,
    people,
    breakers,
    event(index) {
      if (isBreaking(index)) {
        const k = Math.floor(index / BREAK_EVERY);
        const breaker = breakers[k] as Workload['breakers'][number];
        return { channel: breaker.channel, user: breaker.user, text: BREAKING[k % BREAKING.length] as string, breaking: true };
      }
      const message = corpus[index % CORPUS] as GeneratedMessage;
      const pool = message.lang === 'fr' ? french : english;
      const author = pool[index % pool.length] as BenchUser;
      return { channel: (byName.get(message.channel.name) as BenchChannel).id, user: author.id, text: message.text, breaking: false };
    },
  };
}
