/**
 * Moderators in Slack, end to end through the real Bolt app: alert cards and their decisions,
 * App Home's review queue, refusals, notes, escalation, the digest, and members' reports.
 */
import { appHomeOpenedEvent, blockActionPayload, messageEvent, viewSubmissionPayload, type RecordedCall } from '../../src/simulator';
import { ALICE, BOB, CLAIRE, Harness, MODERATION, PROJET, startHarness } from '../helpers/bot-harness';

const MODERATOR = 'U0MODO0001';
const GROUP_MODERATOR = 'U0MODO0002';
const ADMIN = 'U0ADMIN001';

let h: Harness;

async function start(config: Parameters<typeof startHarness>[0] = {}): Promise<void> {
  h = await startHarness({ ...config, config: { moderators: [MODERATOR, 'S0MODSGRP'], admins: [ADMIN], ...config.config } });
  h.sim.addUser({ id: MODERATOR, name: 'modo', locale: 'fr-FR' });
  h.sim.addUser({ id: GROUP_MODERATOR, name: 'modo2', locale: 'en-US' });
  h.sim.addUser({ id: ADMIN, name: 'admin', locale: 'fr-FR' });
  h.sim.addUserGroup({ id: 'S0MODSGRP', users: [GROUP_MODERATOR] });
}

afterEach(async () => {
  await h.stop();
});

/** Alice insults someone (nudge+flag): returns the card posted in #moderation. */
async function flaggedCard(text = "t'es vraiment un con"): Promise<RecordedCall> {
  await h.slack.sendEvent(messageEvent({ channel: PROJET, user: ALICE, text }));
  const cards = await h.sim.waitForCalls('chat.postMessage', 1);
  await h.settle();
  const card = cards.find((c) => c.args.channel === MODERATION);
  if (card === undefined) throw new Error('no card in #moderation');
  return card;
}

function buttons(blocks: unknown): Array<{ action_id?: string; value?: string }> {
  const list = (Array.isArray(blocks) ? blocks : []) as Array<{ elements?: Array<{ action_id?: string; value?: string }>; accessory?: { action_id?: string; value?: string } }>;
  return list.flatMap((b) => [...(b.elements ?? []), ...(b.accessory !== undefined ? [b.accessory] : [])]);
}

function cardTs(card: RecordedCall): string {
  return String((card.response as { ts?: string }).ts);
}

describe('alert cards', () => {
  beforeEach(() => start());

  it('a card has the four decisions; confirming updates it in place and App Home shows the same state', async () => {
    const card = await flaggedCard();
    const decisions = buttons(card.args.blocks).map((b) => b.action_id);
    expect(decisions).toEqual(expect.arrayContaining(['mod_dismiss', 'mod_confirm', 'mod_escalate', 'mod_note']));
    const value = buttons(card.args.blocks).find((b) => b.action_id === 'mod_confirm')?.value ?? '';

    await h.slack.sendInteraction(blockActionPayload({ user: MODERATOR, actionId: 'mod_confirm', value, channel: MODERATION, messageTs: cardTs(card), responseUrl: h.sim.responseUrl('confirm') }));
    const [update] = await h.sim.waitForCalls('chat.update', 1);
    expect(update?.args).toMatchObject({ channel: MODERATION, ts: cardTs(card) });
    expect(JSON.stringify(update?.args.blocks)).toContain(`<@${MODERATOR}>`);
    const flags = await h.bot.store.flagsByIds(value.split(',').map(Number));
    expect(flags.every((f) => f.status === 'confirmed' && f.handledBy === MODERATOR)).toBe(true);
    const audit = await h.bot.store.listAudit({ action: 'decide' }, { limit: 10 });
    expect(audit.items.every((e) => e.actor === MODERATOR)).toBe(true);

    // App Home, queue filtered on "all": the same flags, shown as confirmed.
    const select = blockActionPayload({ user: MODERATOR, actionId: 'mod_filter_status', value: 'all', view: { type: 'home', id: 'V0HOME' } });
    select['actions'] = [{ type: 'static_select', action_id: 'mod_filter_status', block_id: 'mod_filters', selected_option: { text: { type: 'plain_text', text: 'Tous' }, value: 'all' }, action_ts: '1.1' }];
    await h.slack.sendInteraction(select);
    const publishes = await h.sim.waitForCalls('views.publish', 1);
    const home = JSON.stringify(publishes[publishes.length - 1]?.args.view);
    expect(home).toMatch(/[Cc]onfirmé/);
  });

  it('deciding from App Home updates the card too', async () => {
    const card = await flaggedCard();
    const id = (buttons(card.args.blocks).find((b) => b.action_id === 'mod_dismiss')?.value ?? '').split(',')[0] as string;
    await h.slack.sendEvent(appHomeOpenedEvent(MODERATOR));
    const [home] = await h.sim.waitForCalls('views.publish', 1);
    expect(buttons((home?.args.view as { blocks: unknown }).blocks).some((b) => b.action_id === 'mod_dismiss' && b.value === id)).toBe(true);
    await h.slack.sendInteraction(blockActionPayload({ user: MODERATOR, actionId: 'mod_dismiss', value: id, view: { type: 'home', id: 'V0HOME' } }));
    const [update] = await h.sim.waitForCalls('chat.update', 1);
    expect(update?.args.ts).toBe(cardTs(card));
    expect((await h.bot.store.getFlag(Number(id)))?.status).toBe('dismissed');
    await h.sim.waitForCalls('views.publish', 2);
  });

  it('a forged decision from a non-moderator changes nothing, is audited, and is refused politely', async () => {
    const card = await flaggedCard();
    const value = buttons(card.args.blocks).find((b) => b.action_id === 'mod_confirm')?.value ?? '';
    await h.slack.sendInteraction(blockActionPayload({ user: BOB, actionId: 'mod_confirm', value, channel: MODERATION, messageTs: cardTs(card), responseUrl: h.sim.responseUrl('forged') }));
    await h.settle();
    const flags = await h.bot.store.flagsByIds(value.split(',').map(Number));
    expect(flags.every((f) => f.status === 'open')).toBe(true);
    expect(h.sim.callsTo('chat.update')).toEqual([]);
    const refused = await h.bot.store.listAudit({ action: 'refused' }, { limit: 5 });
    expect(refused.items.map((e) => e.actor)).toEqual([BOB]);
    const answer = h.sim.responses().find((r) => r.id === 'forged')?.body as { replace_original?: boolean; text?: string };
    expect(answer.replace_original).toBe(false);
    expect(answer.text).toMatch(/moderators|modérateurs/);
  });

  it('a member of a moderators user group may decide', async () => {
    const card = await flaggedCard();
    const value = buttons(card.args.blocks).find((b) => b.action_id === 'mod_dismiss')?.value ?? '';
    await h.slack.sendInteraction(blockActionPayload({ user: GROUP_MODERATOR, actionId: 'mod_dismiss', value, channel: MODERATION, messageTs: cardTs(card), responseUrl: h.sim.responseUrl('group') }));
    await h.sim.waitForCalls('chat.update', 1);
    expect((await h.bot.store.flagsByIds(value.split(',').map(Number))).every((f) => f.status === 'dismissed')).toBe(true);
  });

  it('a note opens a modal; its submission is kept with the flag and shown on the card', async () => {
    const card = await flaggedCard();
    const value = buttons(card.args.blocks).find((b) => b.action_id === 'mod_note')?.value ?? '';
    await h.slack.sendInteraction(blockActionPayload({ user: MODERATOR, actionId: 'mod_note', value, channel: MODERATION, messageTs: cardTs(card), responseUrl: h.sim.responseUrl('note'), triggerId: 'trig-note' }));
    const [opened] = await h.sim.waitForCalls('views.open', 1);
    const modal = opened?.args.view as { callback_id: string; private_metadata: string };
    expect(modal.callback_id).toBe('mod_note_modal');
    await h.slack.sendInteraction(viewSubmissionPayload({ user: MODERATOR, callbackId: modal.callback_id, privateMetadata: modal.private_metadata, values: { note_block: { note_input: 'Vu avec son manager' } } }));
    await h.sim.waitForCalls('chat.update', 1);
    const flags = await h.bot.store.flagsByIds(value.split(',').map(Number));
    expect(flags.every((f) => f.note === 'Vu avec son manager')).toBe(true);
    expect((await h.bot.store.listAudit({ action: 'note' }, { limit: 5 })).items.length).toBe(flags.length);
  });

  it('escalating DMs the admins; the author is not told by default', async () => {
    const card = await flaggedCard();
    const value = buttons(card.args.blocks).find((b) => b.action_id === 'mod_escalate')?.value ?? '';
    await h.slack.sendInteraction(blockActionPayload({ user: MODERATOR, actionId: 'mod_escalate', value, channel: MODERATION, messageTs: cardTs(card), responseUrl: h.sim.responseUrl('esc') }));
    await h.sim.waitForCalls('chat.update', 1);
    await h.settle();
    const adminDm = h.sim.dmChannelOf(ADMIN);
    expect(adminDm).toBeDefined();
    expect(h.sim.messages(adminDm as string)).toHaveLength(1);
    expect(h.sim.dmChannelOf(ALICE)).toBeUndefined();
  });
});

describe('escalation options', () => {
  it('can post to an escalation channel and tell the author a moderator will follow up', async () => {
    await start({ config: { escalationTarget: { kind: 'channel', channel: 'C0ESCALAT1' }, notifyAuthorOnEscalation: true } });
    h.sim.addChannel({ id: 'C0ESCALAT1', name: 'escalades', members: [h.sim.botUserId, ADMIN] });
    const card = await flaggedCard();
    const value = buttons(card.args.blocks).find((b) => b.action_id === 'mod_escalate')?.value ?? '';
    await h.slack.sendInteraction(blockActionPayload({ user: MODERATOR, actionId: 'mod_escalate', value, channel: MODERATION, messageTs: cardTs(card), responseUrl: h.sim.responseUrl('esc2') }));
    await h.sim.waitForCalls('chat.update', 1);
    await h.settle();
    expect(h.sim.messages('C0ESCALAT1')).toHaveLength(1);
    const authorDm = h.sim.dmChannelOf(ALICE);
    expect(h.sim.messages(authorDm as string)).toHaveLength(1);
    expect(JSON.stringify(h.sim.messages(authorDm as string))).not.toContain(MODERATOR);
  });
});

describe('a burst of flags', () => {
  beforeEach(() => start());

  it('200 flags in a minute make a handful of messages in #moderation and all 200 are in the queue', async () => {
    for (let i = 0; i < 200; i++) {
      await h.slack.sendEvent(messageEvent({ channel: PROJET, user: i % 2 === 0 ? ALICE : BOB, text: `mdp : Tournesol#${2000 + i}` }));
    }
    await h.settle();
    const inModeration = h.sim.messages(MODERATION);
    expect(inModeration.length).toBeLessThanOrEqual(6);
    const queue = await h.bot.store.listFlags({ rule: 'password' }, { limit: 200 });
    expect(queue.items).toHaveLength(200);
    const failed = await h.bot.store.listDeliveries({ status: 'failed' }, { limit: 5 });
    expect(failed.items).toEqual([]);
  }, 60_000);
});

describe('App Home for moderators', () => {
  beforeEach(() => start());

  it('moderators see the queue with "this is a mistake" reports and rule statistics; others do not', async () => {
    await h.slack.sendEvent(messageEvent({ channel: PROJET, user: ALICE, text: 'putain, encore une panne' }));
    const [reminder] = await h.sim.waitForCalls('chat.postEphemeral', 1);
    const mistake = buttons(reminder?.args.blocks).find((b) => b.action_id === 'charter_report_mistake')?.value ?? '';
    await h.slack.sendInteraction(blockActionPayload({ user: ALICE, actionId: 'charter_report_mistake', value: mistake, channel: PROJET, responseUrl: h.sim.responseUrl('m') }));
    await h.settle();

    await h.slack.sendEvent(appHomeOpenedEvent(MODERATOR));
    const [home] = await h.sim.waitForCalls('views.publish', 1);
    const view = JSON.stringify(home?.args.view);
    expect(view).toContain('mod_filter_status');
    expect(view).toContain('putain');
    expect(view).toMatch(/🙋/);
    expect(view).toMatch(/profanity/);
    expect((await h.bot.store.listAudit({ action: 'view', actor: MODERATOR }, { limit: 5 })).items.length).toBeGreaterThan(0);

    await h.slack.sendEvent(appHomeOpenedEvent(CLAIRE));
    const published = await h.sim.waitForCalls('views.publish', 2);
    expect(JSON.stringify(published[1]?.args.view)).not.toContain('mod_filter_status');
  });
});

describe('Report to moderators', () => {
  beforeEach(() => start());

  it('any member reports a message: a modal, then a flag and a card; the reporter is thanked; the author is not told', async () => {
    // Alice reports Bob's message; she is in the channel, as anyone who can see a message is.
    const reported = messageEvent({ channel: PROJET, user: BOB, text: 'les gens de la compta sont tous des branques' });
    await h.slack.sendEvent(reported);
    await h.settle();
    await h.slack.sendInteraction({
      type: 'message_action',
      callback_id: 'report_to_moderators',
      trigger_id: 'trig-report',
      response_url: h.sim.responseUrl('report'),
      team: { id: h.sim.teamId, domain: 'charter-demo' },
      channel: { id: PROJET, name: 'projet-atlas' },
      user: { id: ALICE, name: 'alice', username: 'alice', team_id: h.sim.teamId },
      message: { type: 'message', user: BOB, ts: reported.ts, text: reported.text },
      message_ts: reported.ts,
      token: 'verification-token',
      action_ts: String(Date.now() / 1000),
    });
    const [opened] = await h.sim.waitForCalls('views.open', 1);
    const modal = opened?.args.view as { callback_id: string; private_metadata: string };
    expect(modal.callback_id).toBe('report_message_modal');
    await h.slack.sendInteraction(
      viewSubmissionPayload({
        user: ALICE,
        callbackId: modal.callback_id,
        privateMetadata: modal.private_metadata,
        values: {
          report_category_block: { report_category_input: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Insulte' }, value: 'insult' } } },
          report_reason_block: { report_reason_input: 'Propos dénigrants envers une équipe' },
        },
      }),
    );
    await h.sim.waitForCalls('chat.postMessage', 1);
    await h.settle();
    const [flag] = (await h.bot.store.listFlags({ rule: 'member-report' }, { limit: 5 })).items;
    expect(flag).toMatchObject({ category: 'insult', author: BOB, reportedBy: ALICE, reportReason: 'Propos dénigrants envers une équipe', status: 'open' });
    const card = h.sim.callsTo('chat.postMessage').find((c) => c.args.channel === MODERATION);
    expect(JSON.stringify(card?.args)).toContain('Propos dénigrants');
    expect(h.sim.messages(PROJET).filter((m) => m.ephemeralTo === ALICE)).toHaveLength(1);
    expect(h.sim.messages(PROJET).filter((m) => m.ephemeralTo === BOB)).toEqual([]);
    expect(h.sim.dmChannelOf(BOB)).toBeUndefined();
  });
});
