import { personalData } from '../../src/detectors/personal-data';
import { evaluate } from '../../src/engine/evaluate';
import { singleRuleSet, testDetector } from '../helpers/detector-tester';

testDetector(personalData, {
  valid: [
    'ok pour moi, on se voit à 14h30 salle B2 ?',
    'see <https://github.com/acme/api/pull/412|PR 412>, build 20261128.3 passed',
    'merci <@U024BE7LH> pour la review',
    // Numbers that are not phone numbers.
    'ticket 12345678 ok, commande 2024-11-28-0042',
    'rdv le 12/03/2024 à 14h30, timestamp 1732800000.123456',
    'see https://github.com/acme/api/pull/41234567',
    'SIRET 732 829 320 00074',
    '07 00 00 00 00',
    // The digits of a social security number hold "05 78 006 084", a valid landline: not a phone.
    'sécu : 1 85 05 78 006 084 91',
    // Services, not people.
    'appelez le 0800 123 456 (numéro vert)',
    // Addresses that name no person.
    'écrivez à contact@acme.fr ou support@acme.fr',
    'no-reply@notifications.acme.fr',
    'user@example.com, jane@test.example.org',
    'git@github.com:acme/api.git',
    'icon@2x.png, lodash@4.17.21, @types/node@20.1',
    '`npm i @acme/ui@3.2.0`',
    // Credentials in a URL are the secret detector's business, not an e-mail address.
    'DATABASE_URL=postgres://app:Zk3xPq9Lm2@db.internal:5432/prod',
    'connect with postgres://readonly@db.internal:5432/analytics',
  ],
  invalid: [
    {
      message: 'appelle-moi au 06 12 34 56 78 stp',
      matches: ['06 12 34 56 78'],
      excerpts: ['•• •• •• •• 78'],
      messageId: 'phone',
    },
    { message: 'mon num: +33 6 12 34 56 78', matches: ['+33 6 12 34 56 78'], excerpts: ['••• • •• •• •• 78'] },
    { message: 'tel 0612345678.', matches: ['0612345678'] },
    { message: 'standard : 01 23 45 67 89', matches: ['01 23 45 67 89'] },
    { message: '+33 (0)6 12 34 56 78', matches: ['+33 (0)6 12 34 56 78'] },
    { message: 'joignable au (06 12 34 56 78)', matches: ['06 12 34 56 78'] },
    // French overseas numbers written nationally.
    { message: 'à La Réunion : 0692 12 34 56', matches: ['0692 12 34 56'] },
    { message: 'call Bob on +1 415 555 2671', matches: ['+1 415 555 2671'] },
    { message: '06 12 34 56 78 07 98 76 54 32', count: 2, matches: ['06 12 34 56 78', '07 98 76 54 32'] },
    // Slack's tel: link is one number.
    { message: '<tel:+33612345678|06 12 34 56 78>', matches: ['+33612345678|06 12 34 56 78'] },
    {
      message: 'écris à jean.dupont@acme.fr',
      matches: ['jean.dupont@acme.fr'],
      excerpts: ['j•••.••••••@••••.••'],
      messageId: 'email',
    },
    { message: '<mailto:jean.dupont@acme.fr|jean.dupont@acme.fr>', matches: ['jean.dupont@acme.fr'] },
    { message: '<mailto:marie@partner.co.uk|Marie>', matches: ['marie@partner.co.uk'] },
    {
      message: { text: 'Marie : marie.curie@partner.fr, 07 98 76 54 32', channel: { name: 'ext-partner', external: true } },
      count: 2,
    },
  ],
});

testDetector(personalData, {
  options: { kinds: ['email'], ignoreDomains: ['acme.fr'], ignoreAddresses: ['paul@partner.fr'] },
  valid: ['06 12 34 56 78', 'jean.dupont@acme.fr, a@rh.acme.fr', 'Paul@partner.fr'],
  invalid: [{ message: 'marie@partner.fr', matches: ['marie@partner.fr'] }],
});

testDetector(personalData, {
  options: { kinds: ['phone'], defaultCountry: 'GB', ignoreRoleAddresses: false },
  valid: ['contact@acme.fr', '06 12 34 56 78'],
  invalid: [{ message: 'ring me on 07400 123456', matches: ['07400 123456'] }],
});

describe('personal-data options', () => {
  test('an unknown country is refused', () => {
    expect(() => personalData.optionsSchema.parse({ defaultCountry: 'XX' })).toThrow();
  });
});

describe('personal-data on 40,000-character inputs', () => {
  const ruleSet = singleRuleSet(personalData, {});
  test.each([
    ['1 '.repeat(20000), 0],
    ['4'.repeat(40000), 0],
    ['0'.repeat(40000), 0],
    ['a@'.repeat(20000), 0],
    ['a.'.repeat(19999) + '@b.fr', 0],
    [`${'x '.repeat(19980)}06 12 34 56 78`, 1],
    ['06 12 34 56 78, '.repeat(2500), 50],
    ['06 12 34 56 78 '.repeat(2666), 10],
  ])('input %#', (text, findings) => {
    const verdict = evaluate({ text: text as string }, ruleSet);
    expect(verdict.errors).toEqual([]);
    expect(verdict.findings.length).toBeGreaterThanOrEqual(Math.min(findings as number, 1));
    expect(verdict.findings.length).toBeLessThanOrEqual(50);
    if (findings === 0) expect(verdict.findings).toEqual([]);
  });
});
