import { createHmac } from 'node:crypto';
import {
  appHomeOpenedEvent,
  blockActionPayload,
  botMessageEvent,
  escapeText,
  eventCallback,
  fileShareEvent,
  messageChangedEvent,
  messageDeletedEvent,
  messageEvent,
  nextTs,
  signRequest,
  slashCommandFields,
  teamJoinEvent,
  threadBroadcastEvent,
  verifySignature,
  viewSubmissionPayload,
} from '../../src/simulator';

const TS = /^\d{10}\.\d{6}$/;

describe('payload builders', () => {
  test('timestamps look like Slack and strictly increase', () => {
    const values = Array.from({ length: 50 }, () => nextTs());
    for (const value of values) expect(value).toMatch(TS);
    for (let i = 1; i < values.length; i += 1) expect(Number(values[i])).toBeGreaterThan(Number(values[i - 1]));
  });

  test('messageEvent: a person’s message with client_msg_id, team, rich-text blocks', () => {
    const event = messageEvent({ channel: 'C1', user: 'U1', text: 'hi <@U2> &amp; <!here> <https://x.fr|x>' });
    expect(Object.keys(event).sort()).toEqual(
      ['blocks', 'channel', 'channel_type', 'client_msg_id', 'event_ts', 'team', 'text', 'ts', 'type', 'user'].sort(),
    );
    expect(event).toMatchObject({ type: 'message', channel: 'C1', user: 'U1', team: 'T0CHARTER', channel_type: 'channel' });
    expect(event['event_ts']).toBe(event['ts']);
    expect(event['blocks']).toEqual([
      {
        type: 'rich_text',
        block_id: expect.any(String),
        elements: [
          {
            type: 'rich_text_section',
            elements: [
              { type: 'text', text: 'hi ' },
              { type: 'user', user_id: 'U2' },
              { type: 'text', text: ' & ' },
              { type: 'broadcast', range: 'here' },
              { type: 'text', text: ' ' },
              { type: 'link', url: 'https://x.fr', text: 'x' },
            ],
          },
        ],
      },
    ]);
    expect(messageEvent({ channel: 'D1', user: 'U1', text: 'x' })['channel_type']).toBe('im');
    expect(messageEvent({ channel: 'C1', user: 'U1', text: 'x', channelType: 'group' })['channel_type']).toBe('group');
    const reply = messageEvent({ channel: 'C1', user: 'U1', text: 'x', threadTs: '1.000001', parentUserId: 'U9' });
    expect(reply).toMatchObject({ thread_ts: '1.000001', parent_user_id: 'U9' });
    const fromApp = messageEvent({ channel: 'C1', user: 'U0OTHER', text: 'x', botId: 'B9' });
    expect(fromApp).toMatchObject({ bot_id: 'B9', bot_profile: { id: 'B9' } });
    expect(fromApp['client_msg_id']).toBeUndefined();
    expect(escapeText('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
  });

  test('messageChangedEvent nests message and previous_message, hidden, without a top-level user', () => {
    const event = messageChangedEvent({ channel: 'C1', ts: '1732790400.000100', user: 'U1', previousText: 'old', newText: 'new' });
    expect(event).toMatchObject({
      type: 'message',
      subtype: 'message_changed',
      hidden: true,
      channel: 'C1',
      channel_type: 'channel',
      message: { type: 'message', text: 'new', user: 'U1', ts: '1732790400.000100', team: 'T0CHARTER', edited: { user: 'U1' } },
      previous_message: { type: 'message', text: 'old', user: 'U1', ts: '1732790400.000100' },
    });
    expect(event['user']).toBeUndefined();
    expect(event['ts']).not.toBe('1732790400.000100');
    expect(event['event_ts']).toBe(event['ts']);
    // An unfurl: same text, attachments added, no `edited`.
    const unfurl = messageChangedEvent({ channel: 'C1', ts: '1.000001', user: 'U1', previousText: 'a', newText: 'a', attachments: [{ id: 1 }] });
    expect(unfurl['message']).toMatchObject({ attachments: [{ id: 1 }] });
    expect((unfurl['message'] as Record<string, unknown>)['edited']).toBeUndefined();
  });

  test('messageDeletedEvent, threadBroadcastEvent, fileShareEvent, botMessageEvent', () => {
    expect(messageDeletedEvent({ channel: 'C1', ts: '1.000001', user: 'U1', previousText: 'bye' })).toMatchObject({
      subtype: 'message_deleted',
      hidden: true,
      deleted_ts: '1.000001',
      previous_message: { text: 'bye', user: 'U1', ts: '1.000001' },
    });
    const broadcast = threadBroadcastEvent({ channel: 'C1', user: 'U1', text: 'also', threadTs: '1.000001', rootText: 'root' });
    expect(broadcast).toMatchObject({
      subtype: 'thread_broadcast',
      thread_ts: '1.000001',
      root: { ts: '1.000001', thread_ts: '1.000001', text: 'root', reply_users: ['U1'] },
    });
    const share = fileShareEvent({ channel: 'C1', user: 'U1', text: 'voir pièce jointe', files: [{ name: 'paie.xlsx' }] });
    expect(share).toMatchObject({ subtype: 'file_share', text: 'voir pièce jointe', upload: false, display_as_bot: false });
    expect((share['files'] as unknown[])[0]).toMatchObject({
      id: expect.stringMatching(/^F/),
      name: 'paie.xlsx',
      filetype: 'xlsx',
      user: 'U1',
      url_private: expect.stringContaining('/paie.xlsx'),
    });
    const bot = botMessageEvent({ channel: 'C1', text: 'deploy done', botId: 'B7', username: 'ci' });
    expect(bot).toMatchObject({ type: 'message', subtype: 'bot_message', bot_id: 'B7', username: 'ci' });
    expect(bot['user']).toBeUndefined();
  });

  test('appHomeOpenedEvent and teamJoinEvent', () => {
    expect(appHomeOpenedEvent('U123')).toMatchObject({ type: 'app_home_opened', user: 'U123', channel: 'D123', tab: 'home' });
    expect(teamJoinEvent({ id: 'U5', name: 'eve', realName: 'Eve Durand', locale: 'fr-FR' })).toMatchObject({
      type: 'team_join',
      user: { id: 'U5', name: 'eve', real_name: 'Eve Durand', team_id: 'T0CHARTER', is_bot: false, profile: { first_name: 'Eve', last_name: 'Durand' } },
    });
  });

  test('eventCallback wraps an event as Slack does', () => {
    const envelope = eventCallback(appHomeOpenedEvent('U1'), { eventId: 'Ev1' });
    expect(envelope).toMatchObject({
      token: expect.any(String),
      team_id: 'T0CHARTER',
      api_app_id: 'A0CHARTER',
      type: 'event_callback',
      event_id: 'Ev1',
      event_time: expect.any(Number),
      authorizations: [{ team_id: 'T0CHARTER', user_id: 'U0CHARTERBOT', is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
      event: { type: 'app_home_opened' },
    });
  });

  test('blockActionPayload: message buttons (ephemeral without the message), App Home buttons', () => {
    const fromEphemeral = blockActionPayload({
      user: 'U1',
      actionId: 'charter_got_it',
      value: '4,5',
      channel: 'C1',
      messageTs: '1.000001',
      responseUrl: 'http://sim/response/1',
      triggerId: 't1',
    });
    expect(fromEphemeral).toMatchObject({
      type: 'block_actions',
      user: { id: 'U1', username: 'u1', name: 'u1', team_id: 'T0CHARTER' },
      team: { id: 'T0CHARTER' },
      api_app_id: 'A0CHARTER',
      token: expect.any(String),
      container: { type: 'message', message_ts: '1.000001', channel_id: 'C1', is_ephemeral: true },
      trigger_id: 't1',
      channel: { id: 'C1' },
      response_url: 'http://sim/response/1',
      actions: [{ action_id: 'charter_got_it', block_id: expect.any(String), value: '4,5', type: 'button', action_ts: expect.stringMatching(TS) }],
    });
    expect(fromEphemeral['message']).toBeUndefined();
    const withMessage = blockActionPayload({ user: 'U1', actionId: 'a', value: 'v', channel: 'C1', messageTs: '1.000001', message: { ts: '1.000001', text: 'hi' } });
    expect(withMessage['container']).toMatchObject({ is_ephemeral: false });
    const fromHome = blockActionPayload({ user: 'U1', actionId: 'a', value: 'v', view: { id: 'V1', type: 'home' } });
    expect(fromHome).toMatchObject({ container: { type: 'view', view_id: 'V1' }, view: { id: 'V1' } });
    expect(fromHome['response_url']).toBeUndefined();
  });

  test('viewSubmissionPayload and slashCommandFields', () => {
    const submission = viewSubmissionPayload({ user: 'U1', callbackId: 'charter_article', values: { b: { a: 'typed' } }, privateMetadata: '42' });
    expect(submission).toMatchObject({
      type: 'view_submission',
      view: { type: 'modal', callback_id: 'charter_article', private_metadata: '42', state: { values: { b: { a: { type: 'plain_text_input', value: 'typed' } } } } },
      response_urls: [],
    });
    expect(slashCommandFields({ user: 'U1', channel: 'C1', text: 'help', responseUrl: 'http://r', triggerId: 't' })).toEqual({
      token: expect.any(String),
      team_id: 'T0CHARTER',
      team_domain: 'charter-demo',
      channel_id: 'C1',
      channel_name: 'c1',
      user_id: 'U1',
      user_name: 'u1',
      command: '/charter',
      text: 'help',
      api_app_id: 'A0CHARTER',
      is_enterprise_install: 'false',
      response_url: 'http://r',
      trigger_id: 't',
    });
  });
});

describe('signing', () => {
  test('signRequest matches an independent HMAC-SHA256 of v0:timestamp:body', () => {
    const body = '{"type":"event_callback"}';
    const headers = signRequest('s3cret', body, 1732790400);
    const expected = `v0=${createHmac('sha256', 's3cret').update(`v0:1732790400:${body}`).digest('hex')}`;
    expect(headers).toEqual({ 'x-slack-request-timestamp': '1732790400', 'x-slack-signature': expected });
  });

  test('verifySignature refuses stale, forged and missing signatures', () => {
    const body = 'payload=%7B%7D';
    const now = 1732790400;
    const { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature } = signRequest('s', body, now);
    expect(verifySignature('s', { timestamp, signature }, body, { now })).toBe('ok');
    expect(verifySignature('s', { timestamp, signature }, body, { now: now + 301 })).toBe('stale');
    expect(verifySignature('other', { timestamp, signature }, body, { now })).toBe('mismatch');
    expect(verifySignature('s', { timestamp, signature }, `${body}x`, { now })).toBe('mismatch');
    expect(verifySignature('s', { timestamp: undefined, signature }, body, { now })).toBe('missing');
  });
});
