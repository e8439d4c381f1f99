import type { RuleStats } from '../../src/moderation/ports';
import { previewImpact } from '../../src/rules-admin/impact';
import { customRule } from './fixtures';

const stats: RuleStats = { rule: 'client-names', flags: 12, open: 2, confirmed: 6, dismissed: 3, escalated: 0, resolved: 1, reports: 1 };

describe('previewImpact', () => {
  test('disabling: the flags of the period would not have been raised', () => {
    const rule = customRule({ action: 'nudge+flag' });
    expect(previewImpact(rule, { ...rule, enabled: false }, stats, 30)).toEqual({ kind: 'disable', days: 30, flags: 12, reminders: -12, alerts: -12, changed: ['enabled'] });
  });

  test('nudge → shadow: about N reminders fewer; → flag: N more alerts', () => {
    const rule = customRule({ action: 'nudge' });
    expect(previewImpact(rule, { ...rule, action: 'shadow' }, stats, 7)).toEqual({ kind: 'action', days: 7, flags: 12, reminders: -12, alerts: 0, changed: ['action'] });
    expect(previewImpact(rule, { ...rule, action: 'nudge+flag' }, stats, 7)).toMatchObject({ kind: 'action', reminders: 0, alerts: 12 });
    expect(previewImpact(rule, { ...rule, action: 'flag' }, stats, 7)).toMatchObject({ kind: 'action', reminders: -12, alerts: 12 });
  });

  test('what the rule matches changed: cannot be estimated from statistics', () => {
    const rule = customRule();
    expect(previewImpact(rule, { ...rule, options: { terms: ['globex'] } }, stats, 30)).toMatchObject({ kind: 'unpredictable', changed: ['options'] });
    expect(previewImpact(rule, { ...rule, scope: { channels: ['client-*'] }, action: 'nudge' }, stats, 30)).toMatchObject({ kind: 'unpredictable' });
    expect(previewImpact(undefined, rule, undefined, 30)).toMatchObject({ kind: 'unpredictable', flags: 0 });
  });

  test('enabling a disabled rule cannot be estimated; wording and severity change no count', () => {
    const rule = customRule({ enabled: false });
    expect(previewImpact(rule, { ...rule, enabled: true }, undefined, 30)).toMatchObject({ kind: 'enable', flags: 0 });
    const on = customRule();
    expect(previewImpact(on, { ...on, severity: 'high', description: 'x' }, stats, 30)).toEqual({ kind: 'none', days: 30, flags: 12, changed: ['description', 'severity'] });
    expect(previewImpact(on, { ...on, enabled: true, options: { terms: ['acme corp'] } }, stats, 30)).toMatchObject({ kind: 'none', changed: [] });
  });
});
