import { luhnValid, mod97, nirKey } from '../../src/detectors/checksums';

describe('luhnValid', () => {
  test.each([
    ['4970859387011106', true],
    ['4970859387011107', false],
    ['79927398713', true], // the classic example
    ['79927398710', false],
    ['0', true],
    ['', false],
    ['4970 8593', false],
    ['49a0', false],
  ])('%s → %s', (digits, expected) => {
    expect(luhnValid(digits)).toBe(expected);
  });
});

describe('mod97', () => {
  test('agrees with BigInt on long numbers', () => {
    for (const digits of ['1850578006084', '3000452601815908301662815270', '9'.repeat(60), '0000123']) {
      expect(mod97(digits)).toBe(Number(BigInt(digits) % 97n));
    }
  });
  test('refuses what is not digits', () => {
    expect(mod97('')).toBe(-1);
    expect(mod97('12a')).toBe(-1);
  });
});

describe('nirKey', () => {
  test('is 97 minus the remainder', () => {
    expect(nirKey('1850578006084')).toBe(97 - (1850578006084 % 97));
    expect(nirKey('185057800608')).toBe(-1);
  });
});
