/**
 * The RuleVersionStore contract: the behaviour every adapter (SQLite today, PostgreSQL later)
 * must show. An adapter's test file calls {@link describeRuleVersionStoreContract} with a factory
 * giving a fresh, empty store (which also lists the audit log, where saves are audited).
 *
 * Choices this contract fixes for every adapter:
 * - the first version's id is 1; each later version's id is greater than the previous one's;
 * - `basedOn` must be exactly the latest id (undefined for the first save): an older, a newer or
 *   an unknown id, or undefined once a version exists, is a `'conflict'` and writes nothing
 *   (neither a version nor an audit entry);
 * - the overlay is stored as JSON, not validated, and returned parsed: equal to what was given
 *   (properties set to `undefined` come back absent), never the caller's object itself;
 * - `restores` naming no stored version rejects the save, and nothing is written;
 * - each save appends one audit entry in the same transaction: actor the version's author,
 *   action `rules-rollback` when `restores` is set (else `rules-change`), target `rules:v<id>`,
 *   time the version's, detail `{ version, rules, restores? }` where `rules` holds the ids of the
 *   rules whose override or added entry differs from the previous version's overlay (the empty
 *   overlay before the first version), sorted; key order inside an entry does not count. The
 *   comment is never copied into the audit log.
 */
import type { AuditEntry } from '../../src/moderation/model';
import type { ModerationStore } from '../../src/moderation/ports';
import type { NewRuleVersion, RuleInput, RuleOverlay, RuleVersion } from '../../src/rules-admin/model';
import type { RuleVersionStore } from '../../src/rules-admin/ports';

/** What the contract needs: the rule versions, and the audit log they are audited in. */
export type RuleVersionContractStore = RuleVersionStore & Pick<ModerationStore, 'listAudit'>;

/** A fresh, empty store, and how to dispose of it. */
export type RuleVersionStoreFactory = () => Promise<{ store: RuleVersionContractStore; cleanup(): Promise<void> }>;

/** 2024-11-28T10:40:00Z. */
const T0 = 1_732_790_400_000;
const MINUTE = 60_000;
const ADMIN = 'U0ADM1N01';
const OTHER_ADMIN = 'U0ADM1N02';
const CLI_ADMIN = 'cli:alice';

/** A rule an admin created in Slack, with options, scope, explanation and examples. */
const NO_PROJECT_CODENAMES: RuleInput = {
  id: 'no-project-codenames',
  detector: 'keyword',
  category: 'confidential',
  severity: 'high',
  action: 'nudge+flag',
  article: 'confidentiality-projects',
  description: 'Noms de code des projets non annoncés — « Atlas », “Borée”.',
  lang: 'fr',
  scope: { channels: ['general', 'ext-*'], exceptChannels: ['projet-atlas'], external: true, match: 'any' },
  exempt: ['U0CEO0001'],
  explanation: { fr: 'Ce nom de code est confidentiel.', en: 'This code name is confidential.' },
  options: { words: ['atlas', 'borée'], wholeWord: true, limits: { perMessage: 3, nested: [1, { deep: null }] } },
  examples: {
    flag: ['le projet Atlas sort en mars', { text: 'Borée est en retard', channel: 'ext-acme', external: true, lang: 'fr' }],
    pass: ['l’atlas routier est dans la voiture'],
  },
};

/** A smaller added rule. */
const NO_PHONE_IN_GENERAL: RuleInput = {
  id: 'no-phone-in-general',
  detector: 'regex',
  category: 'personal-data',
  severity: 'medium',
  action: 'nudge',
  article: 'confidentiality-identity',
  options: { pattern: '\\b0[67](?:[ .]?\\d{2}){4}\\b', flags: 'u' },
  examples: { flag: ['appelle-moi au 06 12 34 56 78'], pass: [] },
};

/** An overlay with nested overrides and two added rules. */
const RICH_OVERLAY: RuleOverlay = {
  overrides: {
    insult: { severity: 'critical', action: 'nudge+flag', exempt: ['U0BOT0001', 'U0BOT0002'] },
    'profanity-mild': {
      enabled: true,
      action: 'shadow',
      options: { tiers: ['mild', 'moderate'], extra: { words: ['zut', 'mince'], weights: { zut: 0.5 } } },
      scope: { channels: ['random'], match: 'all' },
      explanation: { fr: 'Restons courtois.', en: 'Let us stay polite.' },
      examples: { flag: [{ text: 'zut alors', lang: 'fr' }], pass: ['hello'] },
    },
  },
  added: [NO_PROJECT_CODENAMES, NO_PHONE_IN_GENERAL],
};

/** A unified diff, as the core writes it for history views. */
const DIFF = [
  '--- rules (version 0)',
  '+++ rules (version 1)',
  '@@ -1,3 +1,3 @@',
  ' - id: insult',
  '-  severity: high',
  '+  severity: critical',
  '',
].join('\n');

/** A version to save, based on `basedOn`. */
function newVersion(basedOn: number | undefined, overrides: Partial<NewRuleVersion> = {}): NewRuleVersion {
  return {
    basedOn,
    author: ADMIN,
    comment: 'Insultes : sévérité critique, suite au comité du 28/11 ("validé").',
    source: 'slack',
    overlay: { overrides: { insult: { severity: 'critical' } }, added: [] },
    diff: DIFF,
    at: T0,
    ...overrides,
  };
}

/** Saves and expects a version (not a conflict). */
async function save(store: RuleVersionStore, version: NewRuleVersion): Promise<RuleVersion> {
  const saved = await store.saveRuleVersion(version);
  if (saved === 'conflict') throw new Error(`unexpected conflict saving on ${String(version.basedOn)}`);
  return saved;
}

/** Saves `count` versions in a row, the n-th (from 1) at `T0 + n minutes`. */
async function saveMany(store: RuleVersionStore, count: number): Promise<RuleVersion[]> {
  const saved: RuleVersion[] = [];
  for (let n = 1; n <= count; n++) {
    saved.push(
      await save(
        store,
        newVersion(saved[saved.length - 1]?.id, {
          at: T0 + n * MINUTE,
          comment: `version ${n}`,
          overlay: { overrides: { insult: { severity: n % 2 === 0 ? 'high' : 'critical' } }, added: [] },
        }),
      ),
    );
  }
  return saved;
}

async function everything(store: RuleVersionStore): Promise<RuleVersion[]> {
  return (await store.listRuleVersions({ limit: 1000 })).items;
}

async function rulesAudit(store: RuleVersionContractStore): Promise<AuditEntry[]> {
  const changes = (await store.listAudit({ action: 'rules-change' }, { limit: 1000 })).items;
  const rollbacks = (await store.listAudit({ action: 'rules-rollback' }, { limit: 1000 })).items;
  return [...changes, ...rollbacks].sort((a, b) => b.id - a.id);
}

/** Defines the contract suite for the adapter `name`. */
export function describeRuleVersionStoreContract(name: string, makeStore: RuleVersionStoreFactory): void {
  describe(`RuleVersionStore contract: ${name}`, () => {
    let store: RuleVersionContractStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });

    afterEach(async () => {
      await cleanup();
    });

    describeReads(() => store);
    describeSave(() => store);
    describeRoundTrip(() => store);
    describeAudit(() => store);
  });
}

function describeReads(get: () => RuleVersionContractStore): void {
  describe('reading versions', () => {
    it('an empty store has no version', async () => {
      const store = get();
      expect(await store.latestRuleVersionId()).toBeUndefined();
      expect(await store.latestRuleVersion()).toBeUndefined();
      expect(await store.getRuleVersion(1)).toBeUndefined();
      expect(await store.listRuleVersions({ limit: 10 })).toEqual({ items: [] });
    });

    it('latestRuleVersionId and latestRuleVersion follow every save, and not a conflict', async () => {
      const store = get();
      const [first, second, third] = await saveMany(store, 3);
      expect(await store.latestRuleVersionId()).toBe(third!.id);
      expect(await store.latestRuleVersion()).toEqual(third);
      expect(await store.saveRuleVersion(newVersion(second!.id))).toBe('conflict');
      expect(await store.latestRuleVersionId()).toBe(third!.id);
      const fourth = await save(store, newVersion(third!.id, { at: T0 + 10 * MINUTE }));
      expect(await store.latestRuleVersionId()).toBe(fourth.id);
      expect(await store.latestRuleVersion()).toEqual(fourth);
      expect(await store.getRuleVersion(first!.id)).toEqual(first);
      expect(await store.getRuleVersion(fourth.id + 1)).toBeUndefined();
      expect(await store.getRuleVersion(0)).toBeUndefined();
      expect(await store.getRuleVersion(-1)).toBeUndefined();
    });

    it('lists versions newest first, in pages: `next` is the cursor, absent on the last page', async () => {
      const store = get();
      const saved = await saveMany(store, 5);
      const newestFirst = [...saved].reverse();
      expect(await everything(store)).toEqual(newestFirst);

      const first = await store.listRuleVersions({ limit: 2 });
      expect(first.items.map((v) => v.id)).toEqual(newestFirst.slice(0, 2).map((v) => v.id));
      expect(first.next).toBe(newestFirst[1]!.id);
      const second = await store.listRuleVersions({ limit: 2, after: first.next! });
      expect(second.items.map((v) => v.id)).toEqual(newestFirst.slice(2, 4).map((v) => v.id));
      const third = await store.listRuleVersions({ limit: 2, after: second.next! });
      expect(third.items.map((v) => v.id)).toEqual([saved[0]!.id]);
      expect(third).not.toHaveProperty('next');
      expect([...first.items, ...second.items, ...third.items]).toEqual(newestFirst);

      // A page exactly as long as what is left has no next page.
      const exact = await store.listRuleVersions({ limit: 5 });
      expect(exact.items).toHaveLength(5);
      expect(exact).not.toHaveProperty('next');
      expect((await store.listRuleVersions({ limit: 10, after: saved[0]!.id })).items).toEqual([]);
    });
  });
}

function describeSave(get: () => RuleVersionContractStore): void {
  describe('saveRuleVersion', () => {
    it('saves the first version, based on none, as version 1', async () => {
      const store = get();
      const saved = await store.saveRuleVersion(newVersion(undefined));
      expect(saved).toEqual({
        id: 1,
        createdAt: T0,
        author: ADMIN,
        comment: 'Insultes : sévérité critique, suite au comité du 28/11 ("validé").',
        source: 'slack',
        overlay: { overrides: { insult: { severity: 'critical' } }, added: [] },
        diff: DIFF,
      });
      expect(saved).not.toHaveProperty('restores');
      expect(await store.latestRuleVersionId()).toBe(1);
      expect(await store.getRuleVersion(1)).toEqual(saved);
    });

    it('gives each new version a greater id', async () => {
      const store = get();
      const saved = await saveMany(store, 4);
      for (let i = 1; i < saved.length; i++) expect(saved[i]!.id).toBeGreaterThan(saved[i - 1]!.id);
    });

    it('refuses a version based on anything but the latest: conflict, and nothing written', async () => {
      const store = get();
      const [first, second] = await saveMany(store, 2);
      const before = await everything(store);
      const auditBefore = await rulesAudit(store);

      // Made from an older version, from none while one exists, from a version that does not exist yet.
      for (const basedOn of [first!.id, undefined, second!.id + 1, second!.id + 100]) {
        expect(await store.saveRuleVersion(newVersion(basedOn, { comment: 'stale', at: T0 + 99 * MINUTE }))).toBe('conflict');
      }
      // A rollback made from an older version is refused the same way.
      expect(await store.saveRuleVersion(newVersion(first!.id, { source: 'rollback', restores: first!.id }))).toBe('conflict');

      expect(await everything(store)).toEqual(before);
      expect(await store.latestRuleVersionId()).toBe(second!.id);
      expect(await rulesAudit(store)).toEqual(auditBefore);
      // The latest still takes a new version.
      const third = await save(store, newVersion(second!.id, { at: T0 + 100 * MINUTE }));
      expect(third.id).toBeGreaterThan(second!.id);
    });

    it('a first version based on an id that does not exist is a conflict', async () => {
      const store = get();
      expect(await store.saveRuleVersion(newVersion(1))).toBe('conflict');
      expect(await store.latestRuleVersionId()).toBeUndefined();
      expect(await rulesAudit(store)).toEqual([]);
    });

    it('of two edits made from the same version, the second is a conflict', async () => {
      const store = get();
      const base = await save(store, newVersion(undefined));
      const seen = await store.latestRuleVersionId();
      const [a, b] = await Promise.all([
        store.saveRuleVersion(newVersion(seen, { author: ADMIN, comment: 'a', at: T0 + MINUTE })),
        store.saveRuleVersion(newVersion(seen, { author: OTHER_ADMIN, comment: 'b', at: T0 + MINUTE })),
      ]);
      const results = [a, b];
      expect(results.filter((r) => r === 'conflict')).toHaveLength(1);
      const winner = results.find((r): r is RuleVersion => r !== 'conflict')!;
      expect(winner.id).toBeGreaterThan(base.id);
      expect((await everything(store)).map((v) => v.id)).toEqual([winner.id, base.id]);
      expect(await rulesAudit(store)).toHaveLength(2);
    });

    it('a rollback restoring a version that does not exist rejects, and nothing is written', async () => {
      const store = get();
      const [, second] = await saveMany(store, 2);
      await expect(
        store.saveRuleVersion(newVersion(second!.id, { source: 'rollback', restores: second!.id + 7 })),
      ).rejects.toThrow();
      expect(await store.latestRuleVersionId()).toBe(second!.id);
      expect(await everything(store)).toHaveLength(2);
      expect(await rulesAudit(store)).toHaveLength(2);
    });
  });
}

function describeRoundTrip(get: () => RuleVersionContractStore): void {
  describe('what a version keeps', () => {
    it('round-trips a rich overlay (nested overrides, added rules with options and examples), the diff and the comment', async () => {
      const store = get();
      const comment = 'Nouvelle règle « noms de code »\n— demandé par la DSI ; voir https://acme.example/x?a=1&b=2 \u{1F512}';
      const diff = `${DIFF}+  options: { words: ['atlas', 'borée'] }\n\\ No newline at end of file`;
      const saved = await save(store, newVersion(undefined, { overlay: RICH_OVERLAY, comment, diff, source: 'cli', author: CLI_ADMIN }));
      const expected: RuleVersion = { id: saved.id, createdAt: T0, author: CLI_ADMIN, comment, source: 'cli', overlay: RICH_OVERLAY, diff };
      expect(saved).toEqual(expected);
      expect(await store.getRuleVersion(saved.id)).toEqual(expected);
      expect(await store.latestRuleVersion()).toEqual(expected);
      expect(await everything(store)).toEqual([expected]);
      // Order of the added rules is kept.
      expect((await store.getRuleVersion(saved.id))!.overlay.added.map((r) => r.id)).toEqual([
        'no-project-codenames',
        'no-phone-in-general',
      ]);
    });

    it('keeps what was saved, not the caller\'s object: changing it afterwards changes nothing', async () => {
      const store = get();
      const overlay: RuleOverlay = JSON.parse(JSON.stringify(RICH_OVERLAY)) as RuleOverlay;
      const saved = await save(store, newVersion(undefined, { overlay }));
      overlay.overrides['insult'] = { severity: 'low' };
      overlay.added.pop();
      expect(saved.overlay).toEqual(RICH_OVERLAY);
      expect((await store.getRuleVersion(saved.id))!.overlay).toEqual(RICH_OVERLAY);
      const read = (await store.getRuleVersion(saved.id))!;
      read.overlay.added.length = 0;
      expect((await store.getRuleVersion(saved.id))!.overlay).toEqual(RICH_OVERLAY);
    });

    it('stores the empty overlay, and overlays it does not validate (the core validates)', async () => {
      const store = get();
      const empty = await save(store, newVersion(undefined, { overlay: { overrides: {}, added: [] } }));
      expect((await store.getRuleVersion(empty.id))!.overlay).toEqual({ overrides: {}, added: [] });
      const odd: RuleOverlay = { overrides: { 'not-in-the-files': { severity: 'low' } }, added: [{ ...NO_PHONE_IN_GENERAL, id: 'insult' }] };
      const saved = await save(store, newVersion(empty.id, { overlay: odd, at: T0 + MINUTE }));
      expect((await store.getRuleVersion(saved.id))!.overlay).toEqual(odd);
    });

    it('keeps a rollback\'s restored version', async () => {
      const store = get();
      const first = await save(store, newVersion(undefined, { overlay: RICH_OVERLAY }));
      const second = await save(store, newVersion(first.id, { at: T0 + MINUTE }));
      const rollback = await save(
        store,
        newVersion(second.id, { source: 'rollback', restores: first.id, overlay: first.overlay, comment: 'retour à la v1', at: T0 + 2 * MINUTE }),
      );
      expect(rollback).toEqual({
        id: rollback.id,
        createdAt: T0 + 2 * MINUTE,
        author: ADMIN,
        comment: 'retour à la v1',
        source: 'rollback',
        overlay: RICH_OVERLAY,
        diff: DIFF,
        restores: first.id,
      });
      expect(await store.getRuleVersion(rollback.id)).toEqual(rollback);
      expect(await store.latestRuleVersion()).toEqual(rollback);
      expect((await everything(store)).map((v) => v.restores)).toEqual([first.id, undefined, undefined]);
      expect(await store.getRuleVersion(second.id)).not.toHaveProperty('restores');
    });
  });
}

function describeAudit(get: () => RuleVersionContractStore): void {
  describe('auditing saves', () => {
    it('audits a change with its author, time, target and the ids of the rules it changed, never the comment', async () => {
      const store = get();
      const comment = 'mot secret du comité: ornithorynque';
      const first = await save(store, newVersion(undefined, { overlay: RICH_OVERLAY, comment, at: T0 + 5 }));
      const entries = await rulesAudit(store);
      expect(entries).toEqual([
        {
          id: expect.any(Number),
          at: T0 + 5,
          actor: ADMIN,
          action: 'rules-change',
          target: `rules:v${first.id}`,
          detail: { version: first.id, rules: ['insult', 'no-phone-in-general', 'no-project-codenames', 'profanity-mild'] },
        },
      ]);
      expect(JSON.stringify(entries)).not.toContain('ornithorynque');
      expect(JSON.stringify(entries)).not.toContain(DIFF);
    });

    it('counts as changed only the rules whose entry differs from the previous version (key order does not count)', async () => {
      const store = get();
      const first = await save(store, newVersion(undefined, { overlay: RICH_OVERLAY }));
      // Same entries written in another key order, one override changed, one removed, one added rule changed.
      const { insult: _insult, 'profanity-mild': mild, ...rest } = RICH_OVERLAY.overrides;
      const reordered = Object.fromEntries(Object.entries(mild!).reverse());
      const codenames = Object.fromEntries(Object.entries(NO_PROJECT_CODENAMES).reverse()) as RuleInput;
      const second = await save(
        store,
        newVersion(first.id, {
          author: OTHER_ADMIN,
          at: T0 + MINUTE,
          overlay: {
            overrides: { ...rest, 'profanity-mild': reordered, shouting: { enabled: false } },
            added: [codenames, { ...NO_PHONE_IN_GENERAL, severity: 'high' }],
          },
        }),
      );
      const [latest] = await rulesAudit(store);
      expect(latest).toMatchObject({
        actor: OTHER_ADMIN,
        at: T0 + MINUTE,
        action: 'rules-change',
        target: `rules:v${second.id}`,
        detail: { version: second.id, rules: ['insult', 'no-phone-in-general', 'shouting'] },
      });

      // Saving the same overlay again changes no rule; removing an added rule counts it.
      const third = await save(store, newVersion(second.id, { at: T0 + 2 * MINUTE, overlay: second.overlay }));
      const fourth = await save(
        store,
        newVersion(third.id, { at: T0 + 3 * MINUTE, overlay: { overrides: second.overlay.overrides, added: [codenames] } }),
      );
      const entries = await rulesAudit(store);
      expect(entries.map((e) => e.detail)).toEqual([
        { version: fourth.id, rules: ['no-phone-in-general'] },
        { version: third.id, rules: [] },
        { version: second.id, rules: ['insult', 'no-phone-in-general', 'shouting'] },
        { version: first.id, rules: ['insult', 'no-phone-in-general', 'no-project-codenames', 'profanity-mild'] },
      ]);
    });

    it('audits a rollback as rules-rollback, with the restored version, compared with the version it replaces', async () => {
      const store = get();
      const first = await save(store, newVersion(undefined, { overlay: RICH_OVERLAY }));
      const second = await save(
        store,
        newVersion(first.id, { at: T0 + MINUTE, overlay: { overrides: { insult: RICH_OVERLAY.overrides['insult']! }, added: [] } }),
      );
      const rollback = await save(
        store,
        newVersion(second.id, {
          author: OTHER_ADMIN,
          source: 'rollback',
          restores: first.id,
          overlay: first.overlay,
          at: T0 + 2 * MINUTE,
        }),
      );
      const [entry] = await rulesAudit(store);
      expect(entry).toEqual({
        id: expect.any(Number),
        at: T0 + 2 * MINUTE,
        actor: OTHER_ADMIN,
        action: 'rules-rollback',
        target: `rules:v${rollback.id}`,
        detail: {
          version: rollback.id,
          rules: ['no-phone-in-general', 'no-project-codenames', 'profanity-mild'],
          restores: first.id,
        },
      });
      expect((await store.listAudit({ action: 'rules-change' }, { limit: 10 })).items.map((e) => e.target)).toEqual([
        `rules:v${second.id}`,
        `rules:v${first.id}`,
      ]);
    });

    it('audits each saved version once, and a conflict not at all', async () => {
      const store = get();
      const saved = await saveMany(store, 3);
      expect(await store.saveRuleVersion(newVersion(saved[0]!.id))).toBe('conflict');
      expect((await rulesAudit(store)).map((e) => e.target)).toEqual([...saved].reverse().map((v) => `rules:v${v.id}`));
    });
  });
}
