/**
 * Messages end to end: the real bot (src/bot.ts) in HTTP mode, signed events from the Slack
 * simulator, reminders read back from the simulator's Web API.
 */
import fs from 'node:fs';
import {
  botMessageEvent,
  fileShareEvent,
  messageChangedEvent,
  messageEvent,
  threadBroadcastEvent,
  type RecordedCall,
} from '../../src/simulator';
import { ALICE, BOB, CLIENT, GENERAL, Harness, MODERATION, OTHER_BOT, PRIVATE, PROJET, startHarness } from '../helpers/bot-harness';
import { PLANTED_CARD, PLANTED_TOKEN } from '../helpers/breaking-messages';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

function ephemerals(): RecordedCall[] {
  return h.sim.callsTo('chat.postEphemeral');
}

function textOf(call: RecordedCall | undefined): string {
  return JSON.stringify(call?.args ?? {});
}

describe('reminders', () => {
  it('a rude message gets its author one private reminder in French, citing the article, with the three buttons', async () => {
    const { status } = await h.slack.sendEvent(messageEvent({ channel: PROJET, user: ALICE, text: 'putain, encore une panne' }));
    expect(status).toBe(200);
    const [call] = await h.sim.waitForCalls('chat.postEphemeral', 1);
    await h.settle();
    expect(ephemerals()).toHaveLength(1);
    expect(call?.args).toMatchObject({ channel: PROJET, user: ALICE });
    const shown = textOf(call);
    expect(shown).toMatch(/Langage/); // the article title, in French
    expect(shown).toContain('putain');
    const blocks = call?.args.blocks as Array<{ elements?: Array<{ action_id?: string }>; accessory?: { action_id?: string } }>;
    const buttons = blocks.flatMap((b) => [...(b.elements ?? []), ...(b.accessory !== undefined ? [b.accessory] : [])]).map((e) => e.action_id);
    expect(buttons).toEqual(expect.arrayContaining(['charter_read_article', 'charter_report_mistake', 'charter_got_it']));
    // Only the author sees it: nothing was posted in the channel.
    expect(h.sim.callsTo('chat.postMessage').filter((c) => c.args.channel === PROJET)).toEqual([]);
  });

  it('speaks English to an English-speaking author, and looks the locale up once', async () => {
    await h.slack.sendEvent(messageEvent({ channel: PROJET, user: BOB, text: 'this is fucking broken again' }));
    const [call] = await h.sim.waitForCalls('chat.postEphemeral', 1);
    expect(textOf(call)).toMatch(/reminder/i);
    expect(textOf(call)).not.toMatch(/Petit rappel/);
    await h.slack.sendEvent(messageEvent({ channel: PROJET, user: BOB, text: 'what a shitty deploy' }));
    await h.settle();
    expect(h.sim.callsTo('users.info').filter((c) => c.args.user === BOB)).toHaveLength(1);
    expect(h.sim.callsTo('users.info')[0]?.args.include_locale).toBeTruthy();
  });

  it('asks Slack who the author is only when a message needs it: clean chat costs no users.info call', async () => {
    await h.slack.sendEvent(messageEvent({ channel: GENERAL, user: ALICE, text: 'Bonjour à tous, le point est à 14h.' }));
    await h.slack.sendEvent(messageEvent({ channel: PROJET, user: BOB, text: 'The release notes are ready for review.' }));
    await h.settle();
    expect(h.sim.callsTo('users.info')).toEqual([]);
    await h.slack.sendEvent(messageEvent({ channel: PROJET, user: BOB, text: 'this is fucking broken again' }));
    await h.sim.waitForCalls('chat.postEphemeral', 1);
    expect(h.sim.callsTo('users.info').map((c) => c.args.user)).toEqual([BOB]);
  });

  it('a bot user posting without a bot_id is recognised when its message breaks a rule, and left alone', async () => {
    await h.slack.sendEvent(messageEvent({ channel: PROJET, user: OTHER_BOT, text: 'fucking flaky test' }));
    await h.settle();
    expect(h.sim.callsTo('users.info').map((c) => c.args.user)).toEqual([OTHER_BOT]);
    expect(ephemerals()).toEqual([]);
    expect(h.sim.callsTo('chat.postMessage')).toEqual([]);
  });

  it('when the locale cannot be looked up, reminds in the language the message was written in', async () => {
    h.sim.failNext('users.info', { status: 500 });
    await h.slack.sendEvent(messageEvent({ channel: PROJET, user: ALICE, text: 'this is fucking broken again' }));
    const [call] = await h.sim.waitForCalls('chat.postEphemeral', 1);
    expect(textOf(call)).toMatch(/A quick reminder/);
  });

  it('replies in the thread when the message was in a thread', async () => {
    const parent = messageEvent({ channel: PROJET, user: BOB, text: 'Le déploiement est prévu à 14h' });
    await h.slack.sendEvent(parent);
    await h.slack.sendEvent(messageEvent({ channel: PROJET, user: ALICE, text: 'putain, encore', threadTs: String(parent.ts) }));
    const [call] = await h.sim.waitForCalls('chat.postEphemeral', 1);
    expect(call?.args.thread_ts).toBe(parent.ts);
  });

  it('checks thread broadcasts and file captions', async () => {
    const parent = messageEvent({ channel: PROJET, user: BOB, text: 'Compte rendu de la réunion' });
    await h.slack.sendEvent(parent);
    await h.slack.sendEvent(threadBroadcastEvent({ channel: PROJET, user: ALICE, text: 'merde, le CR est faux', threadTs: String(parent.ts) }));
    await h.slack.sendEvent(fileShareEvent({ channel: PROJET, user: BOB, text: 'here is the fucking log', files: [{ name: 'deploy.log' }] }));
    await h.sim.waitForCalls('chat.postEphemeral', 2);
    await h.settle();
    expect(ephemerals().map((c) => c.args.user).sort()).toEqual([ALICE, BOB].sort());
  });

  it('leaves clean messages, bots, its own messages and DMs alone', async () => {
    await h.slack.sendEvent(messageEvent({ channel: GENERAL, user: ALICE, text: 'Bonjour à tous, le point est à 14h.' }));
    await h.slack.sendEvent(botMessageEvent({ channel: PROJET, text: 'Deploy failed, shit happens', botId: 'B0DEPLOY' }));
    await h.slack.sendEvent(messageEvent({ channel: PROJET, user: OTHER_BOT, text: 'fucking flaky test', botId: 'B0DEPLOY' }));
    await h.slack.sendEvent(messageEvent({ channel: PROJET, user: h.sim.botUserId, text: 'putain', botId: 'B0CHARTERBOT' }));
    await h.slack.sendEvent(messageChangedEvent({ channel: PROJET, user: h.sim.botUserId, ts: '1732790400.000900', previousText: 'ok', newText: 'putain', botId: 'B0CHARTERBOT' }));
    await h.slack.sendEvent(messageEvent({ channel: 'D0ALICEDM', user: ALICE, text: 'putain de journée', channelType: 'im' }));
    await h.settle();
    expect(ephemerals()).toEqual([]);
    expect(h.sim.callsTo('chat.postMessage')).toEqual([]);
  });

  it('an edit that changes nothing does nothing; an edit that adds a problem is reminded once', async () => {
    const original = messageEvent({ channel: PROJET, user: ALICE, text: 'Voici le lien https://example.com' });
    await h.slack.sendEvent(original);
    await h.slack.sendEvent(messageChangedEvent({ channel: PROJET, user: ALICE, ts: String(original.ts), previousText: 'Voici le lien https://example.com', newText: 'Voici le lien https://example.com', attachments: [{ title: 'Example' }] }));
    await h.settle();
    expect(ephemerals()).toEqual([]);
    await h.slack.sendEvent(messageChangedEvent({ channel: PROJET, user: ALICE, ts: String(original.ts), previousText: 'Voici le lien https://example.com', newText: 'Voici le putain de lien https://example.com' }));
    await h.sim.waitForCalls('chat.postEphemeral', 1);
    await h.settle();
    expect(ephemerals()).toHaveLength(1);
  });

  it('familiar tone is reminded in a channel shared with a client, not in an internal one', async () => {
    await h.slack.sendEvent(messageEvent({ channel: GENERAL, user: ALICE, text: 'mdr ok je regarde' }));
    await h.slack.sendEvent(messageEvent({ channel: CLIENT, user: ALICE, text: 'mdr ok je regarde' }));
    await h.sim.waitForCalls('chat.postEphemeral', 1);
    await h.settle();
    expect(ephemerals().map((c) => c.args.channel)).toEqual([CLIENT]);
  });

  it('private channels are checked too', async () => {
    await h.slack.sendEvent(messageEvent({ channel: PRIVATE, user: ALICE, text: 'putain, le budget' }));
    const [call] = await h.sim.waitForCalls('chat.postEphemeral', 1);
    expect(call?.args.channel).toBe(PRIVATE);
  });

  it('a leaked card: a masked reminder with what to do, a moderator alert, and the number nowhere', async () => {
    await h.slack.sendEvent(messageEvent({ channel: PROJET, user: ALICE, text: `ma carte : ${PLANTED_CARD}` }));
    await h.sim.waitForCalls('chat.postEphemeral', 1);
    await h.sim.waitForCalls('chat.postMessage', 1);
    await h.settle();
    const reminder = textOf(ephemerals()[0]);
    expect(reminder).toContain('7893');
    expect(reminder).toMatch(/[Ss]upprimez/);
    const alert = h.sim.callsTo('chat.postMessage')[0];
    expect(alert?.args.channel).toBe(MODERATION);
    const everything = JSON.stringify(h.sim.calls) + h.logs.join('') + fs.readFileSync(h.database).toString('utf8') + (fs.existsSync(`${h.database}-wal`) ? fs.readFileSync(`${h.database}-wal`).toString('utf8') : '');
    expect(everything).not.toContain(PLANTED_CARD);
    expect(everything).not.toContain(PLANTED_CARD.replace(/ /g, ''));
  });

  it('a leaked token: the reminder says to revoke it, and never repeats it', async () => {
    await h.slack.sendEvent(messageEvent({ channel: PROJET, user: BOB, text: `the bot token is ${PLANTED_TOKEN}` }));
    const [call] = await h.sim.waitForCalls('chat.postEphemeral', 1);
    expect(textOf(call)).toMatch(/revoke|rotate/i);
    expect(textOf(call)).not.toContain(PLANTED_TOKEN);
  });

  it('escapes what users wrote: a mass mention in an excerpt cannot ping anyone', async () => {
    await h.slack.sendEvent(messageEvent({ channel: PROJET, user: ALICE, text: '<!channel> qui a pris mon chargeur ?' }));
    const [call] = await h.sim.waitForCalls('chat.postEphemeral', 1);
    const shown = textOf(call);
    expect(shown).not.toContain('<!channel>');
    expect(shown).toContain('&lt;!channel&gt;');
    expect(call?.args.link_names).toBeUndefined();
    expect(call?.args.parse).toBeUndefined();
  });

  it('links the reminder to the message', async () => {
    const event = messageEvent({ channel: PROJET, user: ALICE, text: 'putain, encore une panne' });
    await h.slack.sendEvent(event);
    const [call] = await h.sim.waitForCalls('chat.postEphemeral', 1);
    expect(textOf(call)).toContain(`/archives/${PROJET}/p${String(event.ts).replace('.', '')}`);
  });
});

describe('delivery', () => {
  it('falls back to a DM when the ephemeral cannot be shown', async () => {
    h.sim.failNext('chat.postEphemeral', { error: 'user_not_in_channel' });
    await h.slack.sendEvent(messageEvent({ channel: PROJET, user: ALICE, text: 'putain, encore une panne' }));
    const [dm] = await h.sim.waitForCalls('chat.postMessage', 1);
    await h.settle();
    const channel = h.sim.dmChannelOf(ALICE);
    expect(dm?.args.channel).toBe(channel);
    expect(textOf(dm)).toMatch(/message privé|en privé/);
    expect(h.sim.messages(channel as string)).toHaveLength(1);
  });

  it('waits as long as Slack asks after a 429, then delivers once', async () => {
    h.sim.failNext('chat.postEphemeral', { rateLimited: 1 });
    await h.slack.sendEvent(messageEvent({ channel: PROJET, user: ALICE, text: 'putain, encore une panne' }));
    await h.sim.waitForCalls('chat.postEphemeral', 2, 5_000);
    await h.settle();
    const calls = ephemerals();
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('retries a 500 and a Slack internal_error', async () => {
    h.sim.failNext('chat.postEphemeral', { status: 500 });
    h.sim.failNext('chat.postEphemeral', { error: 'internal_error' });
    await h.slack.sendEvent(messageEvent({ channel: PROJET, user: ALICE, text: 'putain, encore une panne' }));
    await h.sim.waitForCalls('chat.postEphemeral', 3, 5_000);
    await h.settle();
    expect(ephemerals().map((c) => c.status)).toEqual([500, 200, 200]);
    expect(h.sim.messages(PROJET).filter((m) => m.ephemeralTo === ALICE)).toHaveLength(1);
  });

  it('without a moderation channel, alerts are recorded as undeliverable and reminders still go', async () => {
    await h.stop();
    h = await startHarness({ moderationChannel: null });
    await h.slack.sendEvent(messageEvent({ channel: PROJET, user: ALICE, text: `ma carte : ${PLANTED_CARD}` }));
    await h.sim.waitForCalls('chat.postEphemeral', 1);
    await h.settle();
    const failed = await h.bot.store.listDeliveries({ status: 'failed' }, { limit: 10 });
    expect(failed.items.map((d) => [d.kind, d.lastError])).toEqual([['alert', 'moderation_channel_not_set']]);
  });
});
