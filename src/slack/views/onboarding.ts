/**
 * The welcome DM: what the charter is, what the bot does (private reminders only, never DMs),
 * the acknowledgement button and the `/charter` hint. Pure.
 */
import type { KnownBlock } from '@slack/types';
import type { Lang } from '../../engine/types';
import type { Charter } from '../../ruleset/charter';
import { ACTION } from '../ids';
import { t } from '../i18n';
import { escapeText } from '../mrkdwn';
import { button, context, section } from './blocks';

/** The welcome message, with the "I have read the charter" button for `charterVersion`. */
export function onboardingMessage(charter: Charter, lang: Lang, charterVersion: string): { text: string; blocks: KnownBlock[] } {
  const title = charter.texts[lang].title;
  return {
    text: t(lang, 'onboarding.text'),
    blocks: [
      section(t(lang, 'onboarding.hello')),
      section(`*${escapeText(title)}*\n${t(lang, 'onboarding.how')}`),
      section(t(lang, 'onboarding.ack'), button(t(lang, 'home.ack.button'), ACTION.acknowledge, charterVersion, 'primary')),
      context(t(lang, 'onboarding.hint')),
    ],
  };
}
