import type { Button, KnownBlock } from '@slack/types';
import { t } from '../../../src/slack/i18n';
import { ACTION } from '../../../src/slack/ids';
import {
  acknowledged,
  mistakeAlreadyRecorded,
  mistakeRecorded,
  mistakeUnknown,
  notAllowed,
  onboardingMessage,
} from '../../../src/slack/views';
import { unsafeMarkup, validateBlocks } from './block-limits';
import { emojiCount, foreignIn, realCharter, rendered } from './fixtures';

const charter = realCharter();

describe.each(['fr', 'en'] as const)('onboardingMessage (%s)', (lang) => {
  const message = onboardingMessage(charter, lang, '2026-11');

  it('welcomes, explains and offers the acknowledgement', () => {
    const text = rendered(message.blocks);
    expect(text).toContain(charter.texts[lang].title);
    expect(text).toContain(lang === 'fr' ? 'rappel privé' : 'private reminder');
    expect(text).toContain(lang === 'fr' ? 'Je ne lis pas vos messages directs' : 'I do not read your direct messages');
    expect(text).toContain('`/charter`');
    const ack = message.blocks
      .flatMap((block: KnownBlock) => (block.type === 'section' && block.accessory?.type === 'button' ? [block.accessory as Button] : []))
      .find((b) => b.action_id === ACTION.acknowledge);
    expect(ack?.value).toBe('2026-11');
    expect(ack?.text.text).toBe(t(lang, 'home.ack.button'));
    expect(message.text).toBe(t(lang, 'onboarding.text'));
  });

  it('is short, valid and speaks one language', () => {
    expect(message.blocks.length).toBeLessThanOrEqual(5);
    expect(validateBlocks(message.blocks)).toEqual([]);
    expect(unsafeMarkup(message)).toEqual([]);
    expect(foreignIn(message, lang)).toEqual([]);
    expect(emojiCount(message.blocks)).toBe(1);
  });
});

describe.each(['fr', 'en'] as const)('feedback (%s)', (lang) => {
  it.each([
    ['mistakeRecorded', mistakeRecorded(lang), 'feedback.mistakeRecorded'],
    ['mistakeAlreadyRecorded', mistakeAlreadyRecorded(lang), 'feedback.mistakeAlready'],
    ['mistakeUnknown', mistakeUnknown(lang), 'feedback.mistakeUnknown'],
    ['notAllowed', notAllowed(lang), 'feedback.notAllowed'],
  ] as const)('%s', (_name, response, key) => {
    expect(response.text).toBe(t(lang, key));
    expect(validateBlocks(response.blocks ?? [])).toEqual([]);
    expect(foreignIn(response, lang)).toEqual([]);
  });

  it('confirms the acknowledgement with its date', () => {
    const at = Date.UTC(2026, 10, 28, 23, 30);
    expect(acknowledged(lang, at).text).toContain(lang === 'fr' ? 'le 28/11/2026' : 'on 28 Nov 2026');
    expect(acknowledged(lang, at, 'Europe/Paris').text).toContain(lang === 'fr' ? 'le 29/11/2026' : 'on 29 Nov 2026');
  });

  it('thanks without blame', () => {
    expect(mistakeRecorded(lang).text).toContain(lang === 'fr' ? 'jamais retenu contre vous' : 'never be held against you');
    expect(mistakeUnknown(lang).text).toContain(lang === 'fr' ? 'expiré' : 'expired');
  });
});
