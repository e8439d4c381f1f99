/**
 * `secret`: credentials pasted into a message — API tokens, cloud keys, private keys, signed
 * session tokens, passwords inside URLs.
 *
 * Built like gitleaks: each secret type has a keyword that must appear in the message before
 * its (bounded, linear-time) regular expression runs, and one combined keyword test guards the
 * whole detector, so ordinary chat costs a single regex test. Each hit is then checked:
 * documented example values and placeholders (`AKIAIOSFODNN7EXAMPLE`, `xoxb-your-token`,
 * `<token>`, `XXXX`, `changeme`, one repeated character, `0123456…`) are not leaks, and
 * random-looking types need a minimum Shannon entropy.
 *
 * Types: Slack tokens (`xoxb-`, `xoxp-`, `xoxa-`, `xoxr-`, `xoxs-`, `xoxe-`…, `xapp-`) and
 * webhooks, AWS access key ids and secret keys, GitHub and GitLab tokens, Stripe live keys
 * (`sk_test_` is not a leak), Google API keys, OpenAI and Anthropic keys, npm tokens, SendGrid
 * keys, PEM private keys (public keys and certificates are fine), JWTs, and URLs with an inline
 * password (`postgres://app:…@db`).
 *
 * The excerpt keeps the type prefix, which holds no secret (`xoxb-••••…`, `ghp_••••…`,
 * `-----BEGIN RSA PRIVATE KEY-----••••…`); for a URL it keeps `scheme://user:` and hides the
 * password behind a fixed-length mask.
 *
 * @example
 * // "token: xoxb-…" → one detection, message id `slackToken`, excerpt "xoxb-••••••••••-…"
 */
import { z } from 'zod';
import { NO_DETECTIONS, type Detection } from '../engine/detection';
import { toOriginalRange } from '../engine/text-view';
import type { TextStats } from '../engine/text-stats';
import type { Detector } from './types';

/** The secret types, i.e. the detector's message ids. */
export const SECRET_TYPES = [
  'slackToken',
  'slackWebhook',
  'awsAccessKey',
  'awsSecretKey',
  'githubToken',
  'gitlabToken',
  'stripeKey',
  'googleApiKey',
  'openaiKey',
  'anthropicKey',
  'npmToken',
  'sendgridKey',
  'privateKey',
  'jwt',
  'urlPassword',
] as const;

/** A secret type. */
export type SecretType = (typeof SECRET_TYPES)[number];

const optionsSchema = z
  .object({
    /** Secret types not to report (e.g. `['jwt']` in a team that shares short-lived test tokens). */
    ignore: z.array(z.enum(SECRET_TYPES)).default([]),
  })
  .strict();

/** Options of the `secret` detector. */
export type SecretOptions = z.infer<typeof optionsSchema>;

// ---------------------------------------------------------------------------------------------
// Placeholders and entropy

/** Words and marks that documentation and templates use instead of a real value. */
const PLACEHOLDER_MARKERS =
  /example|xxxx|your[_-]|<[^<>]{0,40}>|\{\{|\$\{|change_?me|placeholder|redacted|dummy|sample|insert[_-]|replace[_-]?me|not[_-]?a[_-]?real|\*\*\*|\.\.\.|…|••/i;

/**
 * Whether a value holds a placeholder marker (`EXAMPLE`, `xxxx`, `your_`, `<…>`, `{{`, `${`,
 * `changeme`, `placeholder`, `redacted`, `dummy`, `sample`, `***`, `...`). Unlike
 * {@link isPlaceholder} it does not judge randomness, so a weak but real password passes.
 *
 * @example hasPlaceholderMarker('<redacted>') === true
 * @example hasPlaceholderMarker('hunter22') === false
 */
export function hasPlaceholderMarker(value: string): boolean {
  return PLACEHOLDER_MARKERS.test(value);
}

/**
 * Whether a value is a documented example or a placeholder rather than a real secret: it
 * contains a marker such as `EXAMPLE`, `xxxx`, `your_`, `<…>`, `changeme`, `placeholder`,
 * `redacted`, `dummy`, `***`, `...`; it is one repeated character; it holds an obvious sequence
 * of six characters or more (`0123456789`, `abcdef`); or it uses three distinct characters or
 * fewer.
 *
 * @example isPlaceholder('AKIAIOSFODNN7EXAMPLE') === true
 * @example isPlaceholder('xoxb-your-token-here') === true
 * @example isPlaceholder('wJ8mQ2rT5vX9zB3nL6pK1dF4') === false
 */
export function isPlaceholder(value: string): boolean {
  if (value.length === 0) return true;
  if (PLACEHOLDER_MARKERS.test(value)) return true;
  let run = 1;
  let previousStep = 0;
  let distinct = 0;
  const seen = new Set<number>();
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!seen.has(c)) {
      seen.add(c);
      distinct++;
    }
    if (i > 0) {
      // A sequence goes one way (`012345`, `fedcba`); `434321` or `121212` is no sequence.
      const step = c - value.charCodeAt(i - 1);
      run = step === 1 || step === -1 ? (step === previousStep ? run + 1 : 2) : 1;
      previousStep = step;
      if (run >= 6) return true;
    }
  }
  return distinct <= 3;
}

/**
 * Shannon entropy of a string, in bits per character: about 5.2 for a random base-36 string of
 * 36 characters, under 3 for words and repeated patterns.
 *
 * @example shannonEntropy('aaaa') === 0
 * @example shannonEntropy('abcd') === 2
 */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/** Minimum entropy of a random-looking body: 16 random characters rarely fall under 2.8 bits. */
function entropyFloor(length: number): number {
  return length >= 20 ? 3 : 2.5;
}

function randomLooking(body: string): boolean {
  return !isPlaceholder(body) && shannonEntropy(body) >= entropyFloor(body.length);
}

// ---------------------------------------------------------------------------------------------
// Rules

/** What a rule keeps of a match: data offsets and how many characters stay visible. */
interface Hit {
  start: number;
  end: number;
  head: number;
  fixedLength?: boolean;
}

/** One secret type: a cheap keyword test, then a bounded regex, then a check of each match. */
interface SecretRule {
  readonly type: SecretType;
  /** Must occur in the data text for the pattern to run. */
  readonly keyword: RegExp;
  /** Global, linear-time pattern. */
  readonly pattern: RegExp;
  /** Turns a match into a hit, or `undefined` when it is not a real secret. */
  check(match: RegExpExecArray, data: string): Hit | undefined;
}

/** A hit covering the whole match, keeping group 1 (the type prefix) visible. */
function prefixed(match: RegExpExecArray, body: string | undefined): Hit | undefined {
  if (body === undefined || !randomLooking(body)) return undefined;
  return { start: match.index, end: match.index + match[0].length, head: (match[1] ?? '').length };
}

const DIGIT = /\d/;
const REPEATED = /^(.)\1*$/;

/** `scheme://user:password@`, cheaply: the keyword of URLs with an inline password. */
const URL_USERINFO = /:\/\/[^\s/@:]{0,128}:[^\s/@]{1,256}@/;
const JWT_HEADER_FIELD = /"(?:alg|typ)"/;

/** The JWT of jwt.io's documentation, pasted everywhere: its signature marks it as an example. */
const JWT_EXAMPLE_SIGNATURES: ReadonlySet<string> = new Set([
  'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  'KMUFsIDTnFmyG3nMiGM6H9FNFUROf3wh7SmqJp-QV30',
]);

/** Passwords that are obviously template values in a URL (`postgres://user:password@host`). */
const URL_PASSWORD_PLACEHOLDERS: ReadonlySet<string> = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'motdepasse', 'mot_de_passe', 'mdp', 'user',
  'username', 'login', 'token', 'apikey', 'api_key', 'key', 'x', 'xxx', 'pw', 'changeme', 'admin',
  'root', 'guest', 'test', 'demo', 'foo', 'bar', 'baz', 'example', 'null', 'none', 'empty',
]);

const URL_PASSWORD_TEMPLATE = /^(?:[$%{<[*:]|\$\{|\{\{)|[$%]\{?[A-Z_]{3,}\}?$/;

function decodeJsonPart(part: string): string {
  try {
    return Buffer.from(part, 'base64url').toString('utf8');
  } catch {
    return '';
  }
}

/** A PEM armour line of a private key (public keys and certificates do not match). */
const PEM_BEGIN = /-----BEGIN (?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY(?: BLOCK)?-----/g;
/** Key material: base64 lines (no dash, so it stops at the END line). */
const PEM_BODY = /[A-Za-z0-9+/=\s]{0,8000}/y;
/** Legacy encrypted PEM headers (`Proc-Type: 4,ENCRYPTED`, `DEK-Info: …`) before the material. */
const PEM_HEADERS = /\s{0,2}(?:[A-Za-z-]{1,40}: [^\n]{0,200}\n){1,4}/y;
const BASE64_CHAR = /[A-Za-z0-9+/]/;

const RULES: readonly SecretRule[] = [
  {
    type: 'privateKey',
    keyword: /PRIVATE KEY/,
    pattern: PEM_BEGIN,
    check(match, data) {
      // The detection covers the armour line and the key material up to the END line, or up to
      // where the key material stops if the END line was not pasted. The END line holds no secret.
      let at = match.index + match[0].length;
      PEM_HEADERS.lastIndex = at;
      const headers = PEM_HEADERS.exec(data);
      if (headers !== null) at += headers[0].length;
      PEM_BODY.lastIndex = at;
      const body = PEM_BODY.exec(data)?.[0] ?? '';
      let base64 = 0;
      for (let i = 0; i < body.length && base64 < 40; i++) if (BASE64_CHAR.test(body.charAt(i))) base64++;
      if (base64 < 40 || isPlaceholder(body)) return undefined;
      return { start: match.index, end: at + body.trimEnd().length, head: match[0].length };
    },
  },
  {
    type: 'slackWebhook',
    keyword: /hooks\.slack\.com/,
    pattern: /(https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/)([A-Za-z0-9_/-]{20,200})/g,
    check(match) {
      const path = match[2] ?? '';
      const secret = path.slice(path.lastIndexOf('/') + 1);
      if (isPlaceholder(path) || secret.length < 16 || !randomLooking(secret)) return undefined;
      return { start: match.index, end: match.index + match[0].length, head: (match[1] ?? '').length };
    },
  },
  {
    type: 'slackToken',
    keyword: /xox|xapp-/,
    pattern: /(?<![A-Za-z0-9_-])((?:xox(?:e\.xox)?[abposre]|xapp)-)([A-Za-z0-9-]{20,250})/g,
    check(match) {
      const body = match[2] ?? '';
      return DIGIT.test(body) ? prefixed(match, body) : undefined;
    },
  },
  {
    type: 'awsAccessKey',
    keyword: /A[KS]IA/,
    pattern: /(?<![A-Za-z0-9])(A[KS]IA)([A-Z0-9]{16})(?![A-Za-z0-9])/g,
    check: (match) => prefixed(match, match[2]),
  },
  {
    type: 'awsSecretKey',
    keyword: /secret_?access_?key|aws_?secret/i,
    pattern:
      /(?<![A-Za-z0-9])((?:aws_?)?secret_?(?:access_?)?key["']?[ \t]{0,3}(?:=>|:=|[:=])[ \t]{0,3}["']?)([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
    check(match) {
      const body = match[2] ?? '';
      if (isPlaceholder(body) || shannonEntropy(body) < 3.5) return undefined;
      return { start: match.index, end: match.index + match[0].length, head: (match[1] ?? '').length, fixedLength: true };
    },
  },
  {
    type: 'githubToken',
    keyword: /gh[pousr]_|github_pat_/,
    pattern: /(?<![A-Za-z0-9_])(gh[pousr]_|github_pat_)([A-Za-z0-9_]{36,251})/g,
    check(match) {
      const prefix = match[1] ?? '';
      const body = match[2] ?? '';
      if (prefix !== 'github_pat_' && body.includes('_')) return undefined;
      if (prefix === 'github_pat_' && body.length < 82) return undefined;
      return prefixed(match, body);
    },
  },
  {
    type: 'gitlabToken',
    keyword: /gl(?:pat|dt|rt)-/,
    pattern: /(?<![A-Za-z0-9_-])(gl(?:pat|dt|rt)-)([A-Za-z0-9_-]{20,250})/g,
    check: (match) => prefixed(match, match[2]),
  },
  {
    type: 'stripeKey',
    keyword: /[sr]k_live_/,
    pattern: /(?<![A-Za-z0-9_])([sr]k_live_)([A-Za-z0-9]{24,247})/g,
    check: (match) => prefixed(match, match[2]),
  },
  {
    type: 'googleApiKey',
    keyword: /AIza/,
    pattern: /(?<![A-Za-z0-9_-])(AIza)([0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g,
    check: (match) => prefixed(match, match[2]),
  },
  {
    type: 'anthropicKey',
    keyword: /sk-ant-/,
    pattern: /(?<![A-Za-z0-9_-])(sk-ant-(?:api|admin|sid)\d{2}-)([A-Za-z0-9_-]{32,300})/g,
    check: (match) => prefixed(match, match[2]),
  },
  {
    type: 'openaiKey',
    keyword: /sk-/,
    pattern: /(?<![A-Za-z0-9_-])(sk-(?:proj-|svcacct-|admin-)?)([A-Za-z0-9_-]{20,300})/g,
    check(match) {
      const prefix = match[1] ?? '';
      const body = match[2] ?? '';
      if (body.startsWith('ant-')) return undefined;
      const typed = prefix.length > 3;
      const legacy = body.length === 48 && !body.includes('-') && !body.includes('_');
      if (!(typed && body.length >= 40) && !legacy && !body.includes('T3BlbkFJ')) return undefined;
      return prefixed(match, body);
    },
  },
  {
    type: 'npmToken',
    keyword: /npm_/,
    pattern: /(?<![A-Za-z0-9_])(npm_)([A-Za-z0-9]{36})(?![A-Za-z0-9])/g,
    check: (match) => prefixed(match, match[2]),
  },
  {
    type: 'sendgridKey',
    keyword: /SG\./,
    pattern: /(?<![A-Za-z0-9_-])(SG\.)([A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g,
    check: (match) => prefixed(match, match[2]),
  },
  {
    type: 'jwt',
    keyword: /eyJ/,
    pattern: /(?<![A-Za-z0-9_-])(eyJ)([A-Za-z0-9_-]{8,2000})\.(eyJ[A-Za-z0-9_-]{8,4000})\.([A-Za-z0-9_-]{16,1000})/g,
    check(match) {
      const header = decodeJsonPart(`eyJ${match[2] ?? ''}`);
      const payload = decodeJsonPart(match[3] ?? '');
      const signature = match[4] ?? '';
      if (!header.startsWith('{"') || !JWT_HEADER_FIELD.test(header)) return undefined;
      if (!payload.startsWith('{')) return undefined;
      if (JWT_EXAMPLE_SIGNATURES.has(signature) || isPlaceholder(signature)) return undefined;
      return { start: match.index, end: match.index + match[0].length, head: 3 };
    },
  },
  {
    type: 'urlPassword',
    keyword: URL_USERINFO,
    pattern:
      /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/[^\s:/@<>|"'`]{0,128}:)([^\s/@<>|"'`]{1,256})@(?=[A-Za-z0-9[])/g,
    check(match) {
      const password = match[2] ?? '';
      const lower = password.toLowerCase();
      if (URL_PASSWORD_PLACEHOLDERS.has(lower) || URL_PASSWORD_TEMPLATE.test(password)) return undefined;
      // A real password may be weak (low entropy, a word): only markers and repeats disqualify it.
      if (PLACEHOLDER_MARKERS.test(password) || REPEATED.test(password)) return undefined;
      const head = (match[1] ?? '').length;
      return { start: match.index, end: match.index + head + password.length, head, fixedLength: true };
    },
  },
];

/** The detector's prefilter: one test of every rule's keyword. */
const ANY_KEYWORD = new RegExp(
  String.raw`xox|xapp-|hooks\.slack\.com|A[KS]IA|secret_?access_?key|aws_?secret|AWS_?SECRET|SECRET_?ACCESS_?KEY|gh[pousr]_|github_pat_|gl(?:pat|dt|rt)-|[sr]k_live_|AIza|sk-|npm_|SG\.|PRIVATE KEY|eyJ|` +
    URL_USERINFO.source,
);

/**
 * Every secret format is a long unbroken run of letters, digits, `_` and `-` (16 or more:
 * prefixes and bodies of API keys, JWT parts, AWS key names), a URL with `user:password@`, or a
 * PEM block. A message with none of them is skipped without any regular expression.
 */
function mayHoldSecret(stats: TextStats, original: string): boolean {
  return stats.longestRun >= 16 || (stats.scheme && stats.bareAt) || original.includes('PRIVATE KEY');
}

/** Detections reported per message at most. */
const MAX_DETECTIONS = 50;

/** Detects credentials: API tokens, cloud keys, private keys, JWTs, passwords in URLs. */
export const secret: Detector<SecretOptions> = {
  kind: 'secret',
  description: {
    fr: 'Secrets techniques : jetons d’API (Slack, GitHub, GitLab, Stripe, OpenAI…), clés AWS et Google, clés privées, JWT, mots de passe dans une URL.',
    en: 'Credentials: API tokens (Slack, GitHub, GitLab, Stripe, OpenAI…), AWS and Google keys, private keys, JWTs, passwords inside URLs.',
  },
  categories: ['secret'],
  messages: {
    slackToken: secretMessage('Jeton Slack', 'Slack token', 'révoquez le jeton sur la page de l’app (api.slack.com/apps)', 'revoke the token on the app’s page (api.slack.com/apps)'),
    slackWebhook: secretMessage('URL de webhook Slack', 'Slack webhook URL', 'régénérez le webhook : quiconque a l’URL peut publier dans le canal', 'regenerate the webhook: anyone with the URL can post to the channel'),
    awsAccessKey: secretMessage('Clé d’accès AWS', 'AWS access key', 'désactivez la clé dans IAM et créez-en une nouvelle', 'deactivate the key in IAM and create a new one'),
    awsSecretKey: secretMessage('Clé secrète AWS', 'AWS secret key', 'désactivez la clé dans IAM et créez-en une nouvelle', 'deactivate the key in IAM and create a new one'),
    githubToken: secretMessage('Jeton GitHub', 'GitHub token', 'révoquez le jeton (Settings › Developer settings)', 'revoke the token (Settings › Developer settings)'),
    gitlabToken: secretMessage('Jeton GitLab', 'GitLab token', 'révoquez le jeton dans GitLab', 'revoke the token in GitLab'),
    stripeKey: secretMessage('Clé Stripe de production', 'Stripe live key', 'faites tourner la clé dans le tableau de bord Stripe', 'roll the key in the Stripe dashboard'),
    googleApiKey: secretMessage('Clé d’API Google', 'Google API key', 'régénérez la clé dans la console Google Cloud', 'regenerate the key in the Google Cloud console'),
    openaiKey: secretMessage('Clé d’API OpenAI', 'OpenAI API key', 'révoquez la clé sur platform.openai.com', 'revoke the key on platform.openai.com'),
    anthropicKey: secretMessage('Clé d’API Anthropic', 'Anthropic API key', 'révoquez la clé dans la console Anthropic', 'revoke the key in the Anthropic console'),
    npmToken: secretMessage('Jeton npm', 'npm token', 'révoquez le jeton (npm token revoke)', 'revoke the token (npm token revoke)'),
    sendgridKey: secretMessage('Clé d’API SendGrid', 'SendGrid API key', 'supprimez la clé dans SendGrid et créez-en une nouvelle', 'delete the key in SendGrid and create a new one'),
    privateKey: secretMessage('Clé privée', 'Private key', 'considérez la clé comme compromise : générez une nouvelle paire et retirez l’ancienne partout', 'treat the key as compromised: generate a new pair and remove the old one everywhere'),
    jwt: secretMessage('Jeton JWT', 'JWT', 'révoquez la session ou le jeton : jusqu’à son expiration, il permet d’agir au nom de son titulaire', 'revoke the session or token: until it expires, it lets anyone act as its holder'),
    urlPassword: secretMessage('Mot de passe dans une URL', 'Password inside a URL', 'changez ce mot de passe', 'change that password'),
  },
  optionsSchema,
  create(options) {
    const ignored = new Set<SecretType>(options.ignore);
    const rules = RULES.filter((rule) => !ignored.has(rule.type)).map((rule) => ({
      ...rule,
      pattern: new RegExp(rule.pattern.source, rule.pattern.flags),
    }));

    return ({ text }) => {
      if (!mayHoldSecret(text.stats, text.original) || !ANY_KEYWORD.test(text.original)) return NO_DETECTIONS;
      const view = text.data;
      const data = view.text;
      const hits: Array<Hit & { type: SecretType }> = [];
      for (const rule of rules) {
        if (!rule.keyword.test(data)) continue;
        const pattern = rule.pattern;
        pattern.lastIndex = 0;
        let match: RegExpExecArray | null;
        while ((match = pattern.exec(data)) !== null && hits.length < MAX_DETECTIONS) {
          const hit = rule.check(match, data);
          if (hit === undefined) continue;
          // Rules run most specific first: a token inside a URL is reported once, as the token.
          if (hits.some((other) => hit.start < other.end && other.start < hit.end)) continue;
          hits.push({ ...hit, type: rule.type });
          if (hit.end > pattern.lastIndex) pattern.lastIndex = hit.end;
        }
      }
      hits.sort((a, b) => a.start - b.start);
      return hits.map((hit): Detection => {
        const [from, to] = toOriginalRange(view, hit.start, hit.end);
        const head = toOriginalRange(view, hit.start, hit.start + hit.head)[1] - from;
        return {
          start: from,
          end: to,
          messageId: hit.type,
          reveal: hit.fixedLength === true ? { head, fixedLength: true } : { head },
        };
      });
    };
  },
};

/** The explanation of one secret type: what it is and what to do, in both languages. */
function secretMessage(frKind: string, enKind: string, frAction: string, enAction: string) {
  return {
    fr: `${frKind} : supprimez le message, puis ${frAction}. Un secret publié dans Slack doit être considéré comme compromis.`,
    en: `${enKind}: delete the message, then ${enAction}. A secret posted in Slack must be considered compromised.`,
  };
}
