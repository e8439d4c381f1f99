/**
 * Buttons, /charter, App Home and onboarding, end to end through the real Bolt app.
 */
import { appHomeOpenedEvent, blockActionPayload, messageEvent, slashCommandFields, teamJoinEvent, type RecordedCall } from '../../src/simulator';
import { ALICE, BOB, Harness, PROJET, startHarness } from '../helpers/bot-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

/** Alice breaks a rule; returns her reminder and the flag ids its buttons carry. */
async function remindAlice(): Promise<{ reminder: RecordedCall; value: string }> {
  await h.slack.sendEvent(messageEvent({ channel: PROJET, user: ALICE, text: 'putain, encore une panne' }));
  const [reminder] = await h.sim.waitForCalls('chat.postEphemeral', 1);
  await h.settle();
  const blocks = (reminder?.args.blocks ?? []) as Array<{ elements?: Array<{ action_id?: string; value?: string }> }>;
  const button = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'charter_report_mistake');
  return { reminder: reminder as RecordedCall, value: button?.value ?? '' };
}

function click(user: string, actionId: string, value: string, responseId: string, extra: Record<string, unknown> = {}) {
  return h.slack.sendInteraction(
    blockActionPayload({ user, actionId, value, channel: PROJET, responseUrl: h.sim.responseUrl(responseId), triggerId: `trigger-${responseId}`, ...extra }),
  );
}

describe('reminder buttons', () => {
  it('"This is a mistake" records a report for moderators and thanks the author in their language', async () => {
    const { value } = await remindAlice();
    expect((await click(ALICE, 'charter_report_mistake', value, 'r1')).status).toBe(200);
    await h.settle();
    const flag = (await h.bot.store.listFlags({}, { limit: 1 })).items[0];
    expect(flag?.reports).toBe(1);
    const response = h.sim.responses().find((r) => r.id === 'r1');
    expect(response?.body).toMatchObject({ replace_original: true });
    expect(JSON.stringify(response?.body)).toMatch(/[Mm]erci/);
  });

  it('a forged "mistake" click from someone else changes nothing', async () => {
    const { value } = await remindAlice();
    await click(BOB, 'charter_report_mistake', value, 'r2');
    await h.settle();
    expect((await h.bot.store.listFlags({}, { limit: 1 })).items[0]?.reports).toBe(0);
  });

  it('"Got it" removes the reminder', async () => {
    const { value } = await remindAlice();
    await click(ALICE, 'charter_got_it', value, 'r3');
    await h.settle();
    expect(h.sim.responses().find((r) => r.id === 'r3')?.body).toMatchObject({ delete_original: true });
  });

  it('"Read the article" opens the article in a modal, in the user\'s language', async () => {
    await remindAlice();
    await click(ALICE, 'charter_read_article', 'courtesy-language', 'r4');
    const [opened] = await h.sim.waitForCalls('views.open', 1);
    expect(opened?.args.trigger_id).toBe('trigger-r4');
    expect(JSON.stringify(opened?.args.view)).toMatch(/Langage/);
  });
});

describe('/charter', () => {
  async function command(user: string, text: string): Promise<string> {
    const { status, body } = await h.slack.sendCommand(slashCommandFields({ user, channel: PROJET, text, responseUrl: h.sim.responseUrl(`cmd-${text}`) }));
    expect(status).toBe(200);
    return body;
  }

  it('answers privately with the summary, an article, or help, in the user\'s language', async () => {
    const summary = JSON.parse(await command(ALICE, '')) as { response_type: string; text: string };
    expect(summary.response_type).toBe('ephemeral');
    expect(JSON.stringify(summary)).toMatch(/Courtoisie/);
    expect(JSON.stringify(JSON.parse(await command(ALICE, 'tone-register')))).toMatch(/Registre/);
    expect(JSON.stringify(JSON.parse(await command(BOB, 'help')))).toMatch(/\/charter/);
    expect(JSON.stringify(JSON.parse(await command(BOB, '')))).toMatch(/Courtesy/);
  });

  it('an unknown article says what to type instead', async () => {
    expect(JSON.stringify(JSON.parse(await command(ALICE, 'licornes')))).toMatch(/\/charter/);
  });
});

describe('App Home', () => {
  it('shows the charter, the acknowledgement button and the user\'s own reminders only', async () => {
    await remindAlice();
    await h.slack.sendEvent(messageEvent({ channel: PROJET, user: BOB, text: 'this is fucking broken' }));
    await h.sim.waitForCalls('chat.postEphemeral', 2);
    await h.settle();
    await h.slack.sendEvent(appHomeOpenedEvent(ALICE));
    const [publish] = await h.sim.waitForCalls('views.publish', 1);
    expect(publish?.args.user_id).toBe(ALICE);
    const home = JSON.stringify(publish?.args.view);
    expect(home).toContain('charter_acknowledge');
    expect(home).toContain('putain');
    expect(home).not.toContain('fucking');
  });

  it('"I have read the charter" is recorded and the home shows it', async () => {
    await h.slack.sendEvent(appHomeOpenedEvent(ALICE));
    const [first] = await h.sim.waitForCalls('views.publish', 1);
    const blocks = ((first?.args.view as { blocks: unknown[] }).blocks ?? []) as Array<{ elements?: Array<{ action_id?: string; value?: string }>; accessory?: { action_id?: string; value?: string } }>;
    const ack = blocks.flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]).find((e) => e.action_id === 'charter_acknowledge');
    expect(ack?.value).toMatch(/^[0-9a-f]{12}$/);
    await h.slack.sendInteraction(blockActionPayload({ user: ALICE, actionId: 'charter_acknowledge', value: ack?.value ?? '', view: { type: 'home', id: 'V1' } }));
    const [, second] = await h.sim.waitForCalls('views.publish', 2);
    expect(JSON.stringify(second?.args.view)).not.toContain('charter_acknowledge');
    const audit = await h.bot.store.listAudit({ action: 'acknowledge' }, { limit: 5 });
    expect(audit.items.map((e) => e.actor)).toEqual([ALICE]);
  });
});

describe('onboarding', () => {
  it('a new member gets a DM with the charter and the acknowledgement button', async () => {
    h.sim.addUser({ id: 'U0NEWBIE1', name: 'newbie', locale: 'en-US' });
    await h.slack.sendEvent(teamJoinEvent('U0NEWBIE1'));
    const [dm] = await h.sim.waitForCalls('chat.postMessage', 1);
    expect(dm?.args.channel).toBe(h.sim.dmChannelOf('U0NEWBIE1'));
    expect(JSON.stringify(dm?.args)).toContain('charter_acknowledge');
    expect(JSON.stringify(dm?.args)).toMatch(/Hello! 👋 I am charter-bot/);
  });

  it('acknowledging from the welcome DM records it and replaces the button with a thank-you', async () => {
    h.sim.addUser({ id: 'U0NEWBIE3', name: 'newbie3', locale: 'fr-FR' });
    await h.slack.sendEvent(teamJoinEvent('U0NEWBIE3'));
    const [dm] = await h.sim.waitForCalls('chat.postMessage', 1);
    const version = /"action_id":"charter_acknowledge","value":"([0-9a-f]{12})"/.exec(JSON.stringify(dm?.args))?.[1] ?? '';
    await h.slack.sendInteraction(blockActionPayload({ user: 'U0NEWBIE3', actionId: 'charter_acknowledge', value: version, channel: String(dm?.args.channel), responseUrl: h.sim.responseUrl('ack-dm') }));
    await h.settle();
    expect(await h.bot.store.acknowledgedAt('U0NEWBIE3', version)).toBeGreaterThan(0);
    expect(h.sim.responses().find((r) => r.id === 'ack-dm')?.body).toMatchObject({ replace_original: true });
  });

  it('can be turned off', async () => {
    await h.stop();
    h = await startHarness({ onboarding: false });
    h.sim.addUser({ id: 'U0NEWBIE2', name: 'newbie2', locale: 'fr-FR' });
    await h.slack.sendEvent(teamJoinEvent('U0NEWBIE2'));
    await h.settle();
    expect(h.sim.callsTo('chat.postMessage')).toEqual([]);
  });
});
