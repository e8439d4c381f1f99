import { iban } from '../../src/detectors/iban';
import { evaluate } from '../../src/engine/evaluate';
import { singleRuleSet, testDetector } from '../helpers/detector-tester';

/** ISO 13616 check digits, computed independently of ibantools. */
function ibanOf(country: string, bban: string): string {
  const numeric = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return country + String(98 - remainder).padStart(2, '0') + bban;
}

/** A French IBAN with a right RIB key (bank 5 digits, branch 5, account 11 digits). */
function frenchIban(bank: string, branch: string, account: string): string {
  const key = 97 - ((89 * Number(bank) + 15 * Number(branch) + 3 * Number(account)) % 97);
  return ibanOf('FR', bank + branch + account + String(key).padStart(2, '0'));
}

function grouped(value: string, sep = ' '): string {
  return value.replace(/(.{4})(?=.)/g, `$1${sep}`);
}

const FR = frenchIban('30004', '52601', '81590830166'); // FR7630004526018159083016628
const FR_2 = frenchIban('30004', '13186', '09139099603');
const DE = ibanOf('DE', '370400445181909378');
const BE = ibanOf('BE', '539007547034');
const GB = ibanOf('GB', 'NWBK60161331926819');
const NL = ibanOf('NL', 'ABNA0417164300');
const NO = ibanOf('NO', '86011117947');

/** Changes one digit of the BBAN, so the mod-97 check fails. */
function broken(value: string): string {
  const last = Number(value[value.length - 1]);
  return value.slice(0, -1) + String((last + 1) % 10);
}

testDetector(iban, {
  valid: [
    'ok pour moi, on se voit à 14h30 salle B2 ?',
    'see <https://github.com/acme/api/pull/412|PR 412>, build 20261128.3 passed',
    // Check digits wrong.
    `IBAN : ${grouped(broken(FR))}`,
    `iban ${broken(DE)}`,
    // Glued to other letters or digits.
    `x${FR}`,
    `${FR}1`,
    `ref_${FR}`,
    // Looks like one, is not: unknown country, wrong length, a postcode and a plate.
    'ZZ12 3456 7890 1234 5678',
    `${grouped(FR).slice(0, -4)}`,
    'FR 75011 Paris, plaque AB-123-CD',
    'TVA intracom FR44 732829320, SIRET 732 829 320 00074',
    'flight AF1234 then AB12 CD34',
    'the api key is v2 AB12CD34EF56',
  ],
  invalid: [
    {
      message: `IBAN : ${grouped(FR)}`,
      matches: [grouped(FR)],
      excerpts: ['FR•• •••• •••• •••• •••• •••• •28'],
      messageId: 'iban',
    },
    { message: `iban ${FR} merci`, matches: [FR], excerpts: ['FR•••••••••••••••••••••••28'] },
    { message: `mon rib : ${grouped(FR).toLowerCase()}`, matches: [grouped(FR).toLowerCase()] },
    {
      message: `${grouped(FR_2)} et ${grouped(DE)} ok`,
      count: 2,
      matches: [grouped(FR_2), grouped(DE)],
    },
    // A word after the last group is not taken for a group.
    { message: `BE: ${grouped(BE)} merci beaucoup`, matches: [grouped(BE)], excerpts: ['BE•• •••• •••• ••34'] },
    { message: `UK account ${grouped(GB)}`, matches: [grouped(GB)] },
    { message: `${grouped(NO)}.`, matches: [grouped(NO)] },
    { message: '`' + NL + '`', matches: [NL] },
    { message: '```\niban: ' + FR + '\nbic: BNPAFRPP\n```', matches: [FR] },
    { message: `<https://pay.acme.fr/${FR}|virement>`, matches: [FR] },
    { message: `> ${grouped(FR)}`, matches: [grouped(FR)] },
    // A number after the IBAN is not part of it.
    { message: `${grouped(FR)} 1234`, matches: [grouped(FR)] },
    { message: { text: `RIB: ${grouped(FR, '\u00a0')}`, channel: { name: 'fournisseurs', external: true } }, count: 1 },
  ],
});

testDetector(iban, {
  options: { countries: ['FR'] },
  valid: [`account ${grouped(DE)}`],
  invalid: [{ message: `compte ${grouped(FR)}`, matches: [grouped(FR)] }],
});

describe('iban on 40,000-character inputs', () => {
  const ruleSet = singleRuleSet(iban, {});
  test.each([
    ['FR76 '.repeat(8000), 0],
    [`FR76${'0'.repeat(39996)}`, 0],
    ['ab12 '.repeat(8000), 0],
    [`${'a '.repeat(19980)}${FR}`, 1],
    [`${grouped(FR)} `.repeat(1150), 50],
  ])('input %#', (text, findings) => {
    const verdict = evaluate({ text: text as string }, ruleSet);
    expect(verdict.errors).toEqual([]);
    expect(verdict.findings).toHaveLength(findings as number);
  });
});
