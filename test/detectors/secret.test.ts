import { hasPlaceholderMarker, isPlaceholder, secret, shannonEntropy } from '../../src/detectors/secret';
import { evaluate } from '../../src/engine/evaluate';
import { singleRuleSet, testDetector } from '../helpers/detector-tester';

// The fake secrets are generated at run time by a seeded generator: random-looking enough for
// the detector, yet no token-shaped literal sits in the repository for secret scanners to flag.
let seed = 20240607;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const DIGITS = '0123456789';
const UPPER32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HEX = '0123456789abcdef';
function fake(length: number, alphabet = ALNUM): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}
const join = (...parts: string[]) => parts.join('');
/** An excerpt as the engine cuts it: 80 characters at most. */
const cut = (text: string) => (text.length <= 80 ? text : text.slice(0, 79) + '…');

const SLACK_BOT = join('xoxb', '-', fake(12, DIGITS), '-', fake(13, DIGITS), '-', fake(24));
const SLACK_USER = join('xoxp', '-', fake(12, DIGITS), '-', fake(12, DIGITS), '-', fake(13, DIGITS), '-', fake(32, HEX));
const SLACK_APP = join('xapp', '-1-A', fake(10, UPPER32), '-', fake(13, DIGITS), '-', fake(64, HEX));
const WEBHOOK = join('https://hooks.slack.com/services/', 'T', fake(8, UPPER32), '/B', fake(10, UPPER32), '/', fake(24));
const AWS_ID = join('AKIA', fake(16, UPPER32));
const AWS_SECRET = fake(40, ALNUM + '/+');
const GITHUB = join('ghp', '_', fake(36));
const GITHUB_PAT = join('github_pat', '_', fake(22), '_', fake(59));
const GITLAB = join('glpat', '-', fake(20, ALNUM + '-_'));
const STRIPE = join('sk', '_live_', fake(24));
const STRIPE_TEST = join('sk', '_test_', fake(24));
const GOOGLE = join('AI', 'za', fake(35, ALNUM + '-_'));
const OPENAI = join('sk', '-proj-', fake(64, ALNUM + '-_'));
const OPENAI_LEGACY = join('sk', '-', fake(20), 'T3Blbk', 'FJ', fake(20));
const ANTHROPIC = join('sk', '-ant-api03-', fake(93, ALNUM + '-_'));
const NPM = join('npm', '_', fake(36));
const SENDGRID = join('SG', '.', fake(22, ALNUM + '-_'), '.', fake(43, ALNUM + '-_'));
const PEM_BODY = [fake(64, ALNUM + '+/'), fake(64, ALNUM + '+/'), fake(40, ALNUM + '+/') + '=='].join('\n');
const RSA_KEY = join('-----BEGIN RSA ', 'PRIVATE KEY-----\n', PEM_BODY, '\n-----END RSA ', 'PRIVATE KEY-----');
const OPENSSH_KEY = join('-----BEGIN OPENSSH ', 'PRIVATE KEY-----\n', PEM_BODY, '\n-----END OPENSSH ', 'PRIVATE KEY-----');
const b64 = (json: string) => Buffer.from(json).toString('base64url');
const JWT = [
  b64('{"alg":"RS256","typ":"JWT"}'),
  b64(`{"sub":"u_${fake(8)}","exp":1999999999}`),
  fake(86, ALNUM + '-_'),
].join('.');
const DB_PASSWORD = fake(14);
const DB_URL = `postgres://app:${DB_PASSWORD}@db.acme.internal:5432/app`;

describe('placeholders and entropy', () => {
  test.each([
    'AKIAIOSFODNN7EXAMPLE',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'xoxb-your-token-here',
    'XXXXXXXXXXXXXXXXXXXXXXXX',
    '<token>',
    'changeme',
    'aaaaaaaaaaaaaaaa',
    '0123456789abcdef',
    'abababababababab',
    'REDACTED',
  ])('%s is a placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  test('a random value is not', () => {
    expect(isPlaceholder(fake(32))).toBe(false);
    expect(hasPlaceholderMarker('hunter22')).toBe(false);
    expect(hasPlaceholderMarker('<redacted>')).toBe(true);
  });

  test('entropy', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(shannonEntropy(fake(36))).toBeGreaterThan(4);
  });
});

testDetector(secret, {
  valid: [
    'ok pour moi, on se voit à 14h30 salle B2 ?',
    'see <https://github.com/acme/api/pull/412|PR 412>, build 20261128.3 passed',
    'risk-based approach, desk-sharing, a task-force',
    // Documented examples and placeholders.
    'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
    'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'export SLACK_BOT_TOKEN=xoxb-your-token-here',
    '`xoxb-XXXXXXXXXXXX-XXXXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXX`',
    'webhook: https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
    'GITHUB_TOKEN=ghp_' + 'a'.repeat(36),
    'token: ghp_<your-token>',
    // The jwt.io example token.
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    // Stripe test keys are meant to be shared.
    `STRIPE_KEY=${STRIPE_TEST}`,
    // Public keys and certificates are fine.
    '-----BEGIN PUBLIC KEY-----\n' + PEM_BODY + '\n-----END PUBLIC KEY-----',
    '```-----BEGIN CERTIFICATE-----\n' + PEM_BODY + '\n-----END CERTIFICATE-----```',
    // An abbreviated key in documentation.
    '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----',
    // URLs whose password is a template.
    'DATABASE_URL=postgres://user:password@localhost:5432/app',
    'mongodb://admin:${MONGO_PASSWORD}@mongo:27017',
    'redis://:<password>@cache:6379 et https://user:****@host',
    'see https://bob@example.com and https://acme.fr:8443/path@v2',
    // Near misses.
    'le ticket AKIA-1234 est fermé',
    'sk-learn is a Python library; npm_config_cache is an env var',
  ],
  invalid: [
    {
      message: `token: ${SLACK_BOT}`,
      matches: [SLACK_BOT],
      excerpts: [SLACK_BOT.replace(/(?<=^xoxb-.*)[A-Za-z0-9]/g, '•')],
      messageId: 'slackToken',
    },
    { message: '`' + SLACK_USER + '`', matches: [SLACK_USER], messageId: 'slackToken' },
    { message: `SLACK_APP_TOKEN=${SLACK_APP}`, matches: [SLACK_APP] },
    {
      message: `webhook <${WEBHOOK}|ici>`,
      matches: [WEBHOOK],
      messageId: 'slackWebhook',
      excerpts: [cut(WEBHOOK.replace(/(?<=services\/.*)[A-Za-z0-9]/g, '•'))],
    },
    {
      message: `creds: ${AWS_ID} / aws_secret_access_key = ${AWS_SECRET}`,
      count: 2,
      matches: [AWS_ID, `aws_secret_access_key = ${AWS_SECRET}`],
      excerpts: ['AKIA••••••••••••••••', 'aws_secret_access_key = ••••••••'],
    },
    { message: `export AWS_SECRET_ACCESS_KEY="${AWS_SECRET}"`, messageId: 'awsSecretKey' },
    { message: `GITHUB_TOKEN=${GITHUB}`, matches: [GITHUB], excerpts: ['ghp_' + '•'.repeat(36)] },
    { message: `fine-grained: ${GITHUB_PAT}`, matches: [GITHUB_PAT] },
    { message: `git clone https://oauth2:${GITLAB}@gitlab.acme.fr/web/front.git`, matches: [GITLAB], messageId: 'gitlabToken' },
    {
      message: `stripe ${STRIPE} (not ${STRIPE_TEST})`,
      matches: [STRIPE],
      excerpts: ['sk_live_' + '•'.repeat(24)],
    },
    { message: `maps key ${GOOGLE}`, matches: [GOOGLE] },
    { message: `OPENAI_API_KEY=${OPENAI}`, matches: [OPENAI], messageId: 'openaiKey' },
    { message: `old key ${OPENAI_LEGACY}`, matches: [OPENAI_LEGACY] },
    { message: `ANTHROPIC_API_KEY=${ANTHROPIC}`, matches: [ANTHROPIC], messageId: 'anthropicKey' },
    { message: `//registry.npmjs.org/:_authToken=${NPM}`, matches: [NPM] },
    { message: `SENDGRID_API_KEY=${SENDGRID}`, matches: [SENDGRID] },
    {
      message: '```\n' + RSA_KEY + '\n```',
      matches: [RSA_KEY.slice(0, RSA_KEY.indexOf('\n-----END'))],
      excerpts: [cut('-----BEGIN RSA PRIVATE KEY----- ' + PEM_BODY.replace(/[A-Za-z0-9+=]/g, '•').replace(/\n/g, ' '))],
      messageId: 'privateKey',
    },
    {
      message: `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,${fake(32, HEX)}\n\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----`,
      count: 1,
    },
    { message: `voilà la clé :\n${OPENSSH_KEY}\nmerci`, matches: [OPENSSH_KEY.slice(0, OPENSSH_KEY.indexOf('\n-----END'))] },
    // Without its END line (cut when pasted), the key material still counts.
    { message: `-----BEGIN EC PRIVATE KEY-----\n${PEM_BODY}`, matches: [`-----BEGIN EC PRIVATE KEY-----\n${PEM_BODY}`] },
    { message: `Authorization: Bearer ${JWT}`, matches: [JWT], messageId: 'jwt' },
    {
      message: `DATABASE_URL=${DB_URL}`,
      matches: [`postgres://app:${DB_PASSWORD}`],
      excerpts: ['postgres://app:••••••••'],
      messageId: 'urlPassword',
    },
    {
      message: `<https://deploy:${DB_PASSWORD}@ci.acme.fr/hook|le hook>`,
      matches: [`https://deploy:${DB_PASSWORD}`],
      excerpts: ['https://deploy:••••••••'],
    },
    // A token inside a URL is reported once, as the token.
    { message: `https://x-access-token:${GITHUB}@github.com/acme/api.git`, matches: [GITHUB], messageId: 'githubToken' },
    // Entities are decoded before matching; offsets still point into the original text.
    { message: `a &amp; b ${NPM}`, matches: [NPM] },
  ],
});

testDetector(secret, {
  options: { ignore: ['jwt'] },
  valid: [`Bearer ${JWT}`],
  invalid: [{ message: `key ${NPM}`, matches: [NPM] }],
});

describe('secret on 40,000-character inputs', () => {
  const ruleSet = singleRuleSet(secret, {});
  test.each([
    ['xoxb-'.repeat(8000), 0],
    [`xoxb-${'1'.repeat(39995)}`, 0],
    ['eyJ.'.repeat(10000), 0],
    [`eyJ${'a'.repeat(39997)}`, 0],
    ['a://'.repeat(10000), 0],
    ['https://a:b'.repeat(3636), 0],
    ['-----BEGIN '.repeat(3636), 0],
    [`-----BEGIN RSA PRIVATE KEY-----\n${'A'.repeat(39960)}`, 0],
    [`${'-----BEGIN RSA PRIVATE KEY-----'.repeat(1250)}\n-----END RSA PRIVATE KEY-----`, 0],
    [`${'-----BEGIN EC PRIVATE KEY-----\n' + PEM_BODY + '\n'}`.repeat(190), 50],
    ['sk-'.repeat(13333), 0],
    [`${'x '.repeat(19900)}${NPM}`, 1],
    [`${NPM} `.repeat(1000), 50],
  ])('input %#', (text, findings) => {
    const verdict = evaluate({ text: text as string }, ruleSet);
    expect(verdict.errors).toEqual([]);
    expect(verdict.findings).toHaveLength(findings as number);
  });
});
