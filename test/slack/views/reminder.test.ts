import type { Button, KnownBlock } from '@slack/types';
import type { Lang } from '../../../src/engine/types';
import { t } from '../../../src/slack/i18n';
import { ACTION, parseFlagIds } from '../../../src/slack/ids';
import { reminderMessage } from '../../../src/slack/views';
import { unsafeMarkup, validateBlocks } from './block-limits';
import { delivery, emojiCount, finding, foreignIn, leak, realCharter, rendered } from './fixtures';

const charter = realCharter();
const LANGS: Lang[] = ['fr', 'en'];

/** Every button of a message, wherever it sits. */
function buttons(blocks: KnownBlock[]): Button[] {
  const found: Button[] = [];
  for (const block of blocks) {
    if (block.type === 'section' && block.accessory?.type === 'button') found.push(block.accessory);
    if (block.type === 'actions') for (const element of block.elements) if (element.type === 'button') found.push(element);
  }
  return found;
}

describe.each(LANGS)('reminderMessage (%s)', (lang) => {
  const message = reminderMessage(delivery(lang), charter);

  it('speaks the reader’s language only', () => {
    const text = rendered(message);
    expect(text).toContain(t(lang, 'reminder.header'));
    expect(text).toContain(t(lang, 'reminder.gotIt'));
    expect(text).toContain(t(lang, 'reminder.mistake'));
    expect(text).toContain(t(lang, 'reminder.onlyYou'));
    expect(text).toContain(charter.article('courtesy-language', lang)?.title.replace(/^2\.1 /, '') ?? '?');
    expect(foreignIn(message, lang)).toEqual([]);
    const other: Lang = lang === 'fr' ? 'en' : 'fr';
    expect(text).not.toContain(charter.article('courtesy-language', other)?.title.replace(/^2\.1 /, '') ?? '?');
  });

  it('cites the article with the explanation in that language and links the message', () => {
    const text = rendered(message.blocks);
    expect(text).toContain(`Article 2.1 — ${lang === 'fr' ? 'Langage' : 'Language'}`);
    expect(text).toContain(finding().explanation[lang]);
    expect(text).toContain(`<https://acme.slack.com/archives/C0GENERAL/p1764322200000100|${t(lang, 'common.viewMessage')}>`);
    expect(text).toContain('<#C0GENERAL>');
    expect(text).toContain('`merde`');
  });

  it('carries the right action ids and values', () => {
    const all = buttons(message.blocks);
    const read = all.filter((b) => b.action_id === ACTION.readArticle);
    expect(read.map((b) => b.value)).toEqual(['courtesy-language']);
    const gotIt = all.find((b) => b.action_id === ACTION.gotIt);
    const mistake = all.find((b) => b.action_id === ACTION.reportMistake);
    expect(gotIt?.style).toBe('primary');
    expect(gotIt?.text.text).toBe(t(lang, 'reminder.gotIt'));
    expect(mistake?.text.text).toBe(t(lang, 'reminder.mistake'));
    expect(parseFlagIds(gotIt?.value)).toEqual([41, 42]);
    expect(parseFlagIds(mistake?.value)).toEqual([41, 42]);
    expect(mistake?.style).toBeUndefined();
    expect(message.blocks.filter((block) => block.type === 'actions')).toHaveLength(1);
  });

  it('is valid Block Kit, short, with one emoji', () => {
    expect(validateBlocks(message.blocks)).toEqual([]);
    expect(unsafeMarkup(message)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(8);
    expect(emojiCount(message.blocks)).toBe(1);
    expect(message.text.length).toBeLessThan(200);
    expect(message.text).not.toContain('merde');
  });

  it('escapes the excerpt and the explanation', () => {
    const hostile = reminderMessage(
      delivery(lang, {
        findings: [
          finding({
            flagRule: 'mass-mention',
            category: 'mass-mention',
            article: 'channels-mentions',
            excerpt: '<!everyone> & <@U123>',
            explanation: { fr: 'Évitez <!channel> & co', en: 'Avoid <!channel> & co' },
          }),
        ],
      }),
      charter,
    );
    const text = rendered(hostile);
    expect(text).toContain('`&lt;!everyone&gt; &amp; &lt;@U123&gt;`');
    expect(text).toContain('&lt;!channel&gt; &amp; co');
    expect(unsafeMarkup(hostile)).toEqual([]);
    expect(text).not.toContain('<!');
    expect(text).not.toContain('<@U123>');
  });

  it('offers one "read" button per distinct article, at most two, each in its own block', () => {
    const many = reminderMessage(
      delivery(lang, {
        findings: [
          finding(),
          finding({ flagRule: 'profanity-severe' }),
          finding({ flagRule: 'insult', category: 'insult', article: 'courtesy-respect' }),
          finding({ flagRule: 'familiar-tone', category: 'familiar-tone', article: 'tone-register' }),
        ],
      }),
      charter,
    );
    const read = buttons(many.blocks).filter((b) => b.action_id === ACTION.readArticle);
    expect(read.map((b) => b.value)).toEqual(['courtesy-language', 'courtesy-respect']);
    expect(read.map((b) => b.text.text)).toEqual([
      t(lang, 'reminder.readArticle', { number: '2.1' }),
      t(lang, 'reminder.readArticle', { number: '2.2' }),
    ]);
    expect(validateBlocks(many.blocks)).toEqual([]);
  });

  it('stays within Slack’s limits with many long findings', () => {
    const long = 'Très long. '.repeat(600);
    const findings = Array.from({ length: 14 }, (_, i) =>
      finding({ flagRule: `rule-${i}`, excerpt: `<x>${'&'.repeat(100)}`, explanation: { fr: long, en: long } }),
    );
    const message2 = reminderMessage(delivery(lang, { findings }), charter);
    expect(validateBlocks(message2.blocks)).toEqual([]);
    expect(unsafeMarkup(message2)).toEqual([]);
    expect(rendered(message2.blocks)).toContain(lang === 'fr' ? 'Et 9 autres points' : 'And 9 more points');
  });

  it('says why it arrives as a DM in the DM variant', () => {
    const dm = reminderMessage(delivery(lang), charter, { via: 'dm' });
    const text = rendered(dm);
    expect(text).toContain(t(lang, 'reminder.viaDm'));
    expect(text).not.toContain(t(lang, 'reminder.onlyYou'));
    expect(text).toContain(
      lang === 'fr'
        ? 'Ce message vous est adressé en privé parce que le rappel n’a pas pu s’afficher dans le canal.'
        : 'the reminder could not be shown in the channel',
    );
  });

  it('does without a permalink, and never links an unsafe one', () => {
    const withoutLink = delivery(lang);
    delete withoutLink.payload.permalink;
    const none = reminderMessage(withoutLink, charter);
    expect(rendered(none)).not.toContain(t(lang, 'common.viewMessage') + '>');
    const evil = reminderMessage(delivery(lang, { permalink: 'javascript:alert(1)|<!everyone>' }), charter);
    expect(unsafeMarkup(evil)).toEqual([]);
    expect(rendered(evil)).not.toContain('javascript:');
  });

  it('falls back to the escaped channel name when the id is not a Slack id', () => {
    const odd = reminderMessage(delivery(lang, { channel: 'not-an-id', channelName: '<!here>' }), charter);
    expect(rendered(odd)).toContain('#&lt;!here&gt;');
    expect(unsafeMarkup(odd)).toEqual([]);
  });
});

describe.each(LANGS)('data-leak reminders (%s)', (lang) => {
  const cases = [
    ['password', 'mdp : ••••••••', 'confidentiality-secrets', ['advice.delete', 'advice.password']],
    ['secret', 'xoxb-••••-••••-••••', 'confidentiality-secrets', ['advice.delete', 'advice.secret']],
    ['payment-card', '•••• •••• •••• 7893', 'confidentiality-payment', ['advice.delete', 'advice.tellSecurity']],
    ['bank-account', 'FR76 •••• •••• •••• •••• ••• 89', 'confidentiality-payment', ['advice.delete', 'advice.tellSecurity']],
    ['national-id', '• •• •• •• ••• ••• 42', 'confidentiality-identity', ['advice.delete', 'advice.tellSecurityAndDpo']],
  ] as const;

  it.each(cases)('%s: what to do now, the masked excerpt only, no excerpt in the notification', (category, excerpt, article, advice) => {
    const message = reminderMessage(delivery(lang, { findings: [leak(category, excerpt, article)] }), charter);
    const blocksText = rendered(message.blocks);
    for (const key of advice) expect(blocksText).toContain(t(lang, key));
    expect(blocksText).toContain(t(lang, 'reminder.header.leak'));
    expect(blocksText).toContain('`' + excerpt + '`');
    expect(blocksText.split(excerpt)).toHaveLength(2);
    expect(message.text).toBe(t(lang, 'reminder.text.leak', { channel: '<#C0GENERAL>' }));
    expect(message.text).not.toContain('•');
    expect(validateBlocks(message.blocks)).toEqual([]);
    expect(emojiCount(message.blocks)).toBe(1);
    // Nothing but the masked excerpt: no digit runs besides the masked value's visible tail.
    const withoutLink = blocksText.replace(/<https:[^>]*>/g, '');
    expect(withoutLink.match(/\d{5,}/g)).toBeNull();
  });

  it('tells the DPO once when cards and national ids leak together', () => {
    const message = reminderMessage(
      delivery(lang, {
        findings: [
          leak('payment-card', '•••• •••• •••• 7893', 'confidentiality-payment'),
          leak('national-id', '• •• •• •• ••• ••• 42', 'confidentiality-identity'),
        ],
      }),
      charter,
    );
    const text = rendered(message.blocks);
    expect(text).toContain(t(lang, 'advice.tellSecurityAndDpo'));
    expect(text).not.toContain('• ' + t(lang, 'advice.tellSecurity'));
  });

  it('gives no leak advice for etiquette or personal data', () => {
    const message = reminderMessage(
      delivery(lang, { findings: [finding(), leak('personal-data', '•• •• •• •• 78', 'confidentiality-personal-data', 'medium')] }),
      charter,
    );
    const text = rendered(message.blocks);
    expect(text).not.toContain(t(lang, 'advice.title'));
    expect(text).toContain(t(lang, 'reminder.header'));
  });
});
