import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import type { Lang } from '../../../src/engine/types';
import type { Delivery, FlagStatus } from '../../../src/moderation/model';
import { t } from '../../../src/slack/i18n';
import { INPUT, MOD_ACTION, VIEW, parseFlagIds } from '../../../src/slack/ids';
import {
  alertMessage,
  authorFollowUp,
  decisionRecorded,
  escalationNotice,
  noteModal,
  notModerator,
  MAX_NOTE,
  type ReportFields,
} from '../../../src/slack/views';
import { unsafeMarkup, validateBlocks, validateView } from './block-limits';
import { delivery, emojiCount, finding, flag, foreignIn, realCharter, rendered } from './fixtures';

const charter = realCharter();
const AT = Date.UTC(2026, 10, 28, 14, 2);
const HOSTILE = '<!everyone> ping <@U0EVIL1> & `rm -rf` <https://evil.example|clic> <!subteam^S1>';

function alert(lang: Lang, payload: Partial<Delivery['payload']> = {}): Delivery {
  return { ...delivery(lang, { alertReason: 'rule', recentFlags: 1, ...payload }), kind: 'alert' };
}

function actionBlocks(blocks: readonly KnownBlock[]): ActionsBlock[] {
  return blocks.filter((block): block is ActionsBlock => block.type === 'actions');
}

function buttonsOf(blocks: readonly KnownBlock[]): Button[] {
  return actionBlocks(blocks).flatMap((block) => block.elements.filter((e): e is Button => e.type === 'button'));
}

function contexts(blocks: readonly KnownBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === 'context' ? block.elements.map((e) => ('text' in e ? e.text : '')) : []));
}

describe.each(['fr', 'en'] as const)('alert card with decisions (%s)', (lang) => {
  it('carries the four decision buttons, valued with the flag ids', () => {
    const message = alertMessage(alert(lang), charter, lang);
    const buttons = buttonsOf(message.blocks);
    expect(buttons.map((b) => b.action_id)).toEqual([MOD_ACTION.dismiss, MOD_ACTION.confirm, MOD_ACTION.escalate, MOD_ACTION.note]);
    expect(buttons.every((b) => b.value === '41,42')).toBe(true);
    expect(parseFlagIds(buttons[0]?.value)).toEqual([41, 42]);
    expect(buttons.map((b) => b.text.text)).toEqual([
      lang === 'fr' ? 'Rejeter (faux positif)' : 'Dismiss (false positive)',
      t(lang, 'mod.button.confirm'),
      t(lang, 'mod.button.escalate'),
      t(lang, 'mod.button.note'),
    ]);
    expect(buttons.map((b) => b.style)).toEqual([undefined, 'primary', 'danger', undefined]);
    expect(validateBlocks(message.blocks)).toEqual([]);
    expect(foreignIn(message, lang)).toEqual([]);
    expect(message.blocks[message.blocks.length - 1]?.type).toBe('actions');
  });

  it('asks for confirmation before escalating, in the language', () => {
    const escalate = buttonsOf(alertMessage(alert(lang), charter, lang).blocks).find((b) => b.action_id === MOD_ACTION.escalate);
    expect(escalate?.confirm?.title?.text).toBe(t(lang, 'mod.escalate.title'));
    expect(escalate?.confirm?.text?.text).toBe(t(lang, 'mod.escalate.text'));
    expect(escalate?.confirm?.confirm?.text).toBe(t(lang, 'mod.button.escalate'));
    expect(escalate?.confirm?.deny?.text).toBe(t(lang, 'mod.escalate.cancel'));
    expect(escalate?.confirm?.style).toBe('danger');
  });

  it('acts on options.flagIds when given', () => {
    const buttons = buttonsOf(alertMessage(alert(lang), charter, lang, { flagIds: [7] }).blocks);
    expect(buttons.map((b) => b.value)).toEqual(['7', '7', '7', '7']);
  });

  it.each<[FlagStatus, string, string]>([
    ['confirmed', '✅ Confirmé par <@U0MODO001> le 28/11/2026 à 14:02', '✅ Confirmed by <@U0MODO001> on 28 Nov 2026 at 14:02'],
    ['dismissed', '🚫 Rejeté (faux positif) par <@U0MODO001> le 28/11/2026 à 14:02', '🚫 Dismissed (false positive) by <@U0MODO001> on 28 Nov 2026 at 14:02'],
    ['escalated', '⬆️ Escaladé par <@U0MODO001> le 28/11/2026 à 14:02', '⬆️ Escalated by <@U0MODO001> on 28 Nov 2026 at 14:02'],
    ['open', '📝 Mis à jour par <@U0MODO001> le 28/11/2026 à 14:02', '📝 Updated by <@U0MODO001> on 28 Nov 2026 at 14:02'],
    ['resolved', '✏️ Corrigé par l’auteur·rice le 28/11/2026 à 14:02', '✏️ Fixed by the author on 28 Nov 2026 at 14:02'],
  ])('shows a %s decision and keeps the buttons to revise it', (status, fr, en) => {
    const message = alertMessage(alert(lang), charter, lang, { decision: { status, by: 'U0MODO001', at: AT } });
    expect(contexts(message.blocks)).toContain(lang === 'fr' ? fr : en);
    expect(buttonsOf(message.blocks)).toHaveLength(4);
    expect(validateBlocks(message.blocks)).toEqual([]);
    expect(unsafeMarkup(message)).toEqual([]);
    expect(foreignIn(message, lang)).toEqual([]);
  });

  it('shows the decision in the given time zone', () => {
    const message = alertMessage(alert(lang), charter, lang, {
      decision: { status: 'confirmed', by: 'U0MODO001', at: AT },
      timeZone: 'Europe/Paris',
    });
    expect(rendered(message.blocks)).toContain(lang === 'fr' ? 'à 15:02' : 'at 15:02');
  });

  it('escapes and cuts the note', () => {
    const note = `${HOSTILE} ${'x'.repeat(2000)}`;
    const message = alertMessage(alert(lang), charter, lang, { decision: { status: 'confirmed', by: 'U0MODO001', at: AT, note } });
    const text = rendered(message.blocks);
    expect(text).toContain('&lt;!everyone&gt; ping &lt;@U0EVIL1&gt; &amp; ˋrm -rfˋ');
    expect(text).not.toContain('`rm');
    expect(text).toContain('…');
    expect(unsafeMarkup(message)).toEqual([]);
    expect(validateBlocks(message.blocks)).toEqual([]);
    const noteLine = contexts(message.blocks).find((line) => line.includes(lang === 'fr' ? '_Note_' : '_Note:_'));
    expect(noteLine?.length).toBeLessThan(400);
  });

  it('does not mention a decider given as a CLI user', () => {
    const message = alertMessage(alert(lang), charter, lang, { decision: { status: 'dismissed', by: 'cli:<!here>', at: AT } });
    expect(rendered(message.blocks)).toContain('cli:&lt;!here&gt;');
    expect(unsafeMarkup(message)).toEqual([]);
  });

  describe('member reports', () => {
    // Structural: works whether or not the model already declares the report fields.
    const report = (reason?: string): Delivery => {
      const d = alert(lang, { findings: [finding({ flagRule: 'member-report', category: 'insult' })] });
      const fields: ReportFields = { alertReason: 'report', ...(reason !== undefined ? { reportReason: reason } : {}) };
      return { ...d, payload: Object.assign(d.payload, fields) };
    };

    it('says a member reported it and quotes the escaped reason, without naming the reporter', () => {
      const message = alertMessage(report(`Propos dénigrants ${HOSTILE}`), charter, lang, { reporter: 'U0REPORTR' });
      const text = rendered(message.blocks);
      expect(text).toContain(lang === 'fr' ? 'Signalé par un membre' : 'Reported by a member');
      expect(text).toContain(lang === 'fr' ? 'Motif\u00a0: «\u00a0Propos dénigrants &lt;!everyone&gt;' : 'Reason: “Propos dénigrants &lt;!everyone&gt;');
      expect(text).not.toContain('U0REPORTR');
      expect(text).not.toContain(t(lang, 'alert.why.rule'));
      expect(unsafeMarkup(message)).toEqual([]);
      expect(validateBlocks(message.blocks)).toEqual([]);
      expect(foreignIn(message, lang)).toEqual([]);
    });

    it('names the reporter only when asked to', () => {
      const message = alertMessage(report('spam'), charter, lang, { reporter: 'U0REPORTR', showReporter: true });
      expect(rendered(message.blocks)).toContain(lang === 'fr' ? 'Signalé par <@U0REPORTR>.' : 'Reported by <@U0REPORTR>.');
    });

    it('does without a reason', () => {
      const message = alertMessage(report(), charter, lang);
      expect(rendered(message.blocks)).not.toContain(lang === 'fr' ? 'Motif' : 'Reason');
      expect(validateBlocks(message.blocks)).toEqual([]);
    });
  });

  it('stays within limits with many findings, a decision and a long note', () => {
    const findings = Array.from({ length: 20 }, (_, i) => finding({ flagRule: `rule-${i}`, excerpt: '<'.repeat(80) }));
    const message = alertMessage(alert(lang, { findings }), charter, lang, {
      flagIds: Array.from({ length: 400 }, (_, i) => 100_000 + i),
      decision: { status: 'escalated', by: 'U0MODO001', at: AT, note: '&'.repeat(5000) },
    });
    expect(validateBlocks(message.blocks)).toEqual([]);
  });
});

describe.each(['fr', 'en'] as const)('noteModal (%s)', (lang) => {
  it('asks for one multiline note and carries the flag ids', () => {
    const view = noteModal([41, 42], lang);
    expect(view.callback_id).toBe(VIEW.note);
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ flags: [41, 42] });
    const input = view.blocks.find((block) => block.type === 'input');
    expect(input).toMatchObject({
      type: 'input',
      block_id: INPUT.note.block,
      element: { type: 'plain_text_input', action_id: INPUT.note.action, multiline: true, max_length: MAX_NOTE },
    });
    expect(view.submit?.text).toBe(t(lang, 'note.submit'));
    expect(view.close?.text).toBe(t(lang, 'note.cancel'));
    expect(validateView(view)).toEqual([]);
    expect(unsafeMarkup(view)).toEqual([]);
    expect(foreignIn(view, lang)).toEqual([]);
    expect(rendered(view)).toContain(lang === 'fr' ? 'ces 2 signalements' : 'these 2 flags');
  });

  it('keeps only valid, distinct ids', () => {
    expect(JSON.parse(noteModal([3, 3, -1, 1.5, 4], lang).private_metadata ?? '')).toEqual({ flags: [3, 4] });
  });
});

describe.each(['fr', 'en'] as const)('small messages (%s)', (lang) => {
  it('refuses politely', () => {
    const answer = notModerator(lang);
    expect(answer.text).toBe(
      lang === 'fr'
        ? 'Seuls les modérateurs peuvent décider d’un signalement. Cette tentative a été enregistrée.'
        : 'Only moderators can decide on a flag. This attempt has been recorded.',
    );
    expect(validateBlocks(answer.blocks ?? [])).toEqual([]);
  });

  it('confirms a recorded decision, per status', () => {
    expect(decisionRecorded(lang, 'confirmed').text).toBe(lang === 'fr' ? 'Décision enregistrée\u00a0: confirmé.' : 'Decision recorded: confirmed.');
    expect(decisionRecorded(lang, 'dismissed').text).toBe(
      lang === 'fr' ? 'Décision enregistrée\u00a0: rejeté (faux positif).' : 'Decision recorded: dismissed (false positive).',
    );
    expect(validateBlocks(decisionRecorded(lang, 'escalated').blocks ?? [])).toEqual([]);
  });

  it('tells the author kindly that a moderator will follow up, without details', () => {
    const message = authorFollowUp(lang);
    expect(message.text).toMatch(lang === 'fr' ? /modération va prendre contact/ : /moderation team will get in touch/);
    expect(message.text).not.toMatch(/<@|#|`/);
    expect(emojiCount(message)).toBe(0);
    expect(validateBlocks(message.blocks ?? [])).toEqual([]);
  });
});

describe.each(['fr', 'en'] as const)('escalationNotice (%s)', (lang) => {
  const flags = [
    flag({ id: 41, rule: 'insult', category: 'insult', severity: 'high', excerpt: HOSTILE, channel: 'C0PROJET1' }),
    Object.assign(flag({ id: 42, rule: 'member-report' }), { alertReason: 'report', reportedBy: 'U0REPORTR', reportReason: `c’est ${HOSTILE}` } satisfies ReportFields),
  ];

  it('says who escalated what and when, with masked excerpts, the note and the link', () => {
    const notice = escalationNotice({
      lang,
      flags,
      by: 'U0MODO001',
      at: AT,
      note: `à voir ${HOSTILE}`,
      permalink: 'https://acme.slack.com/archives/C0PROJET1/p1',
    });
    const text = rendered(notice.blocks);
    expect(text).toContain(lang === 'fr' ? '<@U0MODO001> a escaladé 2 signalements le 28/11/2026 à 14:02.' : '<@U0MODO001> escalated 2 flags on 28 Nov 2026 at 14:02.');
    expect(text).toContain('<https://acme.slack.com/archives/C0PROJET1/p1|');
    expect(text).toContain('`insult`');
    expect(text).toContain('<#C0PROJET1>');
    expect(text).toContain('<@U0AUTHOR1>');
    expect(text).toContain('`&lt;!everyone&gt; ping &lt;@U0EVIL1&gt; &amp; ˋrm -rfˋ');
    expect(text).toContain(lang === 'fr' ? 'Signalé par un membre' : 'Reported by a member');
    expect(text).not.toContain('U0REPORTR');
    expect(text).toContain('à voir &lt;!everyone&gt;');
    expect(notice.text).not.toContain('rm -rf');
    expect(validateBlocks(notice.blocks)).toEqual([]);
    expect(unsafeMarkup(notice)).toEqual([]);
    expect(foreignIn(notice, lang)).toEqual([]);
    expect(emojiCount(notice.blocks)).toBe(1);
  });

  it('lists ten flags and counts the rest', () => {
    const many = Array.from({ length: 25 }, (_, i) => flag({ id: i + 1, excerpt: 'x'.repeat(200) }));
    const notice = escalationNotice({ lang, flags: many, by: 'U0MODO001', at: AT });
    expect(rendered(notice.blocks)).toContain(lang === 'fr' ? 'Et 15 autres signalements.' : 'And 15 more flags.');
    expect(validateBlocks(notice.blocks)).toEqual([]);
  });
});
