/**
 * The rules-admin core over the real SQLite store: two processes' worth of LiveRules on two
 * connections to one database file, edits from one taking effect in the other.
 */
import { SqliteModerationStore } from '../../src/store';
import { AdminRules } from '../../src/rules-admin/admin-rules';
import { LiveRules } from '../../src/rules-admin/live-rules';
import { openTempStore, type TempStore } from '../helpers/temp-store';
import { ALICE, BOB, customRule, snapshot, waitFor } from './fixtures';

describe('rules-admin over SqliteModerationStore', () => {
  let temp: TempStore;
  let other: SqliteModerationStore;
  beforeEach(() => {
    temp = openTempStore();
    other = SqliteModerationStore.open(temp.file);
  });
  afterEach(async () => {
    await other.close();
    await temp.cleanup();
  });

  test('edits saved through one connection take effect on the other; history, rollback and audit', async () => {
    const one = new LiveRules({ store: temp.store, readFiles: () => snapshot(), defaultLang: 'fr', pollMs: 10 });
    const two = new LiveRules({ store: other, readFiles: () => snapshot(), defaultLang: 'fr', pollMs: 10 });
    await one.start();
    await two.start();
    const adminOne = new AdminRules({ store: temp.store, live: one });
    const adminTwo = new AdminRules({ store: other, live: two });
    expect((await adminOne.setEnabled(ALICE, 'shout', false)).ok).toBe(true);
    await waitFor(() => two.version() === 1);
    expect(two.current().rules.map((rule) => rule.id)).toEqual(['codename', 'mentions']);
    expect((await adminTwo.createRule(BOB, customRule(), 'client names')).ok).toBe(true);
    await waitFor(() => one.version() === 2);
    expect(one.current().rules.map((rule) => rule.id)).toEqual(['codename', 'mentions', 'client-names']);
    const rolled = await adminOne.rollback(ALICE, 1);
    expect(rolled).toMatchObject({ ok: true, version: { id: 3, restores: 1, source: 'rollback' } });
    await waitFor(() => two.version() === 3);
    expect(two.current().rules.map((rule) => rule.id)).toEqual(['codename', 'mentions']);
    const history = await adminTwo.history({ limit: 10 });
    expect(history.items.map((version) => [version.id, version.author, version.source])).toEqual([
      [3, 'U0ALICE', 'rollback'],
      [2, 'cli:bob', 'cli'],
      [1, 'U0ALICE', 'slack'],
    ]);
    const audit = await temp.store.listAudit({}, { limit: 10 });
    expect(audit.items.map((entry) => entry.action)).toEqual(['rules-rollback', 'rules-change', 'rules-change']);
    one.stop();
    two.stop();
  });
});
