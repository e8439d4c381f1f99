import { nationalId, nirValid } from '../../src/detectors/national-id';
import { evaluate } from '../../src/engine/evaluate';
import { singleRuleSet, testDetector } from '../helpers/detector-tester';

/** The NIR key with BigInt, independently of the detector's chunked arithmetic. */
function key(first13: string): string {
  const numeric = first13.replace('2A', '19').replace('2B', '18');
  return String(97n - (BigInt(numeric) % 97n)).padStart(2, '0');
}

/** A NIR from its parts, written with the usual spacing (or `sep`). */
function nir(parts: string[], sep = ' '): string {
  return [...parts, key(parts.join(''))].join(sep);
}

const MAN = nir(['1', '85', '05', '78', '006', '084']); // 1 85 05 78 006 084 91
const WOMAN = nir(['2', '93', '02', '75', '123', '456']);
const CORSICA_A = nir(['1', '85', '05', '2A', '012', '345']);
const CORSICA_B = nir(['2', '85', '11', '2B', '045', '067']);
const OVERSEAS = nir(['2', '76', '03', '971', '05', '123']); // Guadeloupe: 3-digit department
const ABROAD = nir(['1', '69', '08', '99', '352', '012']); // born abroad: department 99
const UNKNOWN_MONTH = nir(['1', '72', '35', '69', '123', '789']); // month 20–42: unknown
const PROVISIONAL = nir(['7', '85', '05', '78', '006', '084']);
const compact = (value: string) => value.replace(/ /g, '');

/** The same number with a wrong key. */
function wrongKey(value: string): string {
  const k = Number(value.slice(-2));
  return value.slice(0, -2) + String((k % 97) + 1).padStart(2, '0');
}

describe('nirValid', () => {
  test('accepts the right key and refuses the others', () => {
    expect(nirValid('1850578006084', key('1850578006084'))).toBe(true);
    expect(nirValid('1850578006084', wrongKey(MAN).slice(-2))).toBe(false);
  });
  test('counts Corsica as 19 (2A) and 18 (2B)', () => {
    expect(nirValid('185052A012345', key('185052A012345'))).toBe(true);
    expect(nirValid('285112B045067', key('285112B045067'))).toBe(true);
    expect(nirValid('185052A012345', key('185052B012345'))).toBe(false);
  });
});

testDetector(nationalId, {
  valid: [
    'ok pour moi, on se voit à 14h30 salle B2 ?',
    'see <https://github.com/acme/api/pull/412|PR 412>, build 20261128.3 passed',
    // Wrong key.
    `mon numéro de sécu : ${wrongKey(MAN)}`,
    compact(wrongKey(WOMAN)),
    // Impossible month (13–19, 43–49) or department 00.
    '1 85 13 78 006 084 36',
    `1 85 45 78 006 084 ${key('1854578006084')}`,
    `1 85 05 00 006 084 ${key('1850500006084')}`,
    // Sex digit 5, 6, 9, 0: not a NIR.
    `5 85 05 78 006 084 ${key('5850578006084')}`,
    // Glued to other digits or letters: part of a longer id.
    `${compact(MAN)}2`,
    `9${compact(MAN)}`,
    `ID${compact(MAN)}`,
    // Other numbers.
    'appelle le 01 85 05 78 00 ou le 06 12 34 56 78',
    'SIRET 732 829 320 00074',
    'order 185057800608 shipped, tracking 1Z999AA10123456784',
  ],
  invalid: [
    {
      message: `mon numéro de sécu : ${MAN}`,
      matches: [MAN],
      excerpts: ['• •• •• •• ••• ••• ••'],
      messageId: 'nir',
    },
    { message: compact(MAN), matches: [compact(MAN)], excerpts: ['•••••••••••••••'] },
    { message: `SSN (France): ${WOMAN}.`, matches: [WOMAN] },
    { message: `né à Ajaccio : ${CORSICA_A}`, matches: [CORSICA_A] },
    { message: `Bastia ${compact(CORSICA_B).toLowerCase()}`, matches: [compact(CORSICA_B).toLowerCase()] },
    { message: `Pointe-à-Pitre ${OVERSEAS}`, matches: [OVERSEAS], excerpts: ['• •• •• ••• •• ••• ••'] },
    { message: `né à l'étranger : ${ABROAD}`, matches: [ABROAD] },
    { message: UNKNOWN_MONTH, matches: [UNKNOWN_MONTH] },
    { message: `NIA provisoire ${PROVISIONAL}`, matches: [PROVISIONAL] },
    { message: `dotted ${MAN.replace(/ /g, '.')}`, matches: [MAN.replace(/ /g, '.')] },
    { message: '```\nnir=' + compact(MAN) + '\n```', matches: [compact(MAN)] },
    { message: `${MAN} et ${WOMAN}`, count: 2, matches: [MAN, WOMAN] },
    { message: { text: `> sécu ${MAN}`, channel: { name: 'rh', private: true } }, matches: [MAN] },
  ],
});

testDetector(nationalId, {
  options: { provisional: false },
  valid: [`NIA ${PROVISIONAL}`],
  invalid: [{ message: `sécu ${MAN}`, matches: [MAN] }],
});

describe('national-id on 40,000-character inputs', () => {
  const ruleSet = singleRuleSet(nationalId, {});
  test.each([
    ['1'.repeat(40000), 0],
    ['1 '.repeat(20000), 0],
    ['1 85 05 '.repeat(5000), 0],
    [`${'a '.repeat(19980)}${compact(MAN)}`, 1],
    [`${MAN} `.repeat(1800), 50],
  ])('input %#', (text, findings) => {
    const verdict = evaluate({ text: text as string }, ruleSet);
    expect(verdict.errors).toEqual([]);
    expect(verdict.findings).toHaveLength(findings as number);
  });
});
