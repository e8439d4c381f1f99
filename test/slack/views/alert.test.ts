import type { KnownBlock } from '@slack/types';
import type { Lang } from '../../../src/engine/types';
import type { Delivery } from '../../../src/moderation/model';
import { t } from '../../../src/slack/i18n';
import { alertMessage } from '../../../src/slack/views';
import { unsafeMarkup, validateBlocks } from './block-limits';
import { delivery, emojiCount, finding, foreignIn, leak, realCharter, rendered } from './fixtures';

const charter = realCharter();

function headerText(block: KnownBlock | undefined): string | undefined {
  return block?.type === 'header' ? block.text.text : undefined;
}

function alert(lang: Lang, payload: Partial<Delivery['payload']> = {}): Delivery {
  return { ...delivery(lang, { alertReason: 'rule', recentFlags: 1, ...payload }), kind: 'alert' };
}

describe.each(['fr', 'en'] as const)('alertMessage (%s)', (lang) => {
  it('shows severity, category, rule, channel, author, excerpt and link', () => {
    const message = alertMessage(alert('en', { findings: [leak('password', 'pwd: ••••••••', 'confidentiality-secrets')] }), charter, lang);
    expect(headerText(message.blocks[0])).toBe(`🔴 ${lang === 'fr' ? 'Signalement\u00a0: Mot de passe' : 'Flag: Password'}`);
    const text = rendered(message.blocks);
    expect(text).toContain('<#C0GENERAL>');
    expect(text).toContain('<@U0AUTHOR1>');
    expect(text).toContain('`password`');
    expect(text).toContain(lang === 'fr' ? 'critique' : 'critical');
    expect(text).toContain('`pwd: ••••••••`');
    expect(text).toContain(`|${t(lang, 'common.viewMessage')}>`);
    expect(text).toContain(`Article 5.1 — ${charter.article('confidentiality-secrets', lang)?.title.slice(4)}`);
    expect(text).toContain(t(lang, 'alert.why.rule'));
    expect(message.text).not.toContain('•');
    expect(validateBlocks(message.blocks)).toEqual([]);
    expect(unsafeMarkup(message)).toEqual([]);
    expect(emojiCount(message.blocks)).toBe(1);
    expect(foreignIn(message, lang)).toEqual([]);
  });

  it('uses the highest severity for the header', () => {
    const message = alertMessage(
      alert(lang, { findings: [finding({ severity: 'low' }), finding({ flagRule: 'insult', category: 'insult', severity: 'high' })] }),
      charter,
      lang,
    );
    expect(headerText(message.blocks[0])).toMatch(/^🟠 /);
    expect(headerText(message.blocks[0])).toContain(lang === 'fr' ? 'Insulte' : 'Insult');
  });

  it('explains the escalation ladder and counts recent flags', () => {
    const message = alertMessage(alert(lang, { alertReason: 'ladder', recentFlags: 3 }), charter, lang);
    const text = rendered(message.blocks);
    expect(text).toContain(lang === 'fr' ? '3e rappel en 30 jours' : '3rd reminder in 30 days');
    expect(text).toContain(lang === 'fr' ? '3 signalements de cette personne en 30 jours' : '3 flags for this person in 30 days');
    const week = alertMessage(alert(lang, { alertReason: 'ladder', recentFlags: 1 }), charter, lang, { windowDays: 7 });
    expect(rendered(week.blocks)).toContain(lang === 'fr' ? '1 signalement de cette personne en 7 jours' : '1 flag for this person in 7 days');
  });

  it('escapes excerpts and rule ids, and does without a permalink', () => {
    const d = alert(lang, { findings: [finding({ excerpt: '<!everyone> & <@U123>', flagRule: '<!here>' })] });
    delete d.payload.permalink;
    const message = alertMessage(d, charter, lang);
    const text = rendered(message);
    expect(text).toContain('&lt;!everyone&gt; &amp; &lt;@U123&gt;');
    expect(text).toContain(t(lang, 'alert.noLink'));
    expect(unsafeMarkup(message)).toEqual([]);
  });

  it('stays within limits with many findings', () => {
    const findings = Array.from({ length: 20 }, (_, i) => finding({ flagRule: `rule-${i}`, excerpt: '<'.repeat(80) }));
    const message = alertMessage(alert(lang, { findings }), charter, lang);
    expect(validateBlocks(message.blocks)).toEqual([]);
    expect(rendered(message.blocks)).toContain(lang === 'fr' ? 'Et 15 autres points' : 'And 15 more points');
  });
});
