import { ErrorCode, LogLevel, WebClient, type WebAPIHTTPError, type WebAPIPlatformError, type WebAPIRateLimitedError } from '@slack/web-api';
import { SlackSimulator } from '../../src/simulator';

const ALICE = 'U0ALICE';
const BOB = 'U0BOB';
const GENERAL = 'C0GENERAL';
const RANDOM = 'C0RANDOM';
const SECRET = 'C0SECRET';

let sim: SlackSimulator;
let client: WebClient;

beforeEach(async () => {
  sim = await SlackSimulator.start();
  sim.addUser({ id: ALICE, name: 'alice', realName: 'Alice Martin', locale: 'fr-FR' });
  sim.addUser({ id: BOB, name: 'bob', locale: 'en-US' });
  sim.addChannel({ id: GENERAL, name: 'general', members: [ALICE, sim.botUserId] });
  sim.addChannel({ id: RANDOM, name: 'random', members: [ALICE, BOB] });
  sim.addChannel({ id: SECRET, name: 'secret', isPrivate: true, members: [ALICE] });
  client = new WebClient(sim.botToken, { slackApiUrl: sim.apiUrl, logLevel: LogLevel.ERROR, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
});

afterEach(async () => {
  await sim.stop();
});

/** Runs a call expected to fail and returns the error. */
async function failure<T>(call: Promise<unknown>): Promise<T> {
  try {
    await call;
  } catch (error) {
    return error as T;
  }
  throw new Error('expected the call to fail');
}

describe('SlackSimulator Web API', () => {
  test('listens on 127.0.0.1 with the api URL @slack/web-api expects', () => {
    expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.apiUrl).toBe(`${sim.baseUrl}/api/`);
    expect(sim.teamId).toBe('T0CHARTER');
    expect(sim.botUserId).toBe('U0CHARTERBOT');
    expect(sim.botToken).toMatch(/^xoxb-simulator-/);
  });

  test('auth.test answers the bot identity and is recorded', async () => {
    const result = await client.auth.test();
    expect(result).toMatchObject({
      ok: true,
      team_id: 'T0CHARTER',
      user_id: 'U0CHARTERBOT',
      bot_id: 'B0CHARTERBOT',
      is_enterprise_install: false,
    });
    expect(sim.callsTo('auth.test')).toHaveLength(1);
    expect(sim.calls[0]).toMatchObject({ method: 'auth.test', status: 200, response: { ok: true } });
  });

  test('a wrong token is invalid_auth, no token is not_authed', async () => {
    const wrong = new WebClient('xoxb-wrong', { slackApiUrl: sim.apiUrl, logLevel: LogLevel.ERROR, retryConfig: { retries: 0 } });
    const error = await failure<WebAPIPlatformError>(wrong.auth.test());
    expect(error.code).toBe(ErrorCode.PlatformError);
    expect(error.data.error).toBe('invalid_auth');
    const anonymous = new WebClient(undefined, { slackApiUrl: sim.apiUrl, logLevel: LogLevel.ERROR, retryConfig: { retries: 0 } });
    expect((await failure<WebAPIPlatformError>(anonymous.auth.test())).data.error).toBe('not_authed');
  });

  test('users.info gives the locale only with include_locale; unknown users are user_not_found', async () => {
    const withLocale = await client.users.info({ user: ALICE, include_locale: true });
    expect(withLocale.user).toMatchObject({ id: ALICE, name: 'alice', real_name: 'Alice Martin', is_bot: false, deleted: false, locale: 'fr-FR' });
    expect(withLocale.user?.profile).toMatchObject({ real_name: 'Alice Martin', display_name: 'alice' });
    const without = await client.users.info({ user: BOB });
    expect(without.user?.locale).toBeUndefined();
    const bot = await client.users.info({ user: sim.botUserId });
    expect(bot.user).toMatchObject({ is_bot: true, profile: { bot_id: 'B0CHARTERBOT' } });
    expect((await failure<WebAPIPlatformError>(client.users.info({ user: 'U0NOBODY' }))).data.error).toBe('user_not_found');
    // Form bodies carry booleans as strings: recorded as sent.
    expect(sim.callsTo('users.info')[0]?.args).toEqual({ user: ALICE, include_locale: 'true' });
  });

  test('conversations.info describes channels the bot can see', async () => {
    const info = await client.conversations.info({ channel: GENERAL });
    expect(info.channel).toMatchObject({
      id: GENERAL,
      name: 'general',
      is_channel: true,
      is_group: false,
      is_im: false,
      is_private: false,
      is_ext_shared: false,
      is_shared: false,
      is_org_shared: false,
      is_member: true,
    });
    expect((await client.conversations.info({ channel: RANDOM })).channel?.is_member).toBe(false);
    // A private channel the bot is not in is invisible to it, as in Slack.
    expect((await failure<WebAPIPlatformError>(client.conversations.info({ channel: SECRET }))).data.error).toBe('channel_not_found');
    expect((await failure<WebAPIPlatformError>(client.conversations.info({ channel: 'C0NOPE' }))).data.error).toBe('channel_not_found');
  });

  test('chat.postEphemeral errors follow channel membership', async () => {
    const ok = await client.chat.postEphemeral({ channel: GENERAL, user: ALICE, text: 'Rappel de la charte' });
    expect(ok.message_ts).toMatch(/^\d{10}\.\d{6}$/);
    const notInChannel = await failure<WebAPIPlatformError>(client.chat.postEphemeral({ channel: RANDOM, user: ALICE, text: 'x' }));
    expect(notInChannel.data.error).toBe('not_in_channel');
    const userNotIn = await failure<WebAPIPlatformError>(client.chat.postEphemeral({ channel: GENERAL, user: BOB, text: 'x' }));
    expect(userNotIn.data.error).toBe('user_not_in_channel');
    const unknown = await failure<WebAPIPlatformError>(client.chat.postEphemeral({ channel: 'C0NOPE', user: ALICE, text: 'x' }));
    expect(unknown.data.error).toBe('channel_not_found');

    expect(sim.messages(GENERAL)).toEqual([
      { ts: ok.message_ts, channel: GENERAL, user: sim.botUserId, botId: 'B0CHARTERBOT', text: 'Rappel de la charte', ephemeralTo: ALICE },
    ]);
    expect(sim.callsTo('chat.postEphemeral').map((call) => (call.response as { error?: string }).error)).toEqual([
      undefined,
      'not_in_channel',
      'user_not_in_channel',
      'channel_not_found',
    ]);
  });

  test('a rate limit surfaces as slack_webapi_rate_limited_error with retryAfter, then calls succeed again', async () => {
    sim.failNext('chat.postMessage', { rateLimited: 7 });
    const error = await failure<WebAPIRateLimitedError>(client.chat.postMessage({ channel: GENERAL, text: 'hello' }));
    expect(error.code).toBe(ErrorCode.RateLimitedError);
    expect(error.code).toBe('slack_webapi_rate_limited_error');
    expect(error.retryAfter).toBe(7);
    expect(sim.callsTo('chat.postMessage')[0]).toMatchObject({ status: 429, response: { ok: false, error: 'ratelimited' } });
    expect(sim.messages(GENERAL)).toEqual([]);
    await client.chat.postMessage({ channel: GENERAL, text: 'hello' });
    expect(sim.messages(GENERAL)).toHaveLength(1);
  });

  test('injected Slack errors and HTTP errors, for the given number of calls', async () => {
    sim.failNext('users.info', { error: 'fatal_error' }, 2);
    for (let i = 0; i < 2; i += 1) {
      const error = await failure<WebAPIPlatformError>(client.users.info({ user: ALICE }));
      expect(error.code).toBe(ErrorCode.PlatformError);
      expect(error.data).toMatchObject({ ok: false, error: 'fatal_error' });
    }
    await expect(client.users.info({ user: ALICE })).resolves.toMatchObject({ ok: true });

    sim.failNext('*', { status: 503 });
    const http = await failure<WebAPIHTTPError>(client.auth.test());
    expect(http.code).toBe(ErrorCode.HTTPError);
    expect(http.statusCode).toBe(503);
    expect(sim.callsTo('auth.test')[0]).toMatchObject({ status: 503 });
  });

  test('a hanging call never answers until the client gives up', async () => {
    sim.failNext('chat.postMessage', { hang: true });
    const impatient = new WebClient(sim.botToken, { slackApiUrl: sim.apiUrl, logLevel: LogLevel.ERROR, retryConfig: { retries: 0 }, timeout: 150 });
    const error = await failure<{ code: string }>(impatient.chat.postMessage({ channel: GENERAL, text: 'hello' }));
    expect(error.code).toBe(ErrorCode.RequestError);
    expect(sim.callsTo('chat.postMessage')[0]).toMatchObject({ status: 0, response: undefined });
    expect(sim.messages(GENERAL)).toEqual([]);
  });

  test('stop() drops a hanging call, which then fails on the client side', async () => {
    sim.failNext('auth.test', { hang: true });
    const pending = failure<{ code: string }>(client.auth.test());
    await sim.waitForCalls('auth.test', 1);
    await sim.stop();
    expect((await pending).code).toBe(ErrorCode.RequestError);
    await sim.stop(); // idempotent
  });

  test('conversations.open then chat.postMessage lands in the DM', async () => {
    const opened = await client.conversations.open({ users: ALICE });
    const dm = opened.channel?.id ?? '';
    expect(dm).toMatch(/^D/);
    expect(sim.dmChannelOf(ALICE)).toBe(dm);
    expect((await client.conversations.open({ users: ALICE })).already_open).toBe(true);
    const posted = await client.chat.postMessage({ channel: dm, text: 'Votre rappel' });
    expect(posted).toMatchObject({ channel: dm, message: { user: sim.botUserId, bot_id: 'B0CHARTERBOT', text: 'Votre rappel' } });
    expect(sim.messages(dm)).toEqual([{ ts: posted.ts, channel: dm, user: sim.botUserId, botId: 'B0CHARTERBOT', text: 'Votre rappel' }]);
    expect((await client.conversations.info({ channel: dm })).channel).toMatchObject({ id: dm, is_im: true, user: ALICE });
    expect(sim.dmChannelOf(BOB)).toBeUndefined();
  });

  test('blocks sent form-encoded are recorded as arrays', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'Merci de *reformuler*' } }];
    await client.chat.postMessage({ channel: GENERAL, text: 'fallback', blocks });
    const [call] = sim.callsTo('chat.postMessage');
    expect(Array.isArray(call?.args['blocks'])).toBe(true);
    expect(call?.args['blocks']).toEqual(blocks);
    expect(sim.messages(GENERAL)[0]?.blocks).toEqual(blocks);
    // Slack refuses invalid blocks and empty messages.
    expect((await failure<WebAPIPlatformError>(client.chat.postMessage({ channel: GENERAL, text: 'x', blocks: [{} as never] }))).data.error).toBe(
      'invalid_blocks',
    );
    expect((await failure<WebAPIPlatformError>(client.chat.postMessage({ channel: GENERAL, text: '' }))).data.error).toBe('no_text');
  });

  test('JSON bodies are accepted too', async () => {
    const response = await fetch(`${sim.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${sim.botToken}` },
      body: JSON.stringify({ channel: GENERAL, text: 'json', blocks: [{ type: 'divider' }] }),
    });
    expect(await response.json()).toMatchObject({ ok: true, channel: GENERAL });
    expect(sim.callsTo('chat.postMessage')[0]?.args).toEqual({ channel: GENERAL, text: 'json', blocks: [{ type: 'divider' }] });
    const unknown = await fetch(`${sim.apiUrl}chat.flyToTheMoon`, { method: 'POST', headers: { authorization: `Bearer ${sim.botToken}` } });
    expect(await unknown.json()).toEqual({ ok: false, error: 'unknown_method' });
  });

  test('chat.update and chat.delete act on the bot messages only', async () => {
    const posted = await client.chat.postMessage({ channel: GENERAL, text: 'v1' });
    await client.chat.update({ channel: GENERAL, ts: posted.ts ?? '', text: 'v2' });
    expect(sim.messages(GENERAL)[0]).toMatchObject({ text: 'v2', updatedAt: expect.any(Number) });
    await client.chat.delete({ channel: GENERAL, ts: posted.ts ?? '' });
    expect(sim.messages(GENERAL)[0]).toMatchObject({ deleted: true });
    const missing = await failure<WebAPIPlatformError>(client.chat.delete({ channel: GENERAL, ts: '1.000001' }));
    expect(missing.data.error).toBe('message_not_found');
  });

  test('chat.getPermalink builds workspace links', async () => {
    const posted = await client.chat.postMessage({ channel: GENERAL, text: 'root' });
    const reply = await client.chat.postMessage({ channel: GENERAL, text: 'reply', thread_ts: posted.ts ?? '' });
    const link = await client.chat.getPermalink({ channel: GENERAL, message_ts: posted.ts ?? '' });
    expect(link.permalink).toBe(`https://charter-demo.slack.com/archives/${GENERAL}/p${(posted.ts ?? '').replace('.', '')}`);
    const replyLink = await client.chat.getPermalink({ channel: GENERAL, message_ts: reply.ts ?? '' });
    expect(replyLink.permalink).toBe(
      `https://charter-demo.slack.com/archives/${GENERAL}/p${(reply.ts ?? '').replace('.', '')}?thread_ts=${posted.ts}&cid=${GENERAL}`,
    );
  });

  test('views.publish and views.open are kept per user and in order', async () => {
    const home = { type: 'home' as const, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Charte' } }] };
    const first = await client.views.publish({ user_id: ALICE, view: home });
    const second = await client.views.publish({ user_id: ALICE, view: home });
    expect(first.view?.id).toBe(second.view?.id);
    expect(sim.publishedViews(ALICE)).toEqual([home, home]);
    expect(sim.publishedViews(BOB)).toEqual([]);
    const modal = { type: 'modal' as const, callback_id: 'charter_article', title: { type: 'plain_text' as const, text: 'Article' }, blocks: [] };
    const opened = await client.views.open({ trigger_id: '1.2.3', view: modal });
    expect(sim.openedViews()).toEqual([modal]);
    await client.views.update({ view_id: opened.view?.id ?? '', view: { ...modal, blocks: [{ type: 'divider' }] } });
    expect((await failure<WebAPIPlatformError>(client.views.update({ view_id: 'V0NOPE', view: modal }))).data.error).toBe('not_found');
  });

  test('usergroups.users.list answers the members of a group', async () => {
    sim.addUserGroup({ id: 'S0MODS', users: [ALICE] });
    expect((await client.usergroups.users.list({ usergroup: 'S0MODS' })).users).toEqual([ALICE]);
    expect((await failure<WebAPIPlatformError>(client.usergroups.users.list({ usergroup: 'S0NOPE' }))).data.error).toBe('no_such_subteam');
  });

  test('response URLs record posts and, when bound, act on the original message', async () => {
    const ephemeral = await client.chat.postEphemeral({ channel: GENERAL, user: ALICE, text: 'Rappel' });
    const url = sim.responseUrl('r1', { channel: GENERAL, messageTs: ephemeral.message_ts ?? '', user: ALICE });
    expect(url).toBe(`${sim.baseUrl}/response/r1`);
    const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ delete_original: true }) });
    expect(answer.status).toBe(200);
    expect(sim.responses()).toEqual([{ id: 'r1', body: { delete_original: true }, at: expect.any(Number), deleteOriginal: true }]);
    expect(sim.messages(GENERAL)[0]).toMatchObject({ ephemeralTo: ALICE, deleted: true });

    const unbound = sim.responseUrl('r2');
    await fetch(unbound, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'ok', replace_original: true }) });
    expect(sim.responses()[1]).toMatchObject({ id: 'r2', replaceOriginal: true, body: { text: 'ok' } });
  });

  test('waitForCalls resolves when enough calls arrived and rejects clearly after the timeout', async () => {
    const waiting = sim.waitForCalls('chat.postMessage', 2);
    await client.chat.postMessage({ channel: GENERAL, text: 'one' });
    await client.chat.postMessage({ channel: GENERAL, text: 'two' });
    expect(await waiting).toHaveLength(2);
    await expect(sim.waitForCalls('chat.postEphemeral', 1, 30)).rejects.toThrow(
      /waited 30 ms for 1 call\(s\) to chat\.postEphemeral, got 0\. Calls received: chat\.postMessage ×2\./,
    );
  });
});
