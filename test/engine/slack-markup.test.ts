import { readMarkup, USER_PLACEHOLDER } from '../../src/engine/slack-markup';
import { toOriginalRange } from '../../src/engine/text-view';

describe('readMarkup', () => {
  test('a text without markup is its own prose and data view', () => {
    const views = readMarkup('hello team');
    expect(views.prose.text).toBe('hello team');
    expect(views.data.text).toBe('hello team');
    expect(toOriginalRange(views.prose, 6, 10)).toEqual([6, 10]);
  });

  test('decodes &amp; &lt; &gt; and maps decoded characters back to the entity', () => {
    const original = 'a &lt;b&gt; &amp; c';
    const views = readMarkup(original);
    expect(views.prose.text).toBe('a <b> & c');
    const at = views.prose.text.indexOf('&');
    expect(toOriginalRange(views.prose, at, at + 1)).toEqual([12, 17]);
    expect(original.slice(12, 17)).toBe('&amp;');
  });

  test('keeps link labels in prose, link targets in data only', () => {
    const original = 'see <https://x.io/fuck|the doc> now';
    const views = readMarkup(original);
    expect(views.prose.text.replace(/\s+/g, ' ')).toBe('see the doc now');
    expect(views.data.text).toContain('https://x.io/fuck');
    expect(views.data.text).toContain('the doc');
  });

  test('does not repeat a mailto label equal to its address in the data view', () => {
    const views = readMarkup('<mailto:jean@acme.fr|jean@acme.fr>');
    expect(views.data.text.match(/jean@acme\.fr/g)).toHaveLength(1);
  });

  test('drops code spans, code blocks, quotes and emoji from prose; keeps them in data', () => {
    const original = 'ok `rm -rf` :tada:\n```\nSECRET=x\n```\n&gt; quoted words\nend';
    const views = readMarkup(original);
    expect(views.prose.text).not.toContain('rm -rf');
    expect(views.prose.text).not.toContain('SECRET');
    expect(views.prose.text).not.toContain('quoted');
    expect(views.prose.text).not.toContain('tada');
    expect(views.prose.text).toContain('end');
    expect(views.data.text).toContain('SECRET=x');
    expect(views.data.text).toContain('> quoted words');
  });

  test('the hidden view holds the code, quotes and link targets prose leaves out, not emoji names', () => {
    const views = readMarkup('see <https://x.io/a|the doc> `rm -rf` :tada:\n&gt; quoted');
    expect(views.hidden.text).not.toContain('tada');
    expect(readMarkup('bravo :tada: :rocket:').hidden.text).toBe('');
    expect(views.hidden.text).toContain('https://x.io/a');
    expect(views.hidden.text).toContain('rm -rf');
    expect(views.hidden.text).toContain('> quoted');
    expect(views.hidden.text).not.toContain('the doc');
    expect(readMarkup('plain words').hidden.text).toBe('');
  });

  test('replaces user mentions by a placeholder mapped to the whole mention, and lists special mentions', () => {
    const original = '<@U024BE7LH> hi <!channel> and <!here> <!subteam^S1|@devs>';
    const views = readMarkup(original);
    expect(views.prose.text.startsWith(USER_PLACEHOLDER)).toBe(true);
    expect(toOriginalRange(views.prose, 0, 1)).toEqual([0, 12]);
    expect(views.mentions.map((m) => m.kind)).toEqual(['user', 'channel', 'here', 'subteam']);
    const channel = views.mentions[1];
    expect(original.slice(channel?.start, channel?.end)).toBe('<!channel>');
  });

  test('keeps channel link labels as prose', () => {
    expect(readMarkup('go to <#C024BE7LR|general>').prose.text.trim()).toBe('go to general');
  });

  test('treats an unclosed backtick or angle bracket as plain text', () => {
    expect(readMarkup('a ` b').prose.text).toBe('a ` b');
    expect(readMarkup('a < b').prose.text).toBe('a < b');
  });
});
