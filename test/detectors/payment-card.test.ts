import { paymentCard, cardBrand } from '../../src/detectors/payment-card';
import { evaluate } from '../../src/engine/evaluate';
import { singleRuleSet, testDetector } from '../helpers/detector-tester';

/** Appends a Luhn check digit (written independently of the detector's own Luhn). */
function card(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

/** Writes a number in groups: group('4970…', [4, 4, 4, 4]) → '4970 … … …'. */
function group(digits: string, sizes: number[], sep = ' '): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(sep);
}

/** Changes the last digit, so the Luhn check fails. */
function broken(digits: string): string {
  const last = Number(digits[digits.length - 1]);
  return digits.slice(0, -1) + String((last + 1) % 10);
}

const VISA = card('497085938701110'); // 4970859387011106
const VISA_13 = card('497070397155'); // 4970703971556
const VISA_19 = card('497091102293336788');
const MASTERCARD = card('513208014627877');
const MASTERCARD_2 = card('272093553324722');
const AMEX = card('37149397214527');
const DISCOVER = card('601105679107553');
const JCB = card('353018139542298');
const DINERS_14 = card('3056217203981');
const UNIONPAY = card('621205839213490');
const MAESTRO = card('675904385977575');
const G4 = [4, 4, 4, 4];

describe('cardBrand', () => {
  test.each([
    [VISA, 'Visa'],
    [VISA_13, 'Visa'],
    [MASTERCARD, 'Mastercard'],
    [MASTERCARD_2, 'Mastercard'],
    [AMEX, 'American Express'],
    [DISCOVER, 'Discover'],
    [JCB, 'JCB'],
    [DINERS_14, 'Diners Club'],
    [UNIONPAY, 'UnionPay'],
    [MAESTRO, 'Maestro'],
  ])('%s is %s', (digits, brand) => {
    expect(cardBrand(digits)).toBe(brand);
  });

  test('a prefix with the wrong length is no card', () => {
    expect(cardBrand(VISA.slice(0, 15))).toBeUndefined();
    expect(cardBrand(AMEX + '0')).toBeUndefined();
    expect(cardBrand('1732524737050')).toBeUndefined();
  });
});

testDetector(paymentCard, {
  valid: [
    'ok pour moi, on se voit à 14h30 salle B2 ?',
    'see <https://github.com/acme/api/pull/412|PR 412>, build 20261128.3 passed',
    // Public test numbers.
    'pour tester le paiement : 4242 4242 4242 4242, exp 12/34, CVC 123',
    'use `4111111111111111` or 5555 5555 5555 4444 on staging',
    'Stripe test card 4000 0566 5566 5556 works in test mode',
    // Luhn fails.
    `ma CB : ${group(broken(VISA), G4)}`,
    // 13 contiguous digits without a card keyword: an id, an epoch in ms.
    `commande ${VISA_13} expédiée hier`,
    'created_at=1732524737050',
    // Ids in URLs, paths, versions, glued to letters.
    `see <https://shop.acme.fr/orders/${VISA}|the order>`,
    `file /var/exports/${VISA}.csv`,
    `build ${VISA}.3 passed`,
    `ref A${VISA}`,
    `https://shop.acme.fr/track?order=${VISA}`,
    `invoice #${VISA}`,
    // Maestro ranges are wide: only with a card keyword.
    group(MAESTRO, G4),
    // Too long to be a card: 20 digits in groups of four (an account number, an IBAN's digits).
    `${group(VISA, G4)} 1234`,
    'IBAN FR76 3000 4526 0181 5908 3016 628',
    // Other numbers.
    'rappelle-moi au 06 12 34 56 78 ou au +33 6 12 34 56 78',
    'SIRET 732 829 320 00074, TVA FR44 732829320',
    'call me at (415) 555-2671, order 2024-11-28-0042',
    'tracking 1Z999AA10123456784 shipped',
  ],
  invalid: [
    {
      message: `ma CB : ${group(VISA, G4)} exp 12/26`,
      matches: [group(VISA, G4)],
      excerpts: ['•••• •••• •••• 1106'],
      messageId: 'card',
    },
    { message: VISA, matches: [VISA], excerpts: ['••••••••••••1106'] },
    {
      message: `card ${group(VISA, G4, '-')}.`,
      matches: [group(VISA, G4, '-')],
      excerpts: ['••••-••••-••••-1106'],
    },
    {
      message: `Amex ${group(AMEX, [4, 6, 5])}`,
      matches: [group(AMEX, [4, 6, 5])],
      excerpts: [`•••• •••••• •${AMEX.slice(-4)}`],
    },
    { message: `my card is ${MASTERCARD_2}, thanks`, matches: [MASTERCARD_2] },
    { message: `cb ${DINERS_14}`, matches: [DINERS_14] },
    { message: `visa ${VISA_13}`, matches: [VISA_13] },
    { message: `carte maestro ${group(MAESTRO, G4)}`, matches: [group(MAESTRO, G4)] },
    {
      message: `${group(VISA, G4)}, ${group(MASTERCARD, G4)}`,
      count: 2,
      matches: [group(VISA, G4), group(MASTERCARD, G4)],
      excerpts: ['•••• •••• •••• 1106', `•••• •••• •••• ${MASTERCARD.slice(-4)}`],
    },
    // The CVV after the number is not part of it.
    { message: `${group(VISA, G4)} 123 exp 11/27`, matches: [group(VISA, G4)] },
    { message: `19 digits: ${group(VISA_19, [4, 4, 4, 4, 3])}`, matches: [group(VISA_19, [4, 4, 4, 4, 3])] },
    { message: '```\ncard_number: ' + DISCOVER + '\n```', matches: [DISCOVER] },
    // `=` glues an id to a URL parameter, but not a card to its key.
    { message: '```\npan=' + VISA + '\nexp=12/26\n```', matches: [VISA] },
    { message: `LIVE_TEST_CARD=${MASTERCARD}`, matches: [MASTERCARD] },
    { message: `JCB ${group(JCB, G4)} / UnionPay ${group(UNIONPAY, G4)}`, count: 2 },
    { message: `*${group(VISA, G4)}*`, matches: [group(VISA, G4)] },
    {
      message: { text: `<https://pay.acme.fr|${VISA}> merci`, channel: { name: 'compta', external: true } },
      matches: [VISA],
    },
    // French typography: non-breaking spaces between the groups.
    { message: `CB : ${group(VISA, G4, '\u00a0')}`, matches: [group(VISA, G4, '\u00a0')] },
  ],
});

testDetector(paymentCard, {
  options: { allowTestNumbers: false },
  valid: [`commande ${VISA_13}`],
  invalid: [{ message: 'test card 4242 4242 4242 4242', matches: ['4242 4242 4242 4242'] }],
});

describe('payment-card on 40,000-character inputs', () => {
  const ruleSet = singleRuleSet(paymentCard, {});
  test.each([
    ['4'.repeat(40000), 0],
    ['1 '.repeat(20000), 0],
    ['4970-'.repeat(8000), 0],
    [`${'x'.repeat(39970)} ${VISA}`, 1],
    [`${group(VISA, G4)} `.repeat(2000), 0], // one run of 32,000 digits: a table, not a card
    [`${group(VISA, G4)}, `.repeat(1900), 50], // capped
  ])('input %#', (text, findings) => {
    const verdict = evaluate({ text: text as string }, ruleSet);
    expect(verdict.errors).toEqual([]);
    expect(verdict.findings).toHaveLength(findings as number);
  });
});
