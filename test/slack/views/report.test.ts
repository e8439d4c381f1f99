import type { InputBlock, StaticSelect } from '@slack/types';
import { categoryLabel, t } from '../../../src/slack/i18n';
import { INPUT, VIEW } from '../../../src/slack/ids';
import { REPORT_CATEGORIES, reportModal, reportThanks } from '../../../src/slack/views';
import { unsafeMarkup, validateBlocks, validateView } from './block-limits';
import { emojiCount, foreignIn, rendered } from './fixtures';

const MESSAGE = { channel: 'C0PROJET1', ts: '1764322200.000100', author: 'U0AUTHOR1' };

function inputs(view: ReturnType<typeof reportModal>): InputBlock[] {
  return view.blocks.filter((block): block is InputBlock => block.type === 'input');
}

describe.each(['fr', 'en'] as const)('reportModal (%s)', (lang) => {
  it('asks for a category and an optional reason, and carries the message reference', () => {
    const view = reportModal({ ...MESSAGE, threadTs: '1764322100.000001' }, lang);
    expect(view.callback_id).toBe(VIEW.report);
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ ...MESSAGE, threadTs: '1764322100.000001' });
    const [category, reason] = inputs(view);
    expect(category?.block_id).toBe(INPUT.reportCategory.block);
    expect(category?.optional).toBeUndefined();
    const select = category?.element as StaticSelect;
    expect(select.type).toBe('static_select');
    expect(select.action_id).toBe(INPUT.reportCategory.action);
    expect(select.options?.map((o) => o.value)).toEqual([
      'insult', 'profanity', 'shouting', 'familiar-tone', 'mass-mention', 'confidential', 'personal-data',
      'secret', 'password', 'payment-card', 'bank-account', 'national-id', 'off-topic', 'custom',
    ]);
    expect(select.options?.[0]?.text.text).toBe(categoryLabel(lang, 'insult'));
    expect(select.options?.at(-1)?.text.text).toBe(lang === 'fr' ? 'Autre' : 'Other');
    expect(reason).toMatchObject({
      block_id: INPUT.reportReason.block,
      optional: true,
      element: { type: 'plain_text_input', action_id: INPUT.reportReason.action, multiline: true, max_length: 500 },
    });
    expect(rendered(view)).toContain(t(lang, 'report.intro'));
    expect(t(lang, 'report.intro')).toMatch(lang === 'fr' ? /ne saura pas qui/ : /not be told who/);
    expect(validateView(view)).toEqual([]);
    expect(unsafeMarkup(view)).toEqual([]);
    expect(foreignIn(view, lang)).toEqual([]);
    expect(REPORT_CATEGORIES).toHaveLength(14);
  });

  it('keeps the masked excerpt in private_metadata, within Slack’s limit', () => {
    const view = reportModal({ ...MESSAGE, excerpt: 'x'.repeat(5000) }, lang);
    const metadata = JSON.parse(view.private_metadata ?? '') as { excerpt: string; threadTs?: string };
    expect(metadata.excerpt.length).toBeLessThanOrEqual(1000);
    expect(metadata.threadTs).toBeUndefined();
    expect(validateView(view)).toEqual([]);
  });

  it('thanks the reporter privately', () => {
    const thanks = reportThanks(lang);
    expect(thanks.text).toBe(t(lang, 'report.thanks'));
    expect(thanks.text).toMatch(lang === 'fr' ? /Merci/ : /Thank you/);
    expect(validateBlocks(thanks.blocks ?? [])).toEqual([]);
    expect(emojiCount(thanks)).toBe(0);
  });
});
