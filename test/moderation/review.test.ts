import { createMessageHandler } from '../../src/moderation/handle-message';
import { eraseUserData, purgeExpired, scheduleRetention } from '../../src/moderation/retention';
import { ModerationReview } from '../../src/moderation/review';
import { StaffActions } from '../../src/moderation/staff';
import { csvCell, formatFlags } from '../../src/moderation/export';
import { defaultRules } from '../helpers/default-rules';
import { ManualClock } from '../helpers/fake-notifier';
import { openTempStore, TempStore } from '../helpers/temp-store';

const DAY = 86_400_000;
let temp: TempStore;
let clock: ManualClock;

beforeEach(() => {
  temp = openTempStore();
  clock = new ManualClock();
});
afterEach(async () => {
  await temp.cleanup();
});

let n = 0;
async function flagMessage(author: string, text = 'putain, encore une panne'): Promise<number> {
  n++;
  const handle = createMessageHandler({ store: temp.store, rules: defaultRules, clock, policy: { cooldownMs: 0 } });
  await handle({ eventId: `Ev${n}`, channel: { id: 'C0123ABCD', name: 'projet-atlas' }, author, ts: `1732790400.${n}`, text, locale: 'fr' });
  const page = await temp.store.listFlags({ author }, { limit: 1 });
  return page.items[0]?.id as number;
}

async function audit(): Promise<string[]> {
  return (await temp.store.listAudit({}, { limit: 100 })).items.map((e) => `${e.actor} ${e.action} ${e.target}`);
}

describe('ModerationReview', () => {
  it('audits every view of the queue and of a flag, with the filter used', async () => {
    const id = await flagMessage('U0AUTHOR');
    const review = new ModerationReview(temp.store, clock);
    await review.listFlags('U0MOD', { status: ['open'] }, { limit: 10 });
    const details = await review.showFlag('U0MOD', id);
    expect(details?.flag.id).toBe(id);
    expect(details?.deliveries.map((d) => d.kind)).toEqual(['nudge']);
    const entries = (await temp.store.listAudit({ action: 'view' }, { limit: 10 })).items;
    expect(entries.map((e) => e.target)).toEqual([`flag:${id}`, 'flags']);
    expect(entries[1]?.detail).toEqual({ filter: { status: ['open'] }, count: 1 });
  });

  it('a decision changes the flag, keeps who and when, and is audited', async () => {
    const id = await flagMessage('U0AUTHOR');
    const review = new ModerationReview(temp.store, clock);
    const flag = await review.decide('U0MOD', id, 'dismiss', 'quotation from a film');
    expect(flag).toMatchObject({ status: 'dismissed', handledBy: 'U0MOD', handledAt: clock.now(), note: 'quotation from a film' });
    expect(await audit()).toContain(`U0MOD decide flag:${id}`);
    expect(await review.decide('U0MOD', 999, 'confirm')).toBeUndefined();
  });

  it('an export returns every page and is audited with its count and format', async () => {
    for (let i = 0; i < 5; i++) await flagMessage(`U0AUTHOR${i}`);
    const review = new ModerationReview(temp.store, clock);
    const flags = await review.exportFlags('U0MOD', {}, 'csv');
    expect(flags).toHaveLength(5);
    const [entry] = (await temp.store.listAudit({ action: 'export' }, { limit: 1 })).items;
    expect(entry?.detail).toEqual({ filter: {}, format: 'csv', count: 5 });
  });
});

describe('StaffActions', () => {
  it('"this is a mistake" from the author is recorded once and shown with the flag', async () => {
    const id = await flagMessage('U0AUTHOR');
    const staff = new StaffActions(temp.store, clock);
    expect(await staff.reportMistake('U0AUTHOR', id)).toBe('recorded');
    expect(await staff.reportMistake('U0AUTHOR', id)).toBe('already-reported');
    expect((await temp.store.getFlag(id))?.reports).toBe(1);
    expect(await audit()).toContain(`U0AUTHOR report flag:${id}`);
  });

  it('nobody can report someone else\'s flag (a forged button)', async () => {
    const id = await flagMessage('U0AUTHOR');
    expect(await new StaffActions(temp.store, clock).reportMistake('U0OTHER', id)).toBe('unknown-flag');
    expect((await temp.store.getFlag(id))?.reports).toBe(0);
  });

  it('a user sees only their own reminders', async () => {
    await flagMessage('U0AUTHOR');
    await flagMessage('U0OTHER');
    const own = await new StaffActions(temp.store, clock).ownReminders('U0AUTHOR');
    expect(own.map((f) => f.author)).toEqual(['U0AUTHOR']);
  });

  it('acknowledging the charter is remembered per version and audited', async () => {
    const staff = new StaffActions(temp.store, clock);
    await staff.acknowledgeCharter('U0AUTHOR', 'v1');
    expect(await temp.store.acknowledgedAt('U0AUTHOR', 'v1')).toBe(clock.now());
    expect(await temp.store.acknowledgedAt('U0AUTHOR', 'v2')).toBeUndefined();
    expect(await audit()).toContain('U0AUTHOR acknowledge charter:v1');
  });
});

describe('retention', () => {
  it('purges flags older than the retention period and keeps recent ones', async () => {
    await flagMessage('U0OLD');
    clock.advance(91 * DAY);
    await flagMessage('U0NEW');
    const purged = await purgeExpired(temp.store, { flagDays: 90, auditDays: 365 }, clock);
    expect(purged.flags).toBe(1);
    expect(purged.deliveries).toBe(1);
    const left = (await temp.store.listFlags({}, { limit: 10 })).items;
    expect(left.map((f) => f.author)).toEqual(['U0NEW']);
  });

  it('the schedule purges at once', async () => {
    await flagMessage('U0OLD');
    clock.advance(91 * DAY);
    const schedule = scheduleRetention(temp.store, { flagDays: 90, auditDays: 365 }, { clock });
    await new Promise((resolve) => setTimeout(resolve, 20));
    schedule.stop();
    expect((await temp.store.listFlags({}, { limit: 10 })).items).toEqual([]);
  });

  it("erasing a user removes their flags and the reports they made, and is audited", async () => {
    const theirs = await flagMessage('U0ERASE');
    await flagMessage('U0KEEP');
    await new StaffActions(temp.store, clock).reportMistake('U0ERASE', theirs);
    const erased = await eraseUserData(temp.store, 'U0ERASE', 'U0ADMIN', clock);
    expect(erased).toMatchObject({ flags: 1, reports: 1 });
    expect((await temp.store.listFlags({}, { limit: 10 })).items.map((f) => f.author)).toEqual(['U0KEEP']);
    expect(await audit()).toContain('U0ADMIN erase user:U0ERASE');
  });
});

describe('export formats', () => {
  it('defuses spreadsheet formulas and quotes separators in CSV cells', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('JSON export writes ISO times and leaves unset fields out', async () => {
    const id = await flagMessage('U0AUTHOR');
    const flag = await temp.store.getFlag(id);
    const [row] = JSON.parse(formatFlags(flag === undefined ? [] : [flag], 'json')) as Array<Record<string, unknown>>;
    expect(row?.createdAt).toBe(new Date(clock.now()).toISOString());
    expect(row).not.toHaveProperty('handledBy');
  });
});
