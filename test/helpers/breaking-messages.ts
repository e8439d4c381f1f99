/**
 * Messages that break the default rules, FR and EN, for moderation tests. Secrets are assembled
 * from pieces so this file itself holds no scannable credential.
 */

/** A Luhn-valid Visa test-range number that is not a documented test card. */
export const PLANTED_CARD = '4970 1012 3456 7893';
/** A valid French IBAN (mod-97). */
export const PLANTED_IBAN = 'FR76 3000 6000 0112 3456 7890 189';
/** A Slack bot token shape. */
export const PLANTED_TOKEN = ['xoxb', '2918273645', '1827364519', 'aBcDeFgHiJkLmNoPqRsTuVwX'].join('-');
/** A GitHub personal access token shape. */
export const PLANTED_GITHUB = ['ghp', 'R4nd0mL00k1ngT0k3nW1thN0M34n1ng00007'].join('_');
/** A password given in prose. */
export const PLANTED_PASSWORD = 'Tournesol#2026';

/** Texts that each break at least one default rule in a non-client channel. */
export const BREAKING_TEXTS: readonly string[] = [
  "t'es vraiment un con",
  'putain, encore une panne',
  'you are such an idiot',
  'this is fucking broken again',
  `ma carte : ${PLANTED_CARD}`,
  `virement sur ${PLANTED_IBAN} stp`,
  `le token du bot : ${PLANTED_TOKEN}`,
  `export GITHUB_TOKEN=${PLANTED_GITHUB}`,
  `mdp : ${PLANTED_PASSWORD}`,
  'ARRÊTEZ DE MODIFIER LE FICHIER PARTAGÉ SANS PRÉVENIR PERSONNE',
  '<!channel> qui a pris mon chargeur ?',
];

/** The planted values that must never be stored or logged. */
export const PLANTED_SECRETS: readonly string[] = [PLANTED_CARD, PLANTED_IBAN, PLANTED_TOKEN, PLANTED_GITHUB, PLANTED_PASSWORD];
