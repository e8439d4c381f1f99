import { header, button, actions, section, plain } from '../../../src/slack/views/blocks';
import { unsafeMarkup, validateBlocks, validateView } from './block-limits';
import { foreignFragments } from './fixtures';

describe('validateBlocks (the helper itself)', () => {
  it('accepts a small valid message', () => {
    expect(validateBlocks([header('Titre'), section('Texte'), actions([button('OK', 'a', '1', 'primary'), button('Non', 'b', '2')])])).toEqual([]);
  });

  it('reports each broken limit', () => {
    const problems = validateBlocks([
      { type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } },
      { type: 'header', text: { type: 'mrkdwn', text: 'y'.repeat(151) } },
      {
        type: 'actions',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: 'z'.repeat(76) }, action_id: 'same', style: 'primary' },
          { type: 'button', text: { type: 'plain_text', text: 'ok' }, action_id: 'same', style: 'primary' },
        ],
      },
      { type: 'context', elements: [] },
      { type: 'section', text: { type: 'mrkdwn', text: 'Bonjour {name}' } },
      { type: 'section', text: { type: 'mrkdwn', text: '' } },
      { type: 'video' },
    ]);
    expect(problems).toEqual([
      'blocks[0].text: text is 3001 characters (max 3000)',
      'blocks[1].text: must be plain_text',
      'blocks[1].text: text is 151 characters (max 150)',
      'blocks[2].elements[0].text: text is 76 characters (max 75)',
      'blocks[2]: duplicate action_id "same" in one block',
      'blocks[2]: 2 primary buttons',
      'blocks[3]: empty context',
      'blocks[4].text: unfilled placeholder in "Bonjour {name}"',
      'blocks[5].text: empty text',
      'blocks[6]: unexpected block type "video"',
    ]);
  });

  it('counts blocks per surface', () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    expect(validateBlocks(blocks, 'message')).toEqual(['51 blocks (max 50 in a message)']);
    expect(validateBlocks(blocks, 'home')).toEqual([]);
    expect(validateView({ type: 'modal', title: plain('Un titre bien trop long pour Slack'), blocks })).toEqual([
      'view.title: text is 34 characters (max 24)',
    ]);
  });
});

describe('unsafeMarkup', () => {
  it('allows ids and links the views build, nothing else', () => {
    expect(unsafeMarkup({ a: '<#C0GENERAL> <@U0AUTHOR1> <https://x.example/a?b=1&amp;c=2|label> <mailto:dpo@x.fr>' })).toEqual([]);
    expect(unsafeMarkup(['<!everyone>', '<!here|here>', '<!subteam^S1>', '<@U1|name>', 'a > b', '<javascript:x|y>'])).toEqual([
      '<!everyone>',
      '<! in "<!everyone>"',
      '<!here|here>',
      '<! in "<!here|here>"',
      '<!subteam^S1>',
      '<! in "<!subteam^S1>"',
      '<@U1|name>',
      '>',
      '<javascript:x|y>',
    ]);
  });
});

describe('block constructors', () => {
  it('keep French no-break spaces in plain text', () => {
    expect(header('Signalement\u00a0: Mot de passe').text.text).toBe('Signalement\u00a0: Mot de passe');
    expect(button('Merci\u202f!', 'a', 'v').text.text).toBe('Merci\u202f!');
  });
});

describe('foreignFragments', () => {
  it('knows what the other language says', () => {
    expect(foreignFragments('fr')).toContain('A quick reminder about our charter 🙂');
    expect(foreignFragments('en')).toContain('Petit rappel de la charte 🙂');
  });
});

describe('validateBlocks: selects, pickers, confirmations and inputs', () => {
  const option = (text: string, value: string) => ({ text: { type: 'plain_text', text }, value });

  it('reports broken menus, pickers and confirmation dialogs', () => {
    const problems = validateBlocks([
      {
        type: 'actions',
        elements: [
          { type: 'static_select', action_id: 'a', options: [option('A', 'a'), option('B', 'a')], initial_option: option('C', 'c') },
          { type: 'static_select', action_id: 'b', options: [] },
          { type: 'datepicker', action_id: 'c', initial_date: '28/11/2026' },
          { type: 'conversations_select', action_id: 'd', initial_conversation: '#general' },
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Go' },
            action_id: 'e',
            confirm: { title: { type: 'plain_text', text: 't'.repeat(101) }, text: { type: 'plain_text', text: 'ok' }, confirm: { type: 'plain_text', text: 'y' } },
          },
          { type: 'plain_text_input', action_id: 'f' },
        ],
      },
      { type: 'input', label: { type: 'plain_text', text: 'Note' }, element: { type: 'plain_text_input', action_id: 'g' } },
    ]);
    expect(problems).toEqual([
      'blocks[0].elements[0]: duplicate option value "a"',
      'blocks[0].elements[0]: initial_option is not one of the options',
      'blocks[0].elements[1]: no options',
      'blocks[0].elements[2]: initial_date "28/11/2026"',
      'blocks[0].elements[3]: initial_conversation "#general"',
      'blocks[0].elements[4].confirm.title: text is 101 characters (max 100)',
      'blocks[0].elements[4].confirm.deny: missing text object',
      'blocks[0].elements[5]: "plain_text_input" in an actions block',
      'blocks[1]: input block outside a modal',
    ]);
  });

  it('wants a submit button on a modal with inputs', () => {
    const input = { type: 'input', label: { type: 'plain_text', text: 'Note' }, element: { type: 'plain_text_input', action_id: 'g', max_length: 5000 } };
    expect(validateView({ type: 'modal', title: plain('Note'), blocks: [input] })).toEqual([
      'view: input blocks without a submit button',
      'blocks[0].element: max_length 5000',
    ]);
  });
});
