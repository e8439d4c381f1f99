/**
 * Admins edit the charter's rules in Slack, end to end through the real Bolt app: disable,
 * shadow, create, roll back, validation errors, try it, refused file changes, and non-admins.
 */
import fs from 'node:fs';
import path from 'node:path';
import { appHomeOpenedEvent, blockActionPayload, messageEvent, viewSubmissionPayload } from '../../src/simulator';
import { ALICE, BOB, Harness, PROJET, startHarness } from '../helpers/bot-harness';
import { submittedState } from '../helpers/modal-state';

const ADMIN = 'U0ADMIN001';
const REPO = path.resolve(__dirname, '..', '..');
let h: Harness;
let rulesDir: string;

beforeEach(async () => {
  const temp = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'charter-rules-'));
  rulesDir = path.join(temp, 'rules');
  fs.cpSync(path.join(REPO, 'rules'), rulesDir, { recursive: true });
  h = await startHarness({ config: { admins: [ADMIN], rulesDir } });
  h.sim.addUser({ id: ADMIN, name: 'admin', locale: 'fr-FR' });
});

afterEach(async () => {
  await h.stop();
  fs.rmSync(path.dirname(rulesDir), { recursive: true, force: true });
});

function menu(user: string, rule: string, value: string) {
  const payload = blockActionPayload({ user, actionId: 'admin_rule_menu', value, view: { type: 'home', id: 'V0HOME' }, triggerId: `trig-${value}` });
  payload['actions'] = [{ type: 'overflow', action_id: 'admin_rule_menu', block_id: `admin_rule:${rule}`, selected_option: { text: { type: 'plain_text', text: value }, value }, action_ts: '1.1' }];
  return h.slack.sendInteraction(payload);
}

async function remindersAfter(text: string, user = ALICE): Promise<number> {
  const before = h.sim.callsTo('chat.postEphemeral').length;
  await h.slack.sendEvent(messageEvent({ channel: PROJET, user, text }));
  await h.settle();
  return h.sim.callsTo('chat.postEphemeral').length - before;
}

async function openedModal(count: number): Promise<{ callback_id: string; private_metadata: string; blocks: unknown[] }> {
  const opened = await h.sim.waitForCalls('views.open', count);
  return opened[count - 1]?.args.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
}

describe('admins change rules from App Home', () => {
  it('disable: the next matching message gets no reminder; shadow: recorded, not nudged; roll back: the old behaviour returns', async () => {
    expect(await remindersAfter('putain, encore une panne')).toBe(1);

    await menu(ADMIN, 'profanity', 'disable:profanity');
    await h.sim.waitForCalls('views.publish', 1);
    expect(await remindersAfter('merde, la prod est tombée', BOB)).toBe(0);

    await menu(ADMIN, 'profanity', 'enable:profanity');
    await menu(ADMIN, 'profanity', 'action:profanity');
    const quick = await openedModal(1);
    await h.slack.sendInteraction(viewSubmissionPayload({ user: ADMIN, callbackId: quick.callback_id, privateMetadata: quick.private_metadata, values: submittedState(quick, { admin_quick: 'shadow' }) }));
    await h.settle();
    expect(h.bot.rules.current().rules.find((r) => r.id === 'profanity')?.action).toBe('shadow');
    const flagsBefore = (await h.bot.store.listFlags({ includeShadow: true, rule: 'profanity' }, { limit: 50 })).items.length;
    expect(await remindersAfter('putain de VPN', BOB)).toBe(0);
    expect((await h.bot.store.listFlags({ includeShadow: true, rule: 'profanity' }, { limit: 50 })).items.length).toBe(flagsBefore + 1);

    // Roll back to the version that disabled nothing: the first version's parent is the files.
    const history = await h.bot.store.listRuleVersions({ limit: 10 });
    expect(history.items.map((v) => v.source)).toEqual(['slack', 'slack', 'slack']);
    const firstEnable = history.items[1]?.id as number; // after "enable", before "shadow"
    await h.slack.sendInteraction(blockActionPayload({ user: ADMIN, actionId: 'admin_history_restore', value: String(firstEnable), view: { type: 'modal', id: 'V0HIST' } }));
    await h.settle();
    expect(h.bot.rules.current().rules.find((r) => r.id === 'profanity')?.action).toBe('nudge');
    expect(await remindersAfter('putain, re-panne', BOB)).toBe(1);
    const audit = await h.bot.store.listAudit({ actor: ADMIN }, { limit: 20 });
    expect(audit.items.map((e) => e.action)).toEqual(expect.arrayContaining(['rules-change', 'rules-rollback']));
  });

  it('create a custom keyword rule: it fires on the next message', async () => {
    await h.slack.sendInteraction(blockActionPayload({ user: ADMIN, actionId: 'admin_new_rule_keyword', value: 'keyword', view: { type: 'home', id: 'V0HOME' }, triggerId: 'trig-new' }));
    const modal = await openedModal(1);
    expect(modal.callback_id).toBe('admin_rule_modal');
    const values = submittedState(modal, {
      admin_rule_id: 'projet-zeus',
      admin_rule_description: 'Code name of an unannounced project',
      admin_rule_category: 'confidential',
      admin_rule_severity: 'high',
      admin_rule_action: 'nudge',
      admin_rule_article: 'confidentiality-documents',
      admin_rule_terms: 'projet zeus\nzeus',
      admin_comment: 'Annonce prévue en janvier',
    });
    const { status, body } = await h.slack.sendInteraction(viewSubmissionPayload({ user: ADMIN, callbackId: modal.callback_id, privateMetadata: modal.private_metadata, blocks: modal.blocks, values }));
    expect(status).toBe(200);
    expect(body).toBe('');
    await h.settle();
    expect(h.bot.rules.current().rules.map((r) => r.id)).toContain('projet-zeus');
    expect(await remindersAfter('Le projet Zeus démarre lundi', BOB)).toBe(1);
    const [version] = (await h.bot.store.listRuleVersions({ limit: 1 })).items;
    expect(version).toMatchObject({ author: ADMIN, comment: 'Annonce prévue en janvier', source: 'slack' });
  });

  it('a pattern RE2 refuses is shown next to its field, and nothing is saved', async () => {
    await h.slack.sendInteraction(blockActionPayload({ user: ADMIN, actionId: 'admin_new_rule_regex', value: 'regex', view: { type: 'home', id: 'V0HOME' }, triggerId: 'trig-regex' }));
    const modal = await openedModal(1);
    const values = submittedState(modal, {
      admin_rule_id: 'repeated-word',
      admin_rule_category: 'custom',
      admin_rule_severity: 'low',
      admin_rule_action: 'shadow',
      admin_rule_article: 'tone',
      admin_rule_pattern: '(\\w+) \\1',
    });
    const { body } = await h.slack.sendInteraction(viewSubmissionPayload({ user: ADMIN, callbackId: modal.callback_id, privateMetadata: modal.private_metadata, blocks: modal.blocks, values }));
    const answer = JSON.parse(body) as { response_action: string; errors: Record<string, string> };
    expect(answer).toMatchObject({ response_action: 'errors' });
    expect(answer.errors['admin_rule_pattern']).toMatch(/RE2|backreference/i);
    expect(await h.bot.store.latestRuleVersionId()).toBeUndefined();
  });

  it('Try it shows what an edited rule would find, masked, and the impact', async () => {
    await menu(ADMIN, 'payment-card', 'try:payment-card');
    const modal = await openedModal(1);
    expect(modal.callback_id).toBe('admin_try_modal');
    const { body } = await h.slack.sendInteraction(viewSubmissionPayload({ user: ADMIN, callbackId: modal.callback_id, privateMetadata: modal.private_metadata, values: submittedState(modal, { admin_try_samples: 'ma carte 4970 1012 3456 7893\nrien à voir' }) }));
    const answer = JSON.parse(body) as { response_action: string; view: unknown };
    expect(answer.response_action).toBe('update');
    const results = JSON.stringify((answer.view as { blocks: Array<{ type: string }> }).blocks.filter((b) => b.type !== 'input'));
    expect(results).toContain('•••• •••• •••• 7893');
    expect(results).not.toContain('4970 1012 3456 7893');
  });
});

describe('trying an edit before saving it', () => {
  it('"Try these settings" tries the edited, unsaved rule; nothing is saved', async () => {
    await menu(ADMIN, 'profanity', 'edit:profanity');
    const edit = await openedModal(1);
    const state = submittedState(edit, { admin_rule_add: 'zorglub' });
    const click = blockActionPayload({ user: ADMIN, actionId: 'admin_try_edited', value: 'try', view: { type: 'modal', id: 'V0EDIT', callback_id: edit.callback_id, private_metadata: edit.private_metadata, blocks: edit.blocks, state: { values: state } }, triggerId: 'trig-try-edited' });
    await h.slack.sendInteraction(click);
    const [pushed] = await h.sim.waitForCalls('views.push', 1);
    const trial = pushed?.args.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(trial.callback_id).toBe('admin_try_modal');
    const { body } = await h.slack.sendInteraction(viewSubmissionPayload({ user: ADMIN, callbackId: trial.callback_id, privateMetadata: trial.private_metadata, blocks: trial.blocks, values: submittedState(trial, { admin_try_samples: 'Quel zorglub ce build\nRien de spécial' }), externalId: 'x' }));
    const results = JSON.stringify((JSON.parse(body) as { view: { blocks: Array<{ type: string }> } }).view.blocks.filter((b) => b.type !== 'input'));
    expect(results).toMatch(/✗ 1/);
    expect(results).toMatch(/✓/);
    expect(await h.bot.store.latestRuleVersionId()).toBeUndefined();
  });
});

describe('the charter for admins', () => {
  it('an admin reading an article sees which rules cite it; others do not', async () => {
    await h.slack.sendInteraction(blockActionPayload({ user: ADMIN, actionId: 'charter_read_article', value: 'courtesy', channel: PROJET, triggerId: 'trig-art1' }));
    const [forAdmin] = await h.sim.waitForCalls('views.open', 1);
    expect(JSON.stringify(forAdmin?.args.view)).toMatch(/Règles qui citent cet article.*`profanity`.*`insult`/);
    await h.slack.sendInteraction(blockActionPayload({ user: BOB, actionId: 'charter_read_article', value: 'courtesy', channel: PROJET, triggerId: 'trig-art2' }));
    const opened = await h.sim.waitForCalls('views.open', 2);
    expect(JSON.stringify(opened[1]?.args.view)).not.toMatch(/citing|citent/);
  });
});

describe('files and permissions', () => {
  it('an invalid file change is refused: the last good rules keep running and admins are told where', async () => {
    const file = path.join(rulesDir, 'etiquette.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('action: nudge', 'action: shout'));
    await h.bot.rules.reloadFiles();
    await h.settle();
    const dm = h.sim.dmChannelOf(ADMIN);
    expect(dm).toBeDefined();
    const notice = JSON.stringify(h.sim.messages(dm as string));
    expect(notice).toMatch(/etiquette\.yaml:\d+:\d+/);
    expect(notice).toContain('action');
    expect(await remindersAfter('putain, encore une panne')).toBe(1);
  });

  it('a valid file change takes effect without a restart', async () => {
    const file = path.join(rulesDir, 'etiquette.yaml');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('  - id: profanity\n', '  - id: profanity\n    enabled: false\n'));
    await h.bot.rules.reloadFiles();
    expect(h.bot.rules.current().rules.map((r) => r.id)).not.toContain('profanity');
    expect(await remindersAfter('putain, encore une panne')).toBe(0);
  });

  it('a non-admin sees no admin controls, and forged admin actions change nothing and are audited', async () => {
    await h.slack.sendEvent(appHomeOpenedEvent(BOB));
    const [home] = await h.sim.waitForCalls('views.publish', 1);
    expect(JSON.stringify(home?.args.view)).not.toContain('admin_rule_menu');
    await h.slack.sendEvent(appHomeOpenedEvent(ADMIN));
    const publishes = await h.sim.waitForCalls('views.publish', 2);
    expect(JSON.stringify(publishes[1]?.args.view)).toContain('admin_rule_menu');

    await menu(BOB, 'profanity', 'disable:profanity');
    await h.settle();
    expect(h.bot.rules.current().rules.map((r) => r.id)).toContain('profanity');
    expect(await h.bot.store.latestRuleVersionId()).toBeUndefined();
    const refused = await h.bot.store.listAudit({ action: 'refused', actor: BOB }, { limit: 5 });
    expect(refused.items).toHaveLength(1);
    expect(await remindersAfter('putain, encore une panne')).toBe(1);
  });
});
