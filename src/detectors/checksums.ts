/**
 * Check-digit algorithms shared by the data-leak detectors. Pure functions over digit strings:
 * they never allocate a number bigger than 2^53 (no BigInt needed) and run in linear time.
 */

/**
 * Whether a string of decimal digits passes the Luhn (mod 10) check used by payment cards
 * (ISO/IEC 7812), SIREN/SIRET numbers and IMEIs.
 *
 * Returns `false` for an empty string or any non-digit character.
 *
 * @example luhnValid('4970859387011106') === true
 * @example luhnValid('4970859387011107') === false
 */
export function luhnValid(digits: string): boolean {
  if (digits.length === 0) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * The remainder of a (possibly very long) decimal number modulo 97, computed in chunks so no
 * intermediate value leaves the safe-integer range.
 *
 * Returns `-1` when `digits` is empty or holds a non-digit character.
 *
 * @example mod97('1850578006084') === 1850578006084 % 97
 */
export function mod97(digits: string): number {
  if (digits.length === 0) return -1;
  let remainder = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    remainder = (remainder * 10 + d) % 97;
  }
  return remainder;
}

/**
 * The control key of a French social security number (NIR): `97 − (first 13 digits mod 97)`,
 * a number from 1 to 97. Corsican departments are handled by the caller (2A → 19, 2B → 18).
 *
 * Returns `-1` when `first13` is not 13 digits.
 *
 * @example nirKey('1850578006084') === 97 - (1850578006084 % 97)
 */
export function nirKey(first13: string): number {
  if (first13.length !== 13) return -1;
  const remainder = mod97(first13);
  return remainder < 0 ? -1 : 97 - remainder;
}
