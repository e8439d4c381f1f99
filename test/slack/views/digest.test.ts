import type { KnownBlock } from '@slack/types';
import { digestMessage, MAX_DIGEST_LINES, type DigestLine } from '../../../src/slack/views';
import { t } from '../../../src/slack/i18n';
import { unsafeMarkup, validateBlocks } from './block-limits';
import { foreignIn, rendered } from './fixtures';

const SINCE = Date.UTC(2026, 10, 28, 14, 2);
const NOW = SINCE + 60_000;

function line(i: number): DigestLine {
  return { rule: `password-${i}`, category: 'password', severity: 'critical', channel: `C0CHAN${String(i).padStart(4, '0')}` };
}

function lines(blocks: readonly KnownBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === 'section' && block.text !== undefined ? block.text.text.split('\n') : []));
}

describe.each(['fr', 'en'] as const)('digestMessage (%s)', (lang) => {
  it('says how many flags since when, lists the latest and points to the queue', () => {
    const message = digestMessage({ lang, count: 12, since: SINCE, now: NOW, latest: [line(1), line(2)], moreInQueue: true });
    const title = lang === 'fr' ? '🔔 12 nouveaux signalements depuis 14:02' : '🔔 12 new flags since 14:02';
    expect(message.text).toBe(title);
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: title, emoji: true } });
    expect(lines(message.blocks)).toEqual([
      `🔴 \`password-1\` · ${lang === 'fr' ? 'Mot de passe' : 'Password'} · <#C0CHAN0001>`,
      `🔴 \`password-2\` · ${lang === 'fr' ? 'Mot de passe' : 'Password'} · <#C0CHAN0002>`,
    ]);
    const text = rendered(message);
    expect(text).toContain(
      lang === 'fr' ? 'Tout est dans la file de revue\u00a0: onglet Accueil de charter-bot.' : 'Everything is in the review queue: charter-bot’s Home tab.',
    );
    expect(text).toContain(lang === 'fr' ? 'Et 10 autres, plus anciens.' : 'And 10 older ones.');
    expect(validateBlocks(message.blocks)).toEqual([]);
    expect(unsafeMarkup(message)).toEqual([]);
    expect(foreignIn(message, lang)).toEqual([]);
  });

  it('lists only the 8 latest of 200 flags, without excerpts nor buttons', () => {
    const latest = Array.from({ length: 200 }, (_, i) => line(i));
    const message = digestMessage({ lang, count: 200, since: SINCE, now: NOW, latest, moreInQueue: true });
    expect(lines(message.blocks)).toHaveLength(MAX_DIGEST_LINES);
    expect(MAX_DIGEST_LINES).toBe(8);
    expect(lines(message.blocks)[0]).toContain('password-0');
    expect(message.blocks.some((block) => block.type === 'actions')).toBe(false);
    expect(rendered(message)).not.toContain(t(lang, 'common.viewMessage'));
    expect(rendered(message)).toContain(lang === 'fr' ? 'Et 192 autres' : 'And 192 older ones');
    expect(validateBlocks(message.blocks)).toEqual([]);
  });

  it('speaks of one flag in the singular, and omits the queue line when asked to', () => {
    const message = digestMessage({ lang, count: 1, since: SINCE, now: NOW, latest: [line(1)], moreInQueue: false });
    expect(message.text).toBe(lang === 'fr' ? '🔔 1 nouveau signalement depuis 14:02' : '🔔 1 new flag since 14:02');
    expect(message.blocks.some((block) => block.type === 'context')).toBe(false);
  });

  it('gives the date when the digest started on another day, and honours the time zone', () => {
    const message = digestMessage({ lang, count: 3, since: SINCE, now: SINCE + 2 * 86_400_000, latest: [], moreInQueue: true, timeZone: 'Europe/Paris' });
    expect(message.text).toContain(lang === 'fr' ? 'depuis 28/11/2026 15:02' : 'since 28 Nov 2026 15:02');
  });

  it('escapes rule ids and names, and copes with unknown categories and severities', () => {
    const message = digestMessage({
      lang,
      count: 1,
      since: SINCE,
      now: NOW,
      latest: [{ rule: '<!everyone>`x', category: 'nope', severity: 'weird', channel: 'not-an-id', channelName: '<!here>' }],
      moreInQueue: true,
    });
    const text = rendered(message);
    expect(text).toContain('`&lt;!everyone&gt;ˋx`');
    expect(text).toContain('#&lt;!here&gt;');
    expect(unsafeMarkup(message)).toEqual([]);
    expect(validateBlocks(message.blocks)).toEqual([]);
  });
});
