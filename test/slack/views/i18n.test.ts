import { CATEGORIES, SEVERITIES } from '../../../src/engine/types';
import {
  categoryLabel,
  fill,
  formatDate,
  formatDay,
  localeToLang,
  ordinal,
  placeholders,
  plural,
  severityLabel,
  STRINGS,
  t,
} from '../../../src/slack/i18n';

describe('STRINGS', () => {
  const frKeys = Object.keys(STRINGS.fr).sort();
  const enKeys = Object.keys(STRINGS.en).sort();

  it('has the same keys in French and English', () => {
    expect(enKeys).toEqual(frKeys);
  });

  it.each(frKeys)('%s has the same placeholders in both languages and no empty text', (key) => {
    const fr = STRINGS.fr[key as keyof typeof STRINGS.fr];
    const en = STRINGS.en[key as keyof typeof STRINGS.en];
    expect(placeholders(en)).toEqual(placeholders(fr));
    expect(fr.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(fr).toBe(fr.trim());
    expect(en).toBe(en.trim());
  });

  it('follows French typography: no-break space before : ! ? ;, no straight double quotes', () => {
    const problems: string[] = [];
    for (const [key, value] of Object.entries(STRINGS.fr)) {
      // Ignore code spans (`/charter help`) and placeholders.
      const prose = value.replace(/`[^`]*`/g, '').replace(/\{[a-zA-Z]+\}/g, 'X');
      if (/ [:!?;]/.test(prose)) problems.push(`${key}: ordinary space before punctuation`);
      if (/[\p{L}\p{N}*_)»][:!?;]/u.test(prose.replace(/https?:\/\//g, ''))) problems.push(`${key}: no space before punctuation`);
      if (prose.includes('"')) problems.push(`${key}: straight quotes`);
      if (/« | »/.test(prose)) problems.push(`${key}: ordinary space inside « »`);
    }
    expect(problems).toEqual([]);
  });

  it('uses at most one emoji per string', () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const value of Object.values(STRINGS[lang])) {
        expect([...value.matchAll(/\p{Extended_Pictographic}/gu)].length).toBeLessThanOrEqual(1);
      }
    }
  });

  it('labels every category and severity in both languages', () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const category of CATEGORIES) expect(categoryLabel(lang, category)).not.toMatch(/^category\./);
      for (const severity of SEVERITIES) expect(severityLabel(lang, severity)).not.toMatch(/^severity\./);
    }
    expect(categoryLabel('fr', 'password')).toBe('Mot de passe');
    expect(severityLabel('en', 'critical')).toBe('critical');
  });
});

describe('t, fill, plural', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('fr', 'reminder.readArticle', { number: '2.1' })).toBe('Lire l’article 2.1');
    expect(t('en', 'reminder.readArticle', { number: '2.1' })).toBe('Read article 2.1');
    expect(fill('{a} {b}', { a: 1 })).toBe('1 {b}');
  });

  it('picks singular and plural per language (French 0 and 1 are singular)', () => {
    expect(plural('fr', 'reminder.more', 1)).toBe('Et 1 autre point dans ce message.');
    expect(plural('fr', 'reminder.more', 0)).toBe('Et 0 autre point dans ce message.');
    expect(plural('fr', 'reminder.more', 3)).toBe('Et 3 autres points dans ce message.');
    expect(plural('en', 'reminder.more', 1)).toBe('And 1 more point in this message.');
    expect(plural('en', 'reminder.more', 0)).toBe('And 0 more points in this message.');
  });

  it('writes ordinals', () => {
    expect([1, 2, 3].map((n) => ordinal('fr', n))).toEqual(['1er', '2e', '3e']);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 103].map((n) => ordinal('en', n))).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '103rd',
    ]);
  });
});

describe('localeToLang', () => {
  it.each([
    ['fr-FR', 'fr'],
    ['fr-CA', 'fr'],
    ['fr_BE', 'fr'],
    ['FR', 'fr'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['en', 'en'],
  ] as const)('%s → %s', (locale, lang) => {
    expect(localeToLang(locale, lang === 'fr' ? 'en' : 'fr')).toBe(lang);
  });

  it('falls back for other or missing locales', () => {
    expect(localeToLang('de-DE', 'fr')).toBe('fr');
    expect(localeToLang('es-ES', 'en')).toBe('en');
    expect(localeToLang(undefined, 'en')).toBe('en');
    expect(localeToLang('', 'fr')).toBe('fr');
  });
});

describe('dates', () => {
  const at = Date.UTC(2026, 10, 28, 23, 30);

  it('formats per language, in UTC by default', () => {
    expect(formatDate('fr', at)).toBe('28/11/2026');
    expect(formatDate('en', at)).toBe('28 Nov 2026');
  });

  it('formats in a given time zone, and falls back to UTC for an unknown one', () => {
    expect(formatDate('fr', at, 'Europe/Paris')).toBe('29/11/2026');
    expect(formatDate('fr', at, 'Mars/Olympus')).toBe('28/11/2026');
  });

  it('says today and yesterday', () => {
    expect(formatDay('fr', at, at + 3600_000 * 0.25)).toBe('aujourd’hui');
    expect(formatDay('en', at, at + 86_400_000)).toBe('yesterday');
    expect(formatDay('en', at, at + 3 * 86_400_000)).toBe('28 Nov 2026');
  });
});
