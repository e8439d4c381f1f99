import type { Finding } from '../../src/engine/types';
import type { ExistingFlag, PriorState } from '../../src/moderation/ports';
import { decideOutcome, DEFAULT_POLICY, ETIQUETTE_CATEGORIES, firstFindingPerRule, KindnessPolicy, kindnessPolicy } from '../../src/moderation/policy';

const MESSAGE = { channel: 'C0123ABCD', channelName: 'general', ts: '1732790400.000100', author: 'U0456EFGH' };

function finding(rule: string, overrides: Partial<Finding> = {}): Finding {
  return {
    rule,
    category: 'profanity',
    severity: 'medium',
    action: 'nudge',
    article: 'courtesy-language',
    start: 0,
    end: 5,
    excerpt: 'merde',
    explanation: { fr: 'Langage grossier', en: 'Coarse language' },
    ...overrides,
  };
}

function prior(overrides: Partial<PriorState> = {}): PriorState {
  return { duplicateEvent: false, existing: new Map(), recentlyNudged: new Set(), ladderCount: 0, recentFlags: 0, ...overrides };
}

function decide(findings: Finding[], state: PriorState, policy: KindnessPolicy = DEFAULT_POLICY) {
  return decideOutcome(firstFindingPerRule(findings), state, policy, { message: MESSAGE, lang: 'fr' });
}

function existing(id: number, rule: string, overrides: Partial<ExistingFlag> = {}): ExistingFlag {
  return { id, rule, status: 'open', excerpt: 'merde', nudged: true, alerted: false, ...overrides };
}

describe('decideOutcome', () => {
  it('a nudge rule creates one flag and one reminder to the author, in their language', () => {
    const outcome = decide([finding('profanity')], prior());
    expect(outcome.create).toEqual([expect.objectContaining({ rule: 'profanity', nudged: true, alerted: false })]);
    expect(outcome.deliveries).toHaveLength(1);
    expect(outcome.deliveries[0]).toMatchObject({ kind: 'nudge', rules: ['profanity'], payload: { user: 'U0456EFGH', lang: 'fr', channel: 'C0123ABCD' } });
  });

  it('several findings of one rule make one flag (the first), several rules one reminder listing each', () => {
    const outcome = decide(
      [finding('profanity', { excerpt: 'merde' }), finding('profanity', { excerpt: 'putain', start: 10 }), finding('insult', { category: 'insult', excerpt: 'con' })],
      prior(),
    );
    expect(outcome.create.map((f) => [f.rule, f.excerpt])).toEqual([
      ['profanity', 'merde'],
      ['insult', 'con'],
    ]);
    expect(outcome.deliveries).toHaveLength(1);
    expect(outcome.deliveries[0]?.payload.findings.map((f) => f.flagRule)).toEqual(['profanity', 'insult']);
  });

  it('shadow rules are recorded and nobody is told', () => {
    const outcome = decide([finding('trial', { action: 'shadow' })], prior());
    expect(outcome.create).toEqual([expect.objectContaining({ rule: 'trial', nudged: false, alerted: false })]);
    expect(outcome.deliveries).toEqual([]);
  });

  it('flag alerts moderators only; nudge+flag does both', () => {
    const flagOnly = decide([finding('secret', { action: 'flag', category: 'secret' })], prior({ recentFlags: 2 }));
    expect(flagOnly.deliveries.map((d) => d.kind)).toEqual(['alert']);
    expect(flagOnly.deliveries[0]?.payload).toMatchObject({ alertReason: 'rule', recentFlags: 3 });
    const both = decide([finding('card', { action: 'nudge+flag', category: 'payment-card' })], prior());
    expect(both.deliveries.map((d) => d.kind)).toEqual(['nudge', 'alert']);
    expect(both.create[0]).toMatchObject({ nudged: true, alerted: true, alertReason: 'rule' });
  });

  it('within the cooldown the hit is recorded but not nudged', () => {
    const outcome = decide([finding('profanity')], prior({ recentlyNudged: new Set(['profanity']) }));
    expect(outcome.create).toEqual([expect.objectContaining({ rule: 'profanity', nudged: false })]);
    expect(outcome.deliveries).toEqual([]);
  });

  it('the cooldown is per rule: another rule still nudges', () => {
    const outcome = decide([finding('profanity'), finding('insult', { category: 'insult' })], prior({ recentlyNudged: new Set(['profanity']) }));
    expect(outcome.deliveries[0]?.rules).toEqual(['insult']);
  });

  it('the third etiquette reminder in the window also alerts moderators (ladder)', () => {
    const second = decide([finding('profanity')], prior({ ladderCount: 1 }));
    expect(second.deliveries.map((d) => d.kind)).toEqual(['nudge']);
    const third = decide([finding('profanity')], prior({ ladderCount: 2 }));
    expect(third.deliveries.map((d) => d.kind)).toEqual(['nudge', 'alert']);
    expect(third.deliveries[1]?.payload.alertReason).toBe('ladder');
    expect(third.create[0]).toMatchObject({ alerted: true, alertReason: 'ladder' });
  });

  it('the ladder ignores data-leak categories and a policy without a ladder never escalates', () => {
    const leak = decide([finding('card', { category: 'payment-card' })], prior({ ladderCount: 5 }));
    expect(leak.deliveries.map((d) => d.kind)).toEqual(['nudge']);
    const noLadder = decide([finding('profanity')], prior({ ladderCount: 9 }), { cooldownMs: 0 });
    expect(noLadder.deliveries.map((d) => d.kind)).toEqual(['nudge']);
  });

  it('a duplicate event writes nothing', () => {
    expect(decide([finding('profanity')], prior({ duplicateEvent: true }))).toEqual({ create: [], update: [], resolve: [], deliveries: [] });
  });

  it('an edit with the same findings changes nothing and sends nothing', () => {
    const outcome = decide([finding('profanity')], prior({ existing: new Map([['profanity', existing(7, 'profanity')]]) }));
    expect(outcome).toEqual({ create: [], update: [], resolve: [], deliveries: [] });
  });

  it('an edit that changes the excerpt updates the flag instead of adding one', () => {
    const outcome = decide([finding('profanity', { excerpt: 'putain' })], prior({ existing: new Map([['profanity', existing(7, 'profanity')]]) }));
    expect(outcome.update).toEqual([{ id: 7, excerpt: 'putain' }]);
    expect(outcome.create).toEqual([]);
    expect(outcome.deliveries).toEqual([]);
  });

  it('an edit that no longer breaks a rule resolves its open flag, not a decided one', () => {
    const outcome = decide(
      [],
      prior({ existing: new Map([['profanity', existing(7, 'profanity')], ['insult', existing(8, 'insult', { status: 'confirmed' })]]) }),
    );
    expect(outcome.resolve).toEqual([7]);
  });

  it('an edit that breaks a new rule flags and nudges for the new rule only', () => {
    const outcome = decide(
      [finding('profanity'), finding('card', { category: 'payment-card', excerpt: '4970 •••• •••• 1234' })],
      prior({ existing: new Map([['profanity', existing(7, 'profanity')]]) }),
    );
    expect(outcome.create.map((f) => f.rule)).toEqual(['card']);
    expect(outcome.deliveries[0]?.rules).toEqual(['card']);
  });

  it('a flag resolved by an edit that breaks the rule again is reopened through an update, without a second reminder', () => {
    const outcome = decide([finding('profanity')], prior({ existing: new Map([['profanity', existing(7, 'profanity', { status: 'resolved' })]]) }));
    expect(outcome.update).toEqual([{ id: 7, excerpt: 'merde' }]);
    expect(outcome.deliveries).toEqual([]);
  });
});

describe('kindnessPolicy', () => {
  it('builds the cooldown and the etiquette ladder from the settings; threshold 0 turns the ladder off', () => {
    expect(kindnessPolicy({ nudgeCooldownHours: 24, escalationThreshold: 3, escalationWindowDays: 30 })).toEqual({
      cooldownMs: 86_400_000,
      ladder: { categories: ETIQUETTE_CATEGORIES, threshold: 3, windowMs: 30 * 86_400_000 },
    });
    expect(kindnessPolicy({ nudgeCooldownHours: 0, escalationThreshold: 0, escalationWindowDays: 30 })).toEqual({ cooldownMs: 0 });
  });
});
