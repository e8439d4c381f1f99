/**
 * Deterministic generator of realistic, CLEAN workplace Slack chat.
 *
 * It feeds the throughput benchmark and the false-positive measurement: every message it
 * produces is ordinary chat of a French company with French and English staff (~60 % FR,
 * ~40 % EN) that the charter bot must leave alone. It is deliberately full of the things naive
 * filters trip on: "aujourd'hui", "analyse", "Scunthorpe", "cocktail", "pros and cons", SQL and
 * log levels in capitals, 13-digit epoch milliseconds, SIREN/SIRET, git SHAs, UUIDs, the words
 * "mot de passe" / "token" / "clé API" without any value, `<!here>` in internal channels.
 *
 * What it never produces: profanity, insults, shouting, familiar slang outside random/dev
 * channels, `<!channel>` outside announcement channels, `<!everyone>`, real secrets, card
 * numbers, IBANs, social security numbers, and no phone number or e-mail address at all in
 * external (Slack Connect) channels.
 *
 * Text is in Slack's wire format (Events API): `&`, `<`, `>` typed by users arrive as
 * `&amp;`, `&lt;`, `&gt;`; mentions, channel links, links and special mentions are `<…>` markup.
 *
 * Layout: public types; PRNG and helpers; data tables; value generators; code snippets; link
 * markup; slot table; message templates per topic and language; long-message composers;
 * message assembly and the two exported generators.
 *
 * No dependency beyond the language itself; no I/O; module load only builds constant tables.
 */
import { mulberry32, pick, type Rng } from './random';

// ───────────────────────────────────────────────────────────────────────────── public types

/** One generated Slack message with the context the charter engine needs. */
export interface GeneratedMessage {
  /** Text exactly as Slack's Events API delivers it (`&amp; &lt; &gt;` escaped, `<@U…>` mentions, `<url|label>` links). */
  text: string;
  /** Where it was posted. `external` is a Slack Connect channel shared with a client or partner. */
  channel: { name: string; private: boolean; external: boolean };
  /** The author's locale. */
  lang: 'fr' | 'en';
}

// ──────────────────────────────────────────────────────────────────────── PRNG and helpers

type Lang = 'fr' | 'en';

function pickWeighted<T>(rng: Rng, xs: readonly T[], weight: (x: T) => number): T {
  let total = 0;
  for (const x of xs) total += weight(x);
  let r = rng() * total;
  for (const x of xs) {
    r -= weight(x);
    if (r < 0) return x;
  }
  const last = xs[xs.length - 1];
  if (last === undefined) throw new Error('chat-corpus: pickWeighted() from an empty list');
  return last;
}

/** Integer in [lo, hi], both inclusive. */
function int(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function randomChars(rng: Rng, n: number, alphabet: string): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet.charAt(Math.floor(rng() * alphabet.length));
  return s;
}

const HEX = '0123456789abcdef';
const DIGITS = '0123456789';
/**
 * Alphabet for random ids inside URLs (Google Docs, Figma, Meet…): no vowels and none of the
 * letters of short French insults (fdp, ntm, pd, tg), so no id can spell a word a filter knows.
 */
const ID_CHARS = 'bcghjkqrsvwzBCGHJKQRSVWZ0123456789';
const ID_LETTERS = 'bchjkqrsvwz';
/** Kubernetes pod-name suffix alphabet (vowel-free, like Kubernetes' own). */
const K8S_CHARS = 'bcdfghjklmnpqrstvwxz2456789';
/** UPU S10 service indicators seen on French parcels. */
const UPU_PREFIXES = ['LA', 'LB', 'LX', 'RR', 'RA', 'CP', 'CB', 'EE', 'EB'] as const;

/** Thousands grouping: 12480 → "12 480" (fr) or "12,480" (en). */
function groupThousands(n: number, sep: string): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** Luhn check digit for `body` (the digit that will be appended). */
function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      const x = d * 2;
      sum += x > 9 ? x - 9 : x;
    } else {
      sum += d;
    }
  }
  return (10 - (sum % 10)) % 10;
}

/** Slack escapes exactly these three characters in message text (code included). */
function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** FNV-1a, to derive stable Slack-looking ids from names. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** "U024BE7LH"-shaped id: prefix + 8 characters of [0-9A-Z]. */
function slackId(prefix: 'U' | 'C', name: string): string {
  const a = fnv1a(name).toString(36).toUpperCase().padStart(7, '0');
  const b = fnv1a(name + '#').toString(36).toUpperCase();
  return (prefix + '0' + a + b).slice(0, 9);
}

// ───────────────────────────────────────────────────────────────────────────── data tables

interface Person {
  readonly first: string;
  readonly last: string;
  readonly id: string;
}

function people(names: readonly string[]): readonly Person[] {
  return names.map((full) => {
    const [first = full, ...rest] = full.split(' ');
    return { first, last: rest.join(' '), id: slackId('U', full) };
  });
}

const PEOPLE: Readonly<Record<Lang, readonly Person[]>> = {
  fr: people([
    'Camille Martin', 'Julien Bernard', 'Sophie Dubois', 'Thomas Lefèvre', 'Léa Moreau',
    'Nicolas Laurent', 'Chloé Garcia', 'Antoine Roux', 'Manon Fournier', 'Maxime Girard',
    'Inès Haddad', 'Hugo Bonnet', 'Claire Mercier', 'Mathieu Lambert', 'Élodie Faure',
    'Romain Rousseau', 'Sarah Benali', 'Karim Mansouri', 'Amina Diallo', 'Yasmine Cherif',
    'Mehdi Bouzid', 'Lucas Nguyen', 'Pauline Chevalier', 'Baptiste Morel', 'Nadia Ferhat',
    'Quentin Perrin', 'Margaux Blanc', 'Olivier Gauthier', 'Aurélie Masson', 'Stéphane Picard',
    'Anne-Sophie Caron', 'Jean-Baptiste Leroy',
  ]),
  en: people([
    'James Walker', 'Emily Clarke', 'Oliver Hancock', 'Charlotte Dickens', 'Priya Patel',
    'Daniel Hughes', 'Hannah Wright', 'Michael Cockburn', 'Grace Evans', 'Tom Baker',
    'Rachel Green', 'David Kim', 'Aisha Okafor', 'Ben Fischer', 'Lucy Morgan',
    'Chris Sullivan', 'Megan Scott', 'Raj Iyer', 'Sam Taylor', "Liam O'Brien",
  ]),
};
const ALL_PEOPLE: readonly Person[] = [...PEOPLE.fr, ...PEOPLE.en];

/** Contacts on the client side of Slack Connect channels. */
const CLIENT_CONTACTS: Readonly<Record<Lang, readonly string[]>> = {
  fr: ['Isabelle', 'Frédéric', 'Nathalie', 'Philippe', 'Valérie', 'Laurent', 'Sandrine', 'Éric', 'Céline', 'Bruno'],
  en: ['Jennifer', 'Mark', 'Susan', 'Robert', 'Laura', 'Steven', 'Karen', 'Andrew', 'Helen', 'Paul'],
};

type Register = 'formal' | 'neutral' | 'casual';
type Topic =
  | 'dev' | 'ops' | 'data' | 'product' | 'marketing' | 'sales' | 'support' | 'hr'
  | 'office' | 'xmas' | 'random' | 'announce' | 'client' | 'finance' | 'direction';

interface ChannelDef {
  readonly name: string;
  readonly id: string;
  readonly private: boolean;
  readonly external: boolean;
  /** formal: client-facing and company-wide; casual: random/dev (slang is fine there). */
  readonly register: Register;
  readonly topics: readonly Topic[];
  readonly langs: readonly Lang[];
  readonly weight: number;
  /** `<!channel>` is acceptable here (announcement channels only). */
  readonly announce: boolean;
  /** The client behind a Slack Connect channel. */
  readonly client?: string;
}

interface ChannelSpec {
  name: string;
  topics: Topic[];
  weight: number;
  register?: Register;
  private?: boolean;
  external?: boolean;
  langs?: Lang[];
  announce?: boolean;
  client?: string;
}

function channel(spec: ChannelSpec): ChannelDef {
  const base = {
    name: spec.name,
    id: slackId('C', spec.name),
    private: spec.private ?? false,
    external: spec.external ?? false,
    register: spec.register ?? (spec.external === true ? 'formal' : 'neutral'),
    topics: spec.topics,
    langs: spec.langs ?? ['fr', 'en'],
    weight: spec.weight,
    announce: spec.announce ?? false,
  };
  return spec.client === undefined ? base : { ...base, client: spec.client };
}

const CHANNELS: readonly ChannelDef[] = [
  channel({ name: 'general', topics: ['announce', 'office', 'hr'], weight: 4, announce: true }),
  channel({ name: 'annonces', topics: ['announce'], weight: 1.5, register: 'formal', langs: ['fr'], announce: true }),
  channel({ name: 'announcements', topics: ['announce'], weight: 1.5, register: 'formal', langs: ['en'], announce: true }),
  channel({ name: 'random', topics: ['random', 'random', 'office'], weight: 10, register: 'casual' }),
  channel({ name: 'dev', topics: ['dev', 'dev', 'data', 'ops'], weight: 12, register: 'casual' }),
  channel({ name: 'dev-backend', topics: ['dev', 'data'], weight: 6, register: 'casual' }),
  channel({ name: 'dev-frontend', topics: ['dev', 'product'], weight: 5, register: 'casual' }),
  channel({ name: 'team-backend', topics: ['dev', 'ops'], weight: 2, private: true }),
  channel({ name: 'deploys', topics: ['ops'], weight: 5 }),
  channel({ name: 'incidents', topics: ['ops'], weight: 3 }),
  channel({ name: 'ci', topics: ['ops', 'dev'], weight: 3 }),
  channel({ name: 'infra', topics: ['ops'], weight: 3 }),
  channel({ name: 'data', topics: ['data'], weight: 3 }),
  channel({ name: 'produit', topics: ['product'], weight: 3 }),
  channel({ name: 'design', topics: ['product'], weight: 2 }),
  channel({ name: 'marketing', topics: ['marketing'], weight: 5 }),
  channel({ name: 'sales', topics: ['sales'], weight: 4 }),
  channel({ name: 'ventes-grands-comptes', topics: ['sales'], weight: 2, private: true }),
  channel({ name: 'support', topics: ['support'], weight: 4 }),
  channel({ name: 'rh', topics: ['hr'], weight: 3 }),
  channel({ name: 'recrutement', topics: ['hr'], weight: 1, private: true }),
  channel({ name: 'office-paris', topics: ['office'], weight: 4 }),
  channel({ name: 'london-office', topics: ['office'], weight: 2 }),
  channel({ name: 'diner-de-noel', topics: ['xmas'], weight: 3 }),
  channel({ name: 'compta', topics: ['finance'], weight: 2 }),
  channel({ name: 'direction', topics: ['direction', 'finance', 'sales'], weight: 1, register: 'formal', private: true }),
  channel({ name: 'client-renault', topics: ['client'], weight: 2.5, external: true, client: 'Renault' }),
  channel({ name: 'client-decathlon', topics: ['client'], weight: 1.5, external: true, client: 'Decathlon' }),
  channel({ name: 'client-michelin', topics: ['client'], weight: 1.5, external: true, client: 'Michelin' }),
  channel({ name: 'client-sncf', topics: ['client'], weight: 1, external: true, client: 'SNCF' }),
  channel({ name: 'ext-globex', topics: ['client'], weight: 1.5, external: true, client: 'Globex' }),
  channel({ name: 'ext-contoso', topics: ['client'], weight: 1, external: true, client: 'Contoso' }),
  channel({ name: 'ext-northwind-logistics', topics: ['client'], weight: 1, external: true, client: 'Northwind Logistics' }),
  channel({ name: 'ext-procter-gamble', topics: ['client'], weight: 1, external: true, private: true, client: 'Procter & Gamble' }),
];

const CHANNELS_BY_LANG: Readonly<Record<Lang, readonly ChannelDef[]>> = {
  fr: CHANNELS.filter((c) => c.langs.includes('fr')),
  en: CHANNELS.filter((c) => c.langs.includes('en')),
};

const CLIENTS = [
  'Renault', 'Decathlon', 'Michelin', 'SNCF', 'Leroy Merlin', 'Air Liquide', 'Danone', 'Orange',
  'Globex', 'Contoso', 'Initech', 'Fabrikam', 'Northwind Logistics', 'Procter & Gamble',
  'Marks & Spencer', 'Saint-Gobain', 'Bouygues Telecom', 'Carrefour', 'Hooli',
] as const;

/** Product names all start with "Acme", so French templates can elide: "la démo d'{product}". */
const PRODUCTS: Readonly<Record<Lang, readonly string[]>> = {
  fr: ['Acme Flow', 'Acme Facturation', 'Acme Portail', 'Acme Mobile', 'Acme Insights', 'Acme Connect', 'Acme Planning', 'Acme Back-Office'],
  en: ['Acme Flow', 'Acme Billing', 'Acme Portal', 'Acme Mobile', 'Acme Insights', 'Acme Connect', 'Acme Planner', 'Acme Back Office'],
};

const SERVICES = [
  'api', 'billing-service', 'auth-service', 'search', 'notifications', 'web-front', 'mobile-bff',
  'gateway', 'scheduler', 'export-worker', 'pdf-renderer', 'pricing-engine', 'assessment-api',
  'class-scheduler', 'ingest', 'webhooks',
] as const;
const REPOS = ['api', 'web', 'mobile', 'infra', 'billing', 'design-system', 'data-pipelines', 'charter-bot'] as const;
const NAMESPACES = ['prod', 'staging', 'preprod', 'recette', 'qa'] as const;
const ENVS: Readonly<Record<Lang, readonly string[]>> = {
  fr: ['prod', 'staging', 'préprod', 'recette', 'QA', 'dev'],
  en: ['prod', 'staging', 'preprod', 'QA', 'dev', 'production'],
};
const JIRA_PROJECTS = ['API', 'WEB', 'OPS', 'DATA', 'MKT', 'SUP', 'MOB', 'BILL', 'SEC', 'PROD'] as const;
const LIBS = ['React', 'Postgres', 'Kafka', 'Redis', 'Prisma', 'zod', 'Bolt', 'Terraform', 'Helm', 'Next.js', 'pino', 'Jest', 'Vite', 'Playwright', 'Spring Boot', 'pandas', 'dbt'] as const;
const TOOLS = ['Jira', 'Notion', 'Figma', 'Salesforce', 'HubSpot', 'Datadog', 'Grafana', 'Sentry', 'Stripe', 'Metabase', 'Miro', 'Lucca', 'Swile', 'Qonto', 'Pennylane'] as const;
const CLASS_NAMES = [
  'OrderService', 'ClassLoader', 'AssessmentRepository', 'PassageValidator', 'InvoiceMapper',
  'ConsentManager', 'ClassRegistry', 'ContractParser', 'PasswordResetController', 'TokenRefresher',
  'AnalyticsConsumer', 'CockpitWidget', 'ShipmentTracker', 'PricingCalculator', 'DocumentExporter',
] as const;
const METHODS = ['assign', 'compute', 'parse', 'assess', 'pass', 'execute', 'render', 'refresh', 'validate', 'classify', 'submit'] as const;
const FILES = [
  'src/orders/service.ts', 'src/auth/token.ts', 'src/billing/invoice.ts', 'src/contracts/parser.ts',
  'src/assessments/repository.ts', 'src/ui/Cockpit.tsx', 'src/ui/PasswordResetForm.tsx',
  'package.json', 'docker-compose.yml', 'helm/values-prod.yaml', '.github/workflows/ci.yml',
  'src/analytics/consumer.ts', 'migrations/20261128_add_status_index.sql', 'README.md',
] as const;
const TABLES = ['orders', 'invoices', 'contracts', 'assessments', 'classes', 'passages', 'shipments', 'audit_log', 'quotes', 'accounts'] as const;
const COLUMNS = ['created_at', 'status', 'account_id', 'siret', 'updated_at', 'amount_cents', 'class_id', 'external_ref'] as const;
const TEST_NAMES = [
  'computes the invoice total with VAT', 'rejects an expired token', 'renders the password reset form',
  'handles Scunthorpe in the delivery address', 'keeps the class order stable', 'retries the webhook twice',
  'parses ISO dates with offsets', 'exports the assessment as CSV', 'shows the cockpit for admins only',
] as const;
const ENV_VARS = [
  'DATABASE_URL', 'REDIS_URL', 'LOG_LEVEL', 'NODE_ENV', 'SENTRY_DSN', 'S3_BUCKET', 'API_BASE_URL',
  'FEATURE_NEW_CHECKOUT', 'KAFKA_BROKERS', 'JWT_SECRET', 'SLACK_BOT_TOKEN', 'STRIPE_WEBHOOK_SECRET', 'TZ',
] as const;
const HOSTS = ['db-prod-02.acme.internal', 'runner-03.ci.acme.internal', 'kafka-1.acme.internal', 'redis-staging.acme.internal', 'grafana.acme.internal', 'vault.acme.internal', 'bastion.acme.internal'] as const;
const PORTS = [5432, 6379, 8080, 3000, 9092, 443, 8443, 9200, 5601, 4317] as const;

const CITIES: Readonly<Record<Lang, readonly string[]>> = {
  fr: ['Paris', 'Lyon', 'Nantes', 'Lille', 'Bordeaux', 'Toulouse', 'Rennes', 'Clermont-Ferrand', 'Marseille', 'Strasbourg', 'Londres'],
  en: ['London', 'Scunthorpe', 'Penistone', 'Manchester', 'Brighton', 'Chelmsford', 'Leeds', 'Paris', 'Lyon', 'Sheffield'],
};
/** English place names that naive filters flag (the Scunthorpe problem). */
const UK_PLACES = ['Scunthorpe', 'Penistone', 'Sussex', 'Essex', 'Middlesex', 'Lightwater', 'Shitterton', 'Clitheroe', 'Cockermouth'] as const;
const ROOMS: Readonly<Record<Lang, readonly string[]>> = {
  fr: ['salle Eiffel', 'salle Montmartre', 'salle Seine', 'salle Cockpit', 'salle Passerelle', 'salle Kilimandjaro', 'salle Verne', 'salle Colette'],
  en: ['the Everest room', 'the Thames room', 'the Cockpit room', 'the big meeting room', 'the kitchen', 'the Dickens room'],
};
const RESTAURANTS = ['Le Procope', 'Chez Janou', 'Le Train Bleu', 'Bouillon Chartier', 'La Coupole', 'Le Comptoir du Panthéon', 'Brasserie Lipp'] as const;
const FOOD: Readonly<Record<Lang, readonly string[]>> = {
  fr: ['des croissants', 'des chouquettes', 'une galette des rois', 'des pains au chocolat', 'un gâteau au chocolat', 'des cookies', 'une salade concombre-feta', 'des crêpes', 'une raclette', 'un risotto aux shiitakes'],
  en: ['croissants', 'doughnuts', 'a chocolate cake', 'cookies', 'bagels', 'a cucumber salad', 'pastel de nata', 'a shiitake risotto', 'pizza', 'scones'],
};
const TEAMS: Readonly<Record<Lang, readonly string[]>> = {
  fr: ["l'équipe produit", "l'équipe data", "l'équipe backend", "l'équipe support", "l'équipe marketing", "l'équipe sales", "l'équipe RH", "l'équipe infra"],
  en: ['the product team', 'the data team', 'the backend team', 'the support team', 'the marketing team', 'the sales team', 'People Ops', 'the platform team'],
};
const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] as const;
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const WEEKDAYS_FR = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const;
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const WIKI_PAGES = [
  'Onboarding', 'Conges-et-absences', 'Politique-de-confidentialite', 'Teletravail', 'Mutuelle',
  'Notes-de-frais', 'Runbooks/Incident', 'Runbooks/Deploiement', 'Architecture/Billing',
  'Charte-informatique', 'Securite/Mots-de-passe', 'Tickets-restaurant', 'Release-process', 'Glossaire',
] as const;

const EMOJI: Readonly<Record<Register, readonly string[]>> = {
  formal: [':pray:', ':+1:', ':white_check_mark:', ':slightly_smiling_face:', ':calendar:', ':memo:'],
  neutral: [
    ':tada:', ':+1:', ':white_check_mark:', ':eyes:', ':pray:', ':rocket:', ':raised_hands:', ':clap:',
    ':coffee:', ':muscle:', ':thinking_face:', ':sweat_smile:', ':slightly_smiling_face:', ':100:',
    ':warning:', ':hourglass_flowing_sand:', ':memo:', ':bug:', ':heart:', ':sparkles:', ':wave:',
  ],
  casual: [
    ':tada:', ':+1:', ':white_check_mark:', ':eyes:', ':joy:', ':rocket:', ':sweat_smile:', ':upside_down_face:',
    ':party_parrot:', ':see_no_evil:', ':facepalm:', ':coffee:', ':fire:', ':croissant:', ':100:', ':smile:',
    ':thinking_face:', ':raised_hands:', ':partying_face:', ':melting_face:',
  ],
};

// ──────────────────────────────────────────────────────────────────────── generation context

interface Ctx {
  readonly rng: Rng;
  readonly lang: Lang;
  readonly channel: ChannelDef;
  readonly author: Person;
  /** Typographic apostrophes (iOS/macOS keyboards) for this message's prose. */
  readonly curly: boolean;
  /** Hour of the last {time}, so that {time2} ("de 14h à 16h") comes after it. */
  hour: number;
  /** One way of writing times per message: 0 = "14h30" / "2:30pm", 1 = "14:30". */
  readonly timeStyle: 0 | 1;
}

// ─────────────────────────────────────────────────────────────────────── value generators

const DAY_MS = 86_400_000;
const EPOCH_2026 = Date.UTC(2026, 0, 1);

function randomDate(c: Ctx): Date {
  // Mostly the end of 2026 (the Christmas season), some over the following months.
  const offset = chance(c.rng, 0.6) ? int(c.rng, 300, 364) : int(c.rng, 0, 540);
  return new Date(EPOCH_2026 + offset * DAY_MS);
}

function formatTime(c: Ctx, h: number, m: number): string {
  if (c.timeStyle === 1) return `${pad(h, 2)}:${pad(m, 2)}`;
  if (c.lang === 'fr') return m === 0 ? `${h}h` : `${h}h${pad(m, 2)}`;
  const h12 = h > 12 ? h - 12 : h;
  const ampm = h >= 12 ? 'pm' : 'am';
  return m === 0 ? `${h12}${ampm}` : `${h12}:${pad(m, 2)}${ampm}`;
}

const val = {
  n: (c: Ctx): string => String(int(c.rng, 2, 9)),
  nn: (c: Ctx): string => String(int(c.rng, 10, 99)),
  nnn: (c: Ctx): string => String(int(c.rng, 100, 999)),
  bignum: (c: Ctx): string => groupThousands(int(c.rng, 1_000, 250_000), c.lang === 'fr' ? ' ' : ','),
  pct: (c: Ctx): string => {
    const whole = int(c.rng, 1, 99);
    const num = chance(c.rng, 0.3) ? `${whole}${c.lang === 'fr' ? ',' : '.'}${int(c.rng, 1, 9)}` : String(whole);
    if (c.lang === 'en') return `${num}%`;
    return chance(c.rng, 0.6) ? `${num} %` : `${num}%`;
  },
  date: (c: Ctx): string => {
    const d = randomDate(c);
    const dd = d.getUTCDate();
    const m = d.getUTCMonth();
    const y = d.getUTCFullYear();
    const wd = d.getUTCDay();
    if (c.lang === 'fr') {
      switch (int(c.rng, 0, 4)) {
        case 0: return `${pad(dd, 2)}/${pad(m + 1, 2)}/${y}`;
        case 1: return `${dd === 1 ? '1er' : dd} ${MONTHS_FR[m] ?? ''}`;
        case 2: return `${WEEKDAYS_FR[wd] ?? ''} ${dd} ${MONTHS_FR[m] ?? ''}`;
        case 3: return `${pad(dd, 2)}/${pad(m + 1, 2)}`;
        default: return `${dd} ${MONTHS_FR[m] ?? ''} ${y}`;
      }
    }
    const month = MONTHS_EN[m] ?? '';
    switch (int(c.rng, 0, 4)) {
      case 0: return `${month.slice(0, 3)} ${dd}`;
      case 1: return `${dd} ${month}`;
      case 2: return `${WEEKDAYS_EN[wd] ?? ''} ${dd} ${month}`;
      case 3: return `${y}-${pad(m + 1, 2)}-${pad(dd, 2)}`;
      default: return `${month} ${dd}, ${y}`;
    }
  },
  isoDate: (c: Ctx): string => randomDate(c).toISOString().slice(0, 10),
  iso: (c: Ctx): string => {
    const d = new Date(randomDate(c).getTime() + int(c.rng, 6 * 3600, 22 * 3600) * 1000 + int(c.rng, 0, 999));
    const s = d.toISOString();
    return chance(c.rng, 0.5) ? s : s.slice(0, 19) + 'Z';
  },
  epoch: (c: Ctx): string => String(EPOCH_2026 + int(c.rng, 0, 540 * DAY_MS)),
  time: (c: Ctx): string => {
    c.hour = int(c.rng, 8, 19);
    return formatTime(c, c.hour, pick(c.rng, [0, 0, 0, 15, 30, 30, 45, 10, 20, 50, 5]));
  },
  /** A time one to three hours after the last {time}. */
  time2: (c: Ctx): string => {
    c.hour = Math.min(22, c.hour + int(c.rng, 1, 3));
    return formatTime(c, c.hour, pick(c.rng, [0, 0, 15, 30, 45]));
  },
  day: (c: Ctx): string =>
    pick(c.rng, c.lang === 'fr'
      ? ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'demain', 'jeudi matin', 'la semaine prochaine', 'lundi prochain', 'fin de semaine', 'mardi après-midi', "aujourd'hui"]
      : ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'tomorrow', 'Thursday morning', 'next week', 'next Monday', 'end of week', 'Tuesday afternoon', 'today']),
  duration: (c: Ctx): string => {
    if (c.lang === 'fr') {
      return pick(c.rng, [`${int(c.rng, 5, 55)} min`, `${int(c.rng, 2, 6)}h`, 'une demi-heure', 'deux jours', 'une heure', 'une petite heure', `${int(c.rng, 2, 5)} jours`]);
    }
    return pick(c.rng, [`${int(c.rng, 5, 55)} min`, `${int(c.rng, 2, 6)} hours`, 'half an hour', 'two days', 'an hour', 'about an hour', `${int(c.rng, 2, 5)} days`]);
  },
  price: (c: Ctx): string => {
    const big = chance(c.rng, 0.5);
    const euros = big ? int(c.rng, 1_000, 250_000) : int(c.rng, 12, 999);
    const cents = chance(c.rng, 0.4) ? int(c.rng, 0, 99) : -1;
    if (c.lang === 'fr') {
      const amount = groupThousands(euros, ' ') + (cents >= 0 ? ',' + pad(cents, 2) : '');
      return `${amount} €${big && chance(c.rng, 0.4) ? ' HT' : ''}`;
    }
    return `€${groupThousands(euros, ',')}${cents >= 0 ? '.' + pad(cents, 2) : ''}`;
  },
  smallPrice: (c: Ctx): string => {
    const euros = int(c.rng, 12, 480);
    const cents = pad(int(c.rng, 0, 99), 2);
    return c.lang === 'fr' ? `${euros},${cents} €` : `€${euros}.${cents}`;
  },
  usd: (c: Ctx): string => `$${groupThousands(int(c.rng, 49, 9_999), ',')}${chance(c.rng, 0.6) ? '.' + pick(c.rng, ['00', '99', '50']) : ''}`,
  amountK: (c: Ctx): string => (c.lang === 'fr' ? `${int(c.rng, 8, 480)} k€` : `€${int(c.rng, 8, 480)}k`),
  version: (c: Ctx): string => `${int(c.rng, 1, 4)}.${int(c.rng, 0, 30)}.${int(c.rng, 0, 15)}`,
  pr: (c: Ctx): string => String(int(c.rng, 12, 2600)),
  build: (c: Ctx): string => String(int(c.rng, 1_200, 48_000)),
  jira: (c: Ctx): string => `${pick(c.rng, JIRA_PROJECTS)}-${int(c.rng, 10, 4_999)}`,
  sha: (c: Ctx): string => randomChars(c.rng, 7, HEX),
  sha40: (c: Ctx): string => randomChars(c.rng, 40, HEX),
  uuid: (c: Ctx): string => {
    const h = randomChars(c.rng, 32, HEX);
    const variant = pick(c.rng, ['8', '9', 'a', 'b']);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  },
  ip: (c: Ctx): string =>
    pick(c.rng, [
      `10.0.${int(c.rng, 0, 15)}.${int(c.rng, 2, 254)}`,
      `10.${int(c.rng, 1, 40)}.${int(c.rng, 0, 255)}.${int(c.rng, 2, 254)}`,
      `192.168.${int(c.rng, 0, 10)}.${int(c.rng, 2, 254)}`,
      `172.16.${int(c.rng, 0, 31)}.${int(c.rng, 2, 254)}`,
    ]),
  port: (c: Ctx): string => String(pick(c.rng, PORTS)),
  host: (c: Ctx): string => pick(c.rng, HOSTS),
  runner: (c: Ctx): string => `runner-${pad(int(c.rng, 1, 12), 2)}.ci.acme.internal`,
  pid: (c: Ctx): string => String(int(c.rng, 300, 98_000)),
  invoice: (c: Ctx): string => `${c.lang === 'fr' ? 'FAC' : pick(c.rng, ['INV', 'FAC'])}-${pick(c.rng, ['2026', '2026', '2027'])}-${pad(int(c.rng, 1, 4_999), 5)}`,
  order: (c: Ctx): string =>
    pick(c.rng, [
      `CMD-2026-${pad(int(c.rng, 1, 99_999), 6)}`,
      `4500${pad(int(c.rng, 0, 999_999), 6)}`,
      `#${int(c.rng, 100_000, 999_999)}`,
      `PO-${int(c.rng, 10_000, 99_999)}`,
    ]),
  quote: (c: Ctx): string => `${c.lang === 'fr' ? 'DEV' : 'Q'}-2026-${pad(int(c.rng, 1, 999), 4)}`,
  tracking: (c: Ctx): string =>
    pick(c.rng, [
      `${pick(c.rng, UPU_PREFIXES)}${randomChars(c.rng, 9, DIGITS)}FR`,
      `6A${randomChars(c.rng, 11, DIGITS)}`,
      `1Z${randomChars(c.rng, 6, ID_CHARS.toUpperCase())}${randomChars(c.rng, 10, DIGITS)}`,
      `XW${randomChars(c.rng, 9, DIGITS)}TS`,
    ]),
  siren: (c: Ctx): string => {
    const body = String(pick(c.rng, [3, 4, 5, 7, 8])) + randomChars(c.rng, 7, DIGITS);
    const s = body + String(luhnCheckDigit(body));
    return chance(c.rng, 0.6) ? `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}` : s;
  },
  siret: (c: Ctx): string => {
    const siren = String(pick(c.rng, [4, 5, 7, 8])) + randomChars(c.rng, 7, DIGITS);
    const sirenFull = siren + String(luhnCheckDigit(siren));
    const body = sirenFull + pad(int(c.rng, 1, 150), 4);
    const s = body + String(luhnCheckDigit(body));
    return chance(c.rng, 0.6) ? `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6, 9)} ${s.slice(9)}` : s;
  },
  ticket: (c: Ctx): string => pick(c.rng, [`#${int(c.rng, 10_000, 99_999)}`, `SUP-${int(c.rng, 1_000, 9_999)}`]),
  me: (c: Ctx): string => c.author.first,
  name: (c: Ctx): string => {
    if (c.channel.external) return pick(c.rng, CLIENT_CONTACTS[c.lang]);
    return pick(c.rng, chance(c.rng, 0.75) ? PEOPLE[c.lang] : ALL_PEOPLE).first;
  },
  fullname: (c: Ctx): string => {
    const p = pick(c.rng, ALL_PEOPLE);
    return `${p.first} ${p.last}`;
  },
  client: (c: Ctx): string => c.channel.client ?? pick(c.rng, CLIENTS),
  product: (c: Ctx): string => pick(c.rng, PRODUCTS[c.lang]),
  service: (c: Ctx): string => pick(c.rng, SERVICES),
  repo: (c: Ctx): string => pick(c.rng, REPOS),
  ns: (c: Ctx): string => pick(c.rng, NAMESPACES),
  env: (c: Ctx): string => pick(c.rng, ENVS[c.lang]),
  lib: (c: Ctx): string => pick(c.rng, LIBS),
  tool: (c: Ctx): string => pick(c.rng, TOOLS),
  className: (c: Ctx): string => pick(c.rng, CLASS_NAMES),
  method: (c: Ctx): string => pick(c.rng, METHODS),
  file: (c: Ctx): string => pick(c.rng, FILES),
  table: (c: Ctx): string => pick(c.rng, TABLES),
  column: (c: Ctx): string => pick(c.rng, COLUMNS),
  testName: (c: Ctx): string => pick(c.rng, TEST_NAMES),
  envvar: (c: Ctx): string => pick(c.rng, ENV_VARS),
  branch: (c: Ctx): string =>
    `${pick(c.rng, ['feat', 'fix', 'chore', 'refactor'])}/${pick(c.rng, JIRA_PROJECTS)}-${int(c.rng, 10, 4_999)}-${pick(c.rng, ['export-csv', 'password-reset', 'class-order', 'pricing-rounding', 'cockpit-layout', 'siret-validation', 'retry-webhooks', 'bump-deps'])}`,
  migration: (c: Ctx): string => `2026${pad(int(c.rng, 1, 12), 2)}${pad(int(c.rng, 1, 28), 2)}_${pick(c.rng, ['add_status_index', 'create_passages', 'drop_legacy_classes', 'add_siret_to_accounts', 'backfill_amount_cents'])}`,
  city: (c: Ctx): string => pick(c.rng, CITIES[c.lang]),
  ukplace: (c: Ctx): string => pick(c.rng, UK_PLACES),
  room: (c: Ctx): string => pick(c.rng, ROOMS[c.lang]),
  restaurant: (c: Ctx): string => pick(c.rng, RESTAURANTS),
  food: (c: Ctx): string => pick(c.rng, FOOD[c.lang]),
  team: (c: Ctx): string => pick(c.rng, TEAMS[c.lang]),
  emoji: (c: Ctx): string => pick(c.rng, EMOJI[c.channel.register]),
};

// ───────────────────────────────────────────────────────────────────────── code snippets
// All return plain typed text; the renderer escapes it like Slack does (`>` → `&gt;` in code too).

function fence(body: string, lang = ''): string {
  return '```' + lang + '\n' + body + '\n```';
}

const INLINE_COMMANDS: readonly ((c: Ctx) => string)[] = [
  (c) => `kubectl get pods -n ${val.ns(c)}`,
  (c) => `kubectl -n ${val.ns(c)} rollout restart deploy/${val.service(c)}`,
  (c) => `kubectl logs -f deploy/${val.service(c)} -n ${val.ns(c)} --since=1h`,
  () => 'git rebase -i origin/main',
  () => 'git push --force-with-lease',
  () => 'git bisect start',
  () => 'npm ci && npm test',
  () => 'npm run build',
  () => 'npx tsc --noEmit',
  (c) => `kill -9 ${val.pid(c)}`,
  (c) => `make migrate ENV=${val.ns(c)}`,
  (c) => `docker logs -f ${val.service(c)}`,
  () => 'docker compose up -d postgres redis',
  () => 'terraform plan -out=tfplan',
  (c) => `helm rollback ${val.service(c)} ${int(c.rng, 2, 40)}`,
  (c) => `curl -s http://${val.ip(c)}:${val.port(c)}/healthz`,
  (c) => `SELECT count(*) FROM ${val.table(c)};`,
  () => 'SELECT 1',
  (c) => `psql "$DATABASE_URL" -c '\\d ${val.table(c)}'`,
  (c) => `ssh ${val.host(c)}`,
  () => 'aws s3 ls s3://acme-backups/ --recursive | tail',
  () => 'git log --oneline -n 20',
  (c) => `redis-cli -h ${val.ip(c)} info memory`,
  () => 'npm audit --omit=dev',
  () => 'pnpm dlx prisma migrate deploy',
  (c) => `vault kv get secret/${val.service(c)}/${val.ns(c)}`,
];

function inlineCode(c: Ctx): string {
  return '`' + pick(c.rng, INLINE_COMMANDS)(c) + '`';
}

const TRACES: readonly ((c: Ctx) => string)[] = [
  (c) => {
    const cls = val.className(c);
    return [
      `TypeError: Cannot read properties of undefined (reading '${pick(c.rng, ['id', 'status', 'siret', 'items', 'classId', 'title'])}')`,
      `    at ${cls}.${val.method(c)} (/app/${val.file(c).replace(/\.tsx?$/, '.js')}:${int(c.rng, 10, 400)}:${int(c.rng, 5, 60)})`,
      `    at async ${pick(c.rng, CLASS_NAMES)}.${val.method(c)} (/app/dist/index.js:${int(c.rng, 10, 900)}:${int(c.rng, 5, 60)})`,
      '    at processTicksAndRejections (node:internal/process/task_queues:95:5)',
    ].join('\n');
  },
  (c) =>
    [
      `java.lang.IllegalStateException: Contract ${val.uuid(c)} is not active`,
      `\tat com.acme.contracts.ContractService.assess(ContractService.java:${int(c.rng, 40, 600)})`,
      `\tat com.acme.contracts.ContractController.pass(ContractController.java:${int(c.rng, 40, 300)})`,
      '\tat java.base/java.lang.Thread.run(Thread.java:1583)',
    ].join('\n'),
  (c) => {
    const ip = val.ip(c);
    return [
      'Traceback (most recent call last):',
      `  File "/app/jobs/export.py", line ${int(c.rng, 20, 300)}, in <module>`,
      '    main()',
      `  File "/app/jobs/export.py", line ${int(c.rng, 20, 300)}, in main`,
      '    rows = fetch_invoices(since=since)',
      'psycopg2.OperationalError: could not connect to server: Connection refused',
      `\tIs the server running on host "${val.host(c)}" (${ip}) and accepting TCP/IP connections on port 5432?`,
    ].join('\n');
  },
  (c) =>
    [
      `Error: connect ECONNREFUSED ${val.ip(c)}:${val.port(c)}`,
      '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16) {',
      "  errno: -111,\n  code: 'ECONNREFUSED',\n  syscall: 'connect'\n}",
    ].join('\n'),
  (c) =>
    [
      `panic: runtime error: invalid memory address or nil pointer dereference`,
      '[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x6b4f2a]',
      '',
      'goroutine 1 [running]:',
      `main.(*Scheduler).Pass(0xc000132000)\n\t/src/scheduler/pass.go:${int(c.rng, 20, 200)} +0x2a`,
    ].join('\n'),
];

const LOG_LINES: readonly ((c: Ctx, ts: string) => string)[] = [
  (c, ts) => `${ts} ERROR [${val.service(c)}] Failed to fetch invoice ${val.invoice(c)}: ETIMEDOUT after 30000ms`,
  (c, ts) => `${ts} WARN  [${val.service(c)}] Retrying request (attempt ${int(c.rng, 2, 5)}/5)`,
  (c, ts) => `${ts} INFO  [${val.service(c)}] request_id=${val.uuid(c)} status=200 duration_ms=${int(c.rng, 3, 900)}`,
  (c, ts) => `${ts} ERROR [${val.service(c)}] Unhandled rejection: ${pick(c.rng, ['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'])}`,
  (c, ts) => `${ts} WARN  [gateway] upstream ${val.ip(c)}:${val.port(c)} responded 502 in ${int(c.rng, 100, 9_000)}ms`,
  (c, ts) => `${ts} DEBUG [${val.service(c)}] cache miss key=order:${int(c.rng, 10_000, 999_999)}`,
  (c, ts) => `${ts} FATAL [${val.service(c)}] Missing required env var ${val.envvar(c)}`,
  (c, ts) => `${ts} INFO  [scheduler] job=nightly-export started_at=${val.epoch(c)}`,
  (_c, ts) => `${ts} ERROR [auth-service] token refresh failed for client_id=web-front: expired`,
  (c, ts) => `${ts} WARN  [${val.service(c)}] slow query (${int(c.rng, 1_000, 9_000)}ms): SELECT * FROM ${val.table(c)} WHERE ${val.column(c)} > $1`,
  (c, ts) => `[${ts}] level=error msg="pod OOMKilled" namespace=${val.ns(c)} pod=${val.service(c)}-${randomChars(c.rng, 10, K8S_CHARS)}-${randomChars(c.rng, 5, K8S_CHARS)}`,
];

function logBlock(c: Ctx): string {
  let t = Date.parse(val.iso(c));
  const lines: string[] = [];
  const n = int(c.rng, 2, 4);
  for (let i = 0; i < n; i++) {
    t += int(c.rng, 1, 4_000);
    lines.push(pick(c.rng, LOG_LINES)(c, new Date(t).toISOString()));
  }
  return fence(lines.join('\n'));
}

const SQL: readonly ((c: Ctx) => string)[] = [
  (c) => `SELECT status, COUNT(*) AS total\nFROM orders\nWHERE created_at >= '${val.isoDate(c)}'\nGROUP BY status\nORDER BY total DESC;`,
  (c) => `UPDATE invoices\nSET status = 'PAID', paid_at = now()\nWHERE id = '${val.uuid(c)}';`,
  (c) => `EXPLAIN ANALYZE\nSELECT * FROM ${val.table(c)}\nWHERE ${val.column(c)} > now() - interval '7 days'\nLIMIT 100;`,
  () => "SELECT a.name, SUM(i.amount_cents) / 100.0 AS revenue\nFROM accounts a\nJOIN invoices i ON i.account_id = a.id\nWHERE i.status <> 'CANCELLED'\nGROUP BY a.name\nORDER BY revenue DESC\nLIMIT 20;",
  (c) => `CREATE INDEX CONCURRENTLY idx_${val.table(c)}_${val.column(c)}\n  ON ${val.table(c)} (${val.column(c)});`,
  () => "SELECT class_id, COUNT(*) FILTER (WHERE passed) AS passed, COUNT(*) AS total\nFROM assessments\nGROUP BY class_id\nHAVING COUNT(*) > 10;",
  (c) => `DELETE FROM audit_log WHERE created_at < now() - interval '${int(c.rng, 90, 400)} days';`,
];

const JSON_SNIPPETS: readonly ((c: Ctx) => string)[] = [
  (c) =>
    JSON.stringify(
      { orderId: val.order(c).replace('#', ''), status: pick(c.rng, ['PAID', 'PENDING', 'SHIPPED', 'CANCELLED']), amount: int(c.rng, 10, 9_999) + int(c.rng, 0, 99) / 100, currency: 'EUR', createdAt: Number(val.epoch(c)) },
      null,
      2,
    ),
  (c) => JSON.stringify({ error: { code: pick(c.rng, ['TOKEN_EXPIRED', 'VALIDATION_FAILED', 'NOT_FOUND', 'RATE_LIMITED']), message: pick(c.rng, ['The access token expired', 'siret must be 14 digits', 'Contract not found', 'Too many requests']), requestId: val.uuid(c) } }, null, 2),
  (c) => JSON.stringify({ event: 'invoice.created', id: val.uuid(c), data: { number: val.invoice(c), total: int(c.rng, 100, 90_000), vatRate: 0.2 }, ts: Number(val.epoch(c)) }),
  (c) => JSON.stringify({ name: val.service(c), version: val.version(c), scripts: { build: 'tsc -p tsconfig.build.json', test: 'jest' } }, null, 2),
];

const YAML_SNIPPETS: readonly ((c: Ctx) => string)[] = [
  (c) => {
    const s = val.service(c);
    return `env:\n  - name: DATABASE_URL\n    valueFrom:\n      secretKeyRef:\n        name: ${s}-db\n        key: url\n  - name: LOG_LEVEL\n    value: "info"`;
  },
  (c) => `resources:\n  requests:\n    cpu: ${int(c.rng, 1, 8) * 100}m\n    memory: ${int(c.rng, 2, 16) * 128}Mi\n  limits:\n    memory: ${int(c.rng, 4, 32) * 128}Mi`,
  (c) => `- name: Run tests\n  run: npm ci && npm test\n  env:\n    NODE_ENV: test\n    TZ: Europe/Paris\n  timeout-minutes: ${int(c.rng, 10, 40)}`,
  (c) => `replicaCount: ${int(c.rng, 2, 12)}\nimage:\n  repository: ghcr.io/acme/${val.service(c)}\n  tag: "${val.version(c)}"`,
];

const SHELL_SNIPPETS: readonly ((c: Ctx) => string)[] = [
  (c) => {
    const s = val.service(c);
    const ns = val.ns(c);
    return `kubectl -n ${ns} rollout restart deploy/${s}\nkubectl -n ${ns} rollout status deploy/${s} --timeout=5m`;
  },
  () => '$ npm ci\n$ npm run build\n$ npm test -- --runInBand',
  (c) => `$ git fetch origin\n$ git rebase origin/main\n$ git push --force-with-lease origin ${val.branch(c)}`,
  (c) => `$ curl -s http://${val.ip(c)}:${val.port(c)}/healthz | jq .\n{\n  "status": "ok",\n  "uptime": ${int(c.rng, 100, 900_000)}\n}`,
  (c) => `$ ps aux | grep export-worker\n$ kill -9 ${val.pid(c)}`,
  (c) => `$ docker compose down && docker compose up -d\n$ docker compose logs -f ${val.service(c)} 2>&1 | grep -i error`,
  (c) => `$ terraform plan -target=module.${pick(c.rng, ['rds', 'eks', 'vpc', 'redis'])}\nPlan: ${int(c.rng, 0, 5)} to add, ${int(c.rng, 0, 9)} to change, 0 to destroy.`,
  (c) => `$ git revert ${val.sha(c)}\n$ git push origin main`,
];

const DIFF_SNIPPETS: readonly ((c: Ctx) => string)[] = [
  () => "- if (order.total > 0 && order.status === 'PAID') {\n+ if (order.total > 0 && isSettled(order)) {",
  (c) => `- const timeout = 5000;\n+ const timeout = Number(process.env.${pick(c.rng, ['HTTP_TIMEOUT_MS', 'EXPORT_TIMEOUT_MS'])} ?? 5000);`,
  () => '- return items.map(i => i.price).reduce((a, b) => a + b);\n+ return items.reduce((sum, i) => sum + i.price, 0);',
];

function codeBlock(c: Ctx): string {
  switch (int(c.rng, 0, 6)) {
    case 0: return fence(pick(c.rng, TRACES)(c));
    case 1: return logBlock(c);
    case 2: return fence(pick(c.rng, SQL)(c), chance(c.rng, 0.3) ? 'sql' : '');
    case 3: return fence(pick(c.rng, JSON_SNIPPETS)(c));
    case 4: return fence(pick(c.rng, YAML_SNIPPETS)(c));
    case 5: return fence(pick(c.rng, DIFF_SNIPPETS)(c));
    default: return fence(pick(c.rng, SHELL_SNIPPETS)(c));
  }
}

// ─────────────────────────────────────────────────────────────────────────── link markup

/** Already in wire format: inserted verbatim by the renderer. */
interface Wire {
  readonly wire: string;
}

function channelNamed(name: string): ChannelDef {
  const ch = CHANNELS.find((x) => x.name === name);
  if (ch === undefined) throw new Error(`chat-corpus: no channel #${name}`);
  return ch;
}

function channelLink(ch: ChannelDef): Wire {
  return { wire: `<#${ch.id}|${ch.name}>` };
}

function link(url: string, label?: string): Wire {
  return { wire: label === undefined ? `<${esc(url)}>` : `<${esc(url)}|${esc(label)}>` };
}

const links = {
  user: (c: Ctx): Wire => ({ wire: `<@${pick(c.rng, ALL_PEOPLE).id}>` }),
  chanIncidents: (): Wire => channelLink(channelNamed('incidents')),
  chanXmas: (): Wire => channelLink(channelNamed('diner-de-noel')),
  chanSupport: (): Wire => channelLink(channelNamed('support')),
  here: (): Wire => ({ wire: '<!here>' }),
  /** Only ever used by announcement templates, which only run in announcement channels. */
  everyone: (): Wire => ({ wire: '<!channel>' }),
  wiki: (c: Ctx): Wire =>
    link(`https://intranet.acme.fr/wiki/${pick(c.rng, WIKI_PAGES)}`, pick(c.rng, c.lang === 'fr' ? ['wiki', 'la page wiki', 'ici', 'la doc', 'cette page'] : ['wiki', 'the wiki page', 'here', 'the docs', 'this page'])),
  prlink: (c: Ctx): Wire => link(`https://github.com/acme/${val.repo(c)}/pull/${val.pr(c)}`),
  prlabel: (c: Ctx): Wire => {
    const repo = val.repo(c);
    const n = val.pr(c);
    return link(`https://github.com/acme/${repo}/pull/${n}`, pick(c.rng, [`#${n}`, `PR ${n}`, `${repo}#${n}`, c.lang === 'fr' ? 'la PR' : 'this PR']));
  },
  jiralink: (c: Ctx): Wire => {
    const key = val.jira(c);
    return chance(c.rng, 0.6) ? link(`https://acme.atlassian.net/browse/${key}`, key) : link(`https://acme.atlassian.net/browse/${key}`);
  },
  buildlink: (c: Ctx): Wire => {
    const b = val.build(c);
    return link(`https://ci.acme.fr/job/${val.service(c)}/${b}/console`, `build #${b}`);
  },
  commitlink: (c: Ctx): Wire => {
    const sha = val.sha40(c);
    return link(`https://github.com/acme/${val.repo(c)}/commit/${sha}`, sha.slice(0, 7));
  },
  doclink: (c: Ctx): Wire =>
    chance(c.rng, 0.6)
      ? link(`https://docs.google.com/document/d/1${randomChars(c.rng, 43, ID_CHARS + '-_')}/edit`, pick(c.rng, c.lang === 'fr' ? ['compte rendu', 'le doc', 'la note', 'ce document', 'le brouillon'] : ['minutes', 'the doc', 'this doc', 'the write-up', 'draft']))
      : link(`https://www.notion.so/acme/${pick(c.rng, ['Postmortem', 'RFC-Export-CSV', 'Roadmap-Q1', 'Analyse-churn', 'Onboarding-dev', 'Pricing-2027'])}-${randomChars(c.rng, 32, HEX)}`),
  sheetlink: (c: Ctx): Wire => link(`https://docs.google.com/spreadsheets/d/1${randomChars(c.rng, 43, ID_CHARS + '-_')}/edit#gid=0`, pick(c.rng, c.lang === 'fr' ? ['le tableau', 'le fichier de suivi', 'le Sheet'] : ['the sheet', 'the tracker', 'spreadsheet'])),
  grafanalink: (c: Ctx): Wire => link(`https://grafana.acme.internal/d/${randomChars(c.rng, 9, ID_CHARS)}/${val.service(c)}-latency?orgId=1&from=now-6h&to=now`, pick(c.rng, ['dashboard', 'Grafana', c.lang === 'fr' ? 'le dashboard' : 'the dashboard'])),
  sentrylink: (c: Ctx): Wire => link(`https://acme.sentry.io/issues/${int(c.rng, 4_000_000_000, 4_999_999_999)}/?project=${int(c.rng, 100, 999)}&referrer=slack`),
  figmalink: (c: Ctx): Wire => link(`https://www.figma.com/file/${randomChars(c.rng, 22, ID_CHARS)}/${pick(c.rng, ['Checkout', 'Design-System', 'Cockpit-Admin', 'Onboarding-mobile'])}?node-id=${int(c.rng, 1, 99)}-${int(c.rng, 1, 999)}`, pick(c.rng, c.lang === 'fr' ? ['maquette', 'la maquette', 'Figma'] : ['mockup', 'Figma', 'the design'])),
  meet: (c: Ctx): Wire => link(`https://meet.google.com/${randomChars(c.rng, 3, ID_LETTERS)}-${randomChars(c.rng, 4, ID_LETTERS)}-${randomChars(c.rng, 3, ID_LETTERS)}`),
  resetlink: (c: Ctx): Wire => link('https://intranet.acme.fr/account/password-reset', c.lang === 'fr' ? 'cette page' : 'this page'),
  formlink: (c: Ctx): Wire => link(`https://forms.gle/${randomChars(c.rng, 17, ID_CHARS)}`, c.lang === 'fr' ? pick(c.rng, ['le formulaire', 'ici']) : pick(c.rng, ['the form', 'here'])),
  weblink: (c: Ctx): Wire =>
    link(pick(c.rng, [
      'https://www.sncf-connect.com/',
      'https://www.ratp.fr/infos-trafic',
      `https://www.youtube.com/watch?v=${randomChars(c.rng, 11, ID_CHARS)}`,
      'https://www.lemonde.fr/pixels/',
      'https://news.ycombinator.com/',
      'https://www.bbc.co.uk/news/technology',
      'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Intl',
      'https://www.cnil.fr/fr/rgpd-de-quoi-parle-t-on',
      'https://status.aws.amazon.com/',
      `https://www.service-public.fr/particuliers/vosdroits/F${int(c.rng, 1_000, 3_999)}`,
    ])),
  transitlink: (c: Ctx): Wire => link(pick(c.rng, ['https://www.ratp.fr/infos-trafic', 'https://www.sncf-connect.com/app/trafic', 'https://www.transilien.com/fr/info-trafic'])),
  recipelink: (c: Ctx): Wire =>
    c.lang === 'fr'
      ? link(`https://www.marmiton.org/recettes/recette_risotto-aux-shiitakes_${int(c.rng, 10_000, 399_999)}.aspx`, pick(c.rng, ['la recette', 'Marmiton']))
      : link('https://www.bbcgoodfood.com/recipes/mushroom-risotto', pick(c.rng, ['BBC Good Food', 'recipe'])),
  playlistlink: (c: Ctx): Wire => link(`https://open.spotify.com/playlist/${randomChars(c.rng, 22, ID_CHARS)}`, 'Spotify'),
  apidocslink: (c: Ctx): Wire => link(`https://developer.acme.fr/docs/api/${pick(c.rng, ['v2', 'v3'])}/${pick(c.rng, ['invoices', 'orders', 'webhooks', 'authentication'])}`),
  /** Functional mailbox (never a person's address). Internal templates only. */
  mailbox: (c: Ctx): Wire => {
    const box = pick(c.rng, ['rh', 'compta', 'support', 'office', 'it-helpdesk', 'facturation']);
    return { wire: `<mailto:${box}@acme.fr|${box}@acme.fr>` };
  },
};

/** Office switchboard (ARCEP fiction range). Internal templates only, never external channels. */
function switchboard(c: Ctx): string {
  return pick(c.rng, ['01 99 00 42 00', '01 99 00 42 10', '+33 1 99 00 42 00', '01.99.00.42.00']);
}

// ──────────────────────────────────────────────────────────────────────────── slot table

type SlotValue = string | Wire;
type Slot = (c: Ctx) => SlotValue;

const SLOTS: Readonly<Record<string, Slot>> = {
  ...val,
  name2: val.name,
  code: inlineCode,
  codeblock: codeBlock,
  traceblock: (c) => fence(pick(c.rng, TRACES)(c)),
  logblock: logBlock,
  sqlblock: (c) => fence(pick(c.rng, SQL)(c)),
  jsonblock: (c) => fence(pick(c.rng, JSON_SNIPPETS)(c)),
  yamlblock: (c) => fence(pick(c.rng, YAML_SNIPPETS)(c)),
  shellblock: (c) => fence(pick(c.rng, SHELL_SNIPPETS)(c)),
  resourcesblock: (c) => fence(`resources:\n  requests:\n    cpu: ${int(c.rng, 1, 8) * 100}m\n    memory: ${int(c.rng, 2, 16) * 128}Mi\n  limits:\n    memory: ${int(c.rng, 4, 32) * 128}Mi`, 'yaml'),
  diffblock: (c) => fence(pick(c.rng, DIFF_SNIPPETS)(c), 'diff'),
  switchboard,
  extension: (c) => String(int(c.rng, 4_100, 4_299)),
  address: () => '12 rue de la Paix, 75002 Paris',
  ...links,
};

// ─────────────────────────────────────────────────────────────────────────── the renderer
// Template syntax: `{slot}` fills a slot; `{a|b|c}` picks one alternative (which may itself
// contain slots and alternatives). Literal text is what the user typed: it is escaped here.

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === '|' && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

function literal(s: string, c: Ctx): string {
  const e = esc(s);
  return c.curly ? e.replace(/'/g, '\u2019') : e;
}

function render(tpl: string, c: Ctx): string {
  let out = '';
  let i = 0;
  while (i < tpl.length) {
    const open = tpl.indexOf('{', i);
    if (open < 0) {
      out += literal(tpl.slice(i), c);
      break;
    }
    out += literal(tpl.slice(i, open), c);
    let depth = 0;
    let close = open;
    for (; close < tpl.length; close++) {
      const ch = tpl.charAt(close);
      if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) break;
    }
    if (close >= tpl.length) throw new Error(`chat-corpus: unbalanced "{" in template: ${tpl}`);
    const value = expand(tpl.slice(open + 1, close), c);
    // French elision before a vowel: "le payload de Air Liquide" → "d'Air Liquide", "de Inès" → "d'Inès".
    if (c.lang === 'fr' && /^[AEIOUÉÈÊÂÎaeiouéèêâî]/.test(value) && /(^|[\s(])de $/.test(out)) {
      out = out.slice(0, -3) + (c.curly ? 'd\u2019' : "d'");
    }
    out += value;
    i = close + 1;
  }
  return out;
}

function expand(inner: string, c: Ctx): string {
  const alternatives = splitTopLevel(inner);
  if (alternatives.length > 1) return render(pick(c.rng, alternatives), c);
  const slot = SLOTS[inner];
  if (slot === undefined) throw new Error(`chat-corpus: unknown slot {${inner}}`);
  const v = slot(c);
  return typeof v === 'string' ? esc(v) : v.wire;
}

// ─────────────────────────────────────────────────────────────────────── message templates
// Short messages (3–25 words, code aside). Written as typed by people, before Slack escaping.
// `neutral` templates never contain slang; `formal` ones (client, announce, direction) are
// polite and never contain phone numbers, e-mail addresses or `<!here>`.

type Pool = Readonly<Record<Lang, readonly string[]>>;

const DEV: Pool = {
  fr: [
    "La PR {prlink} est prête pour review, quelqu'un peut jeter un œil ?",
    "Qui peut me faire une review rapide sur {prlabel} ? C'est un petit fix sur {service}.",
    "J'ai mergé {jira}, le build {build} tourne.",
    "LGTM, juste un détail sur le nommage de la classe `{className}`.",
    "Le test « {testName} » est flaky depuis ce matin, je regarde.",
    "Je passe {jira} en QA aujourd'hui.",
    "Tu peux rebase ta branche sur main ? Il y a un conflit dans `{file}`.",
    "J'ai une analyse en cours sur la lenteur de {service}, je partage le constat demain.",
    "Pour info, `{envvar}` doit être défini en {env}, sinon le service ne démarre pas.",
    "On passe à Node 20 sur {service} cette semaine, pensez à mettre à jour votre `.nvmrc`.",
    "Il faut compter deux jours pour la migration de {service} vers {lib}.",
    "Quelqu'un a une idée ? J'ai ça au démarrage :\n{traceblock}",
    "Le passage en {version} casse l'import des factures, je rollback.",
    "Je viens de pousser un fix, tu peux retester {jira} ?",
    "On garde la classe abstraite ou on passe par une interface ? J'ai listé les pros and cons dans {jira}.",
    "La documentation de l'API est à jour : {wiki}",
    "Attention, la migration `{migration}` verrouille la table `{table}` quelques secondes.",
    "J'ai dû faire un `kill -9` sur {le worker|le pod {service}|l'export-worker}{ en {env}|}, il ne répondait plus au SIGTERM.",
    "Je pair avec {name} cet aprèm sur {jira}, on vous tient au courant.",
    "C'est normal que la CI mette {nn} minutes aujourd'hui ?",
    "Le token {GitHub|npm|Sentry|Docker Hub} de la CI a expiré, je le régénère et je le remets dans le vault{ avant {time}|}.",
    "On stocke où la clé API de {tool} ? Dans le vault ou dans les secrets Kubernetes ?",
    "La clé API est dans le vault, chemin `secret/{service}/{ns}`.",
    "Je regarde pourquoi l'assistant de configuration plante sur {Safari|Firefox|Edge|Chrome mobile}{ ({jira})|}.",
    "Souci de classe CSS sur la page de connexion{ en {env}|} : le lien « Mot de passe oublié » est décalé{ de {nn} px|}.",
    "Les tests e2e passent en local mais pas en CI {emoji}",
    "J'ai ajouté un index sur `{table}.{column}`, la requête passe de {nnn} ms à {nn} ms.",
    "Petit rappel : pas de merge sur main après 17h le vendredi {emoji}",
    "Quelqu'un connaît bien {lib} ? Je bloque sur un cas un peu particulier.",
    "La branche `{branch}` peut être supprimée, c'est mergé.",
    "Je vais compter les occurrences {de l'erreur|du WARN|de `{envvar}`} dans les logs{ de {service}|} avant de conclure.",
    "Quelqu'un peut approuver {prlink} ? Il me manque une review.",
    "{jira} : même constat en {env}, c'est bien le cache.",
    "Je lance le script de backfill, ça devrait prendre {duration}.",
    "Voilà la requête que j'utilise :\n{sqlblock}",
    "Le commit {sha} a cassé le build, je le revert.",
    "D'après le bisect, ça vient de {commitlink}.",
    "Je mets à jour les dépendances de {service}, {n} paquets en retard.",
    "J'ai l'erreur suivante en lançant {code} :\n{logblock}",
    "Analyse terminée : {pct} des requêtes lentes viennent du même endpoint.",
    "Je reprends {jira} que {name} avait commencée avant ses congés.",
    "Le passage au nouveau linter ajoute {nn} warnings, je les corrige par lot.",
    "Rappel : on exécute {`npm audit`|les tests e2e|`npx tsc --noEmit`} avant chaque release{, {n} vulnérabilités ouvertes sur {service}|}.",
    "Pour annuler un rebase : `git rebase --abort`. Ça m'a sauvé ce matin {emoji}",
    "Le cockpit de monitoring ne charge plus chez moi {sur Firefox|depuis ce matin|depuis {time}}, c'est pareil pour vous ?",
    "On part du principe que le payload {du webhook|de {client}|de {service}} est valide, il faudrait ajouter un schéma zod.",
    "{service} expose maintenant `/healthz` sur le port {port}.",
    "C'est le même bug que {jiralink}, je ferme en doublon.",
    "Il y a un mot de passe par environnement pour la base de {env}, demande l'accès au vault à {name}.",
    "Le fichier `{file}` fait {nnn} lignes, on pourrait le découper ?",
    "Le calcul de la TVA est faux quand le montant a plus de deux décimales, ticket {jira}.",
    "Je propose de passer le parser en streaming, le fichier client fait {nnn} Mo.",
    "La technique du feature flag marche bien, on active `{envvar}` en {env} demain ?",
    "Est-ce que quelqu'un a déjà exécuté les migrations sur {env} ?",
    "J'ai corrigé le titre de la page {d'accueil|de connexion|des factures|{column}}, il affichait encore « Acme Beta »{ ({prlabel})|}.",
    "La queue Kafka `invoices.created` a {bignum} messages en retard.",
    "Voici ce que renvoie l'API pour {order} :\n{jsonblock}",
    "Je suggère ça pour simplifier :\n{diffblock}",
    "Le timestamp `{epoch}` dans les logs, c'est bien de l'epoch en millisecondes ?",
    "Pour reproduire en local : {code} puis ouvrir http://localhost:3000",
    "Le ticket {jiralink} est prêt à être pris, c'est une bonne première issue.",
    "Je suis en code review jusqu'à {time}, ensuite dispo pour {jira}.",
    "Il manque la documentation sur la variable `{envvar}`, je l'ajoute au README.",
    "Le client {client} remonte un bug sur l'export PDF, je regarde avec {name}.",
    "Qui a la main sur le dépôt `{repo}` ? J'aimerais activer la protection de branche.",
    "Je crois que c'est un problème de fuseau horaire : `{iso}` est en UTC.",
    "Article intéressant sur le sujet : {weblink}",
  ],
  en: [
    'PR is up for review: {prlink}',
    'Can someone take a look at {prlabel}? Small fix in {service}.',
    'LGTM {emoji} just one nit on the class name.',
    'Merged {jira}, build {build} is running.',
    'The "{testName}" test is flaky again, I will quarantine it.',
    "Could you rebase on main? There's a conflict in `{file}`.",
    "I assume the {webhook|{client}|{service}} payload is always valid here, but we should add a zod schema.",
    'Pros and cons of moving {service} to {lib} are in {doclink}.',
    'Does anyone know why CI takes {nn} minutes today?',
    "The {GitHub|npm|Sentry|Docker Hub} token for CI expired, can you regenerate it{ before {time}|}?",
    "The token{ for {service}| for the {env} webhook|} expired, can you regenerate it? {Nothing urgent.|No rush.|Needed by {day}.}",
    "Where do we keep the {tool} API key? I'd rather not put it in the repo.",
    'Getting this on startup, any idea?\n{traceblock}',
    'Reverting {sha}, it broke the build.',
    'git bisect points to {commitlink}.',
    'Added an index on `{table}.{column}`, query went from {nnn}ms to {nn}ms {emoji}',
    'Quick reminder: no merges to main after 5pm on Fridays {emoji}',
    "Anyone familiar with {lib}? I'm stuck on an edge case.",
    "Here's the query I'm using:\n{sqlblock}",
    "I had to `kill -9` {the worker|{service}|PID {pid}}{ in {env}|}, it ignored SIGTERM again.",
    "We need to execute {the migration|`{migration}`} before the {deploy|{version} release}, not after.",
    'The job aborts after {nn} retries, see {buildlink}.',
    'Pairing with {name} this afternoon on {jira}.',
    "My Google-fu failed me on this one: how do you {pin a transitive dependency with npm|mock timers in Jest|disable a {lib} warning}?",
    "I'm putting together a short doc on our error handling, comments welcome: {doclink}",
    "The assessment service returns {500|422|a 502} when the class id is missing{ ({jira})|}.",
    'Bumping {lib} to {version} in {service}, {n} breaking changes to check.',
    'Does `{envvar}` need to be set in {env} too?',
    'Docs are updated: {wiki}',
    'Same root cause as {jiralink}, closing as duplicate.',
    "Picking up {jira} from {name} while they're on holiday.",
    "I'll pass on this one, {name} knows that code better.",
    'Heads up: migration `{migration}` locks `{table}` for a few seconds.',
    "Password reset link in {resetlink} if you're locked out of the staging admin.",
    "What's the title of the ticket{ {name} mentioned|}? I can't find it in Jira.",
    'Tests pass locally but fail on CI {emoji}',
    'Nice catch {user}, that would have been painful in prod.',
    "I'll grab a bite and then look at the failing {pipeline|build {build}|tests in {service}}.",
    "Can we abort the release? {jira} isn't fixed yet.",
    "The new config knobs {for {service}|like `{envvar}`} are documented in the README.",
    'Running the backfill now, should take about {duration}.',
    'Error when running {code}:\n{logblock}',
    "Which class handles the retries {in {service}|for webhooks}? I can't find it.",
    'The parser chokes on the new CSV export from {client}, looking into it.',
    'Is `{epoch}` in the logs epoch milliseconds or microseconds?',
    'The `{className}` class is doing too much, I suggest we split it.',
    'Kafka consumer lag on `invoices.created` is at {bignum} messages.',
    "Here's the payload we get back for {order}:\n{jsonblock}",
    'Suggestion to simplify this:\n{diffblock}',
    'To reproduce locally: {code} then open http://localhost:3000',
    'Can someone with admin rights on `{repo}` enable branch protection?',
    'Looks like a timezone issue: `{iso}` is UTC, the UI shows Paris time.',
    "I'm in code review until {time}, then I'll pick up {jira}.",
    "The compute cost of {that job|{service}|the nightly export} {doubled|went up {pct}} last month, worth an analysis.",
    'Added a button to retry failed webhooks, see {prlabel}.',
    'Putting the feature behind `{envvar}` so we can ship it dark.',
    "Anyone else seeing the cockpit dashboard time out {on Firefox|since {time}|in {env}}?",
    'The documentation for `{envvar}` was missing, added it to the README.',
    'Interesting read on this: {weblink}',
  ],
};

const OPS: Pool = {
  fr: [
    'Déploiement de {service} {version} en {env} en cours :hourglass_flowing_sand:',
    '{service} {version} est en prod :white_check_mark:',
    'Je déploie {service} en {env} dans {nn} min, dites-moi si ça bloque quelqu’un.',
    'Rollback de {service} en {version}, on a des 502 sur le gateway.',
    '{here} la prod répond lentement depuis {time}, on investigue.',
    "Incident en cours sur {le paiement|la facturation|l'API|les exports PDF}{ depuis {time}|}, le suivi se fait dans {chanIncidents}.",
    'Les pods de {service} redémarrent en boucle, `kubectl describe` indique OOMKilled.',
    "J'ai scalé {service} à {n} réplicas en attendant le correctif.",
    'Le certificat de {host} expire dans {n} jours, je le renouvelle.',
    "La base {env} est à {pct} de CPU, quelqu'un a lancé un batch ?",
    "Fin de l'incident à {time}, post-mortem demain : {doclink}",
    'Le build {build} est vert, je peux tagger {version}.',
    'La CI est rouge sur main depuis le commit {sha}, qui regarde ?',
    'Maintenance de la base {env} ce soir de {time} à {time2}.',
    'Le nœud {ip} est en NotReady, je le drain.',
    'Voilà ce que j’ai dans les logs :\n{logblock}',
    'Pour redémarrer proprement :\n{shellblock}',
    'Alerte Datadog sur la latence p99 de {service} ({nnn} ms), je regarde.',
    'Le cockpit Grafana est ici : {grafanalink}',
    "Tout est rentré dans l'ordre, merci {user} pour l'analyse {emoji}",
    'Le runner CI {runner} est plein, je purge le cache Docker.',
    "On a atteint le quota AWS sur les instances spot{ en eu-west-3|}, je passe en on-demand pour {aujourd'hui|la journée|{duration}}.",
    'Le job nocturne a échoué à {time}, même erreur que la semaine dernière.',
    'Je redémarre {service} en {env}, coupure de quelques secondes.',
    '{here} merci de ne pas déployer en prod avant {time}, gel pour la démo {client}.',
    'Le passage à Kubernetes 1.31 est prévu le {date} sur le cluster {ns}.',
    "L'erreur remonte dans Sentry : {sentrylink}",
    'Le disque de {host} est à {pct}, je nettoie les vieux snapshots.',
    'Le backup de {env} de cette nuit est OK, {nnn} Go en {duration}.',
    'Je mets à jour les limites mémoire de {service} :\n{resourcesblock}',
    "L'IP {ip} est celle du bastion, pas besoin de l'ouvrir côté firewall.",
    'Les logs de {service} sont saturés de WARN depuis le déploiement {version}, je regarde.',
    'Le health check sur le port {port} échoue, pourtant le pod est Running.',
    'Deploy {build} ({sha}) terminé en {env}, aucune erreur dans Sentry.',
    "Le taux d'erreur est redescendu à {pct}, on surveille encore une heure.",
    "J'exécute la migration `{migration}` en {env} maintenant.",
    "Je relance le {pipeline|build {build}}, le premier échec venait d'un timeout sur {npm|le registry Docker|{host}}.",
    'Rappel : le runbook incident est sur {wiki}',
  ],
  en: [
    'Deploying {service} {version} to {env} :hourglass_flowing_sand:',
    '{service} {version} is live in prod :white_check_mark:',
    "Deploying {service} to {env} in {nn} min, shout if that blocks you.",
    'Rolled back {service} to {version}, we had 502s on the gateway.',
    '{here} prod has been slow since {time}, investigating.',
    '{Payment|Billing|API|PDF export} incident in progress{ since {time}|}, updates in {chanIncidents}.',
    '{service} pods are crash-looping, `kubectl describe` says OOMKilled.',
    'Scaled {service} to {n} replicas until the fix is out.',
    'The cert for {host} expires in {n} days, renewing it now.',
    'DB in {env} is at {pct} CPU, is someone running a batch?',
    'Incident resolved at {time}, postmortem tomorrow: {doclink}',
    'Build {build} is green, tagging {version}.',
    'CI is red on main since {sha}, who is on it?',
    'DB maintenance on {env} tonight from {time} to {time2}.',
    'Node {ip} is NotReady, draining it.',
    "Here's what I see in the logs:\n{logblock}",
    'To restart cleanly:\n{shellblock}',
    'Datadog alert on {service} p99 latency ({nnn}ms), looking.',
    'Grafana dashboard: {grafanalink}',
    'All back to normal, thanks {user} for the analysis {emoji}',
    'CI runner {runner} is out of disk, pruning the Docker cache.',
    "We hit the AWS spot quota{ in eu-west-3|}, switching to on-demand for {today|the day|{duration}}.",
    'The nightly job failed at {time}, same error as last week.',
    'Restarting {service} in {env}, a few seconds of downtime.',
    '{here} please no prod deploys before {time}, freeze for the {client} demo.',
    'Kubernetes 1.31 upgrade planned on {date} for the {ns} cluster.',
    'The error is in Sentry: {sentrylink}',
    'Disk on {host} is at {pct}, cleaning up old snapshots.',
    "Last night's {env} backup is fine: {nnn} GB in {duration}.",
    'Bumping memory limits for {service}:\n{resourcesblock}',
    '{ip} is the bastion, no need to open it on the firewall.',
    '{service} logs are full of WARN since {version}, checking.',
    'Health check on port {port} fails even though the pod is Running.',
    'Deploy {build} ({sha}) done in {env}, nothing new in Sentry.',
    'Error rate is back down to {pct}, keeping an eye on it for another hour.',
    'Executing migration `{migration}` on {env} now.',
    "Re-running {the pipeline|build {build}}, the first failure was {an npm timeout|a Docker registry timeout|a flaky test}.",
    'Reminder: the incident runbook is on {wiki}',
  ],
};

const DATA: Pool = {
  fr: [
    "Le dashboard des ventes est à jour jusqu'au {date}.",
    "J'ai une analyse de cohorte sur le churn, résultats {day} : {doclink}",
    'La requête du rapport mensuel prend {nn} s, je la réécris.',
    'Voici la requête pour le CA par client :\n{sqlblock}',
    'Le modèle dbt `fct_orders` est cassé depuis le renommage de `{column}`.',
    "{pct} des commandes de novembre n'ont pas de SIRET renseigné, c'est normal ?",
    "L'export Metabase pour {client} est prêt : {sheetlink}",
    'Le pipeline Airflow a repris, {bignum} lignes rechargées.',
    "Je compte {bignum} comptes actifs ce mois-ci, contre {bignum} le mois dernier.",
    'Attention, les timestamps de la table `events` sont en epoch ms (ex. `{epoch}`).',
    "On pourrait classer les tickets support par thème automatiquement, j'ai un prototype{ sur {nnn} tickets| en {lib}|}.",
    'Le constat est clair : le passage au nouveau tunnel de paiement a réduit les abandons de {pct}.',
    'Quelqu’un sait pourquoi la table `{table}` a des doublons sur `external_ref` ?',
    "J'ai anonymisé le jeu de données{ de {client}| des {bignum} commandes|} avant de le partager, conformément au RGPD.",
    "Le calcul du panier moyen exclut maintenant les commandes annulées{, il passe à {smallPrice}|}.",
    'Le job dbt de {time} a échoué :\n{logblock}',
  ],
  en: [
    'The sales dashboard is up to date as of {date}.',
    'I ran a cohort analysis on churn, results {day}: {doclink}',
    'The monthly report query takes {nn}s, rewriting it.',
    "Here's the revenue-per-client query:\n{sqlblock}",
    'The dbt model `fct_orders` broke when `{column}` was renamed.',
    "{pct} of November orders have no SIRET, is that expected?",
    'Metabase export for {client} is ready: {sheetlink}',
    'Airflow pipeline is back, {bignum} rows reloaded.',
    'I count {bignum} active accounts this month vs {bignum} last month.',
    'Heads up: timestamps in `events` are epoch ms (e.g. `{epoch}`).',
    "We could classify support tickets by topic automatically, I have a prototype{ on {nnn} tickets| using {lib}|}.",
    'Clear finding: the new checkout flow cut drop-offs by {pct}.',
    'Anyone know why `{table}` has duplicates on `external_ref`?',
    "I anonymised the {dataset|{client} export|{bignum}-row extract} before sharing it, as per GDPR.",
    "Average basket now excludes cancelled orders{, it moves to {smallPrice}|}.",
    'The {time} dbt job failed:\n{logblock}',
  ],
};

const PRODUCT: Pool = {
  fr: [
    'La nouvelle maquette du tunnel de commande est sur {figmalink}, vos retours sont bienvenus.',
    "J'ai mis à jour la spec de {jira} après l'atelier avec {client}.",
    "Retour {utilisateur|de {client}|du support} : le bouton « {Exporter|Valider|Télécharger} » est trop discret sur mobile.",
    "On lance l'A/B test sur la page tarifs {day}, {pct} du trafic.",
    'Pour la release {version}, on garde le dark mode ou on le décale ?',
    "L'atelier de priorisation est {day} à {time} en {room}.",
    "J'ai fait le point avec {name} : on coupe la partie import CSV du MVP.",
    "Les classes du design system sont renommées{ en {version}|}, pensez à mettre à jour vos composants{ avant {day}|}.",
    "Le titre de la page {paiement|commande|profil} est trop long sur {iPhone SE|les petits écrans|Android}.",
    "Le passage à la nouvelle navigation est prévu pour {date}.",
    "La roadmap du trimestre d'{product} est ici : {doclink}",
    "Je prépare l'analyse des {nnn} réponses au questionnaire de satisfaction.",
    'Le parcours « Mot de passe oublié » fait {n} écrans, on peut en retirer un.',
    "Démo d'{product} aux équipes vendredi à {time}, venez nombreux {emoji}",
    'Les icônes du cockpit admin sont livrées dans Figma : {figmalink}',
  ],
  en: [
    'New checkout mockup is in {figmalink}, feedback welcome.',
    'Updated the spec for {jira} after the workshop with {client}.',
    "Feedback from {users|{client}|support}: the \"{Export|Submit|Download}\" button is too hard to find on mobile.",
    'A/B test on the pricing page starts {day}, {pct} of traffic.',
    'For {version}, do we keep dark mode or push it back?',
    'Prioritisation workshop {day} at {time} in {room}.',
    'Synced with {name}: the CSV import is out of the MVP.',
    "Design system classes were renamed{ in {version}|}, please update your components{ by {day}|}.",
    "The {payment|order|profile} page title wraps badly on {an iPhone SE|small screens|Android}.",
    'The new navigation ships on {date}.',
    'Quarterly roadmap for {product}: {doclink}',
    "I'm going through the {nnn} survey answers, summary {day}.",
    'The password reset flow is {n} screens long, we can drop one.',
    'Demo of {product} to the whole company Friday at {time} {emoji}',
    'Cockpit admin icons are in Figma: {figmalink}',
    'Which title do we want for the onboarding email? Two options in {doclink}.',
  ],
};

const MARKETING: Pool = {
  fr: [
    'La newsletter de décembre part {day} à {time}, dernière relecture ?',
    "Taux d'ouverture de la dernière campagne : {pct}, clics : {pct}.",
    'Le webinar avec {client} a eu {nnn} inscrits {emoji}',
    "On a {nnn} leads depuis le salon de {city}, je les passe à l'équipe sales.",
    "Le post LinkedIn sur l'étude de cas {client} est programmé pour {date}.",
    'Qui peut relire le livre blanc ? {doclink}',
    "J'ai besoin d'un visuel pour l'article « {n} conseils pour {réussir sa transformation digitale|simplifier sa facturation|bien préparer sa clôture} »{ d'ici {day}|}.",
    'Le budget Google Ads de novembre est consommé à {pct}.',
    "La landing page d'{product} passe en prod {day}.",
    'Le cocktail après la conférence est confirmé, {nn} personnes inscrites.',
    "L'analyse SEO montre qu'on perd {des positions|{n} places} sur « {logiciel de facturation|gestion des contrats|devis en ligne} ».",
    "On cherche un consultant pour {la refonte de la marque|le SEO|les salons de {city}}, des recommandations ?",
    'Brief pour la campagne de Pâques : {doclink}',
    "Le communiqué de presse sur la levée de fonds sort le {date}, embargo jusqu'à {time}.",
    "Les goodies pour le salon sont arrivés à l'accueil (suivi {tracking}).",
    "Je prépare le bilan du trimestre : coût par lead en baisse de {pct}.",
    "Les chiffres de l'étude seront présentés en classe virtuelle à nos partenaires {le {date}|{day}}.",
    "L'étude sur la réputation de la marque est sortie : {pct} de notoriété spontanée.",
    "On refait les photos d'équipe {day} à {time}, {room}.",
    "Pour le titre de l'article, on part sur « Comment {client} a réduit ses délais de facturation » ?",
  ],
  en: [
    'December newsletter goes out {day} at {time}, final review?',
    'Last campaign: {pct} open rate, {pct} click rate.',
    'The webinar with {client} has {nnn} registrations {emoji}',
    'We got {nnn} leads from the {city} trade show, handing them to sales.',
    'LinkedIn post about the {client} case study is scheduled for {date}.',
    'Could someone proofread the white paper? {doclink}',
    "Need a visual for the \"{n} tips to {streamline your invoicing|close your books faster|win more deals}\" post{ by {day}|}.",
    'Google Ads budget for November is {pct} spent.',
    'The {product} landing page goes live {day}.',
    'The cocktail reception after the conference is confirmed, {nn} people signed up.',
    "SEO analysis: we are losing ground on \"{invoicing software|contract management|online quotes}\"{, down {n} places|}.",
    "Looking for a {brand|SEO|events} consultant{ for {date}|}, any recommendations?",
    'Easter campaign brief: {doclink}',
    'Press release on the funding round goes out on {date}, embargoed until {time}.',
    'Trade show swag arrived at reception (tracking {tracking}).',
    'Quarterly report in progress: cost per lead down {pct}.',
    'Best title for the blog post? "How {client} halved invoice processing time" maybe.',
    "Our Google-fu says nobody else ranks for \"{charter compliance Slack|invoice automation {city}}\", good news.",
    'Photo shoot for the team page {day} at {time} in {room}.',
  ],
};

const SALES: Pool = {
  fr: [
    'Le devis pour {client} est parti ce matin : {quote}, {price}.',
    'RDV avec {client} {day} à {time}, qui vient avec moi ?',
    'Le contrat-cadre avec {client} est signé {emoji}',
    "J'ai besoin du SIRET de {client} pour créer le compte : c'est bien {siret} ?",
    'Le bon de commande {order} de {client} est arrivé.',
    "On a un appel d'offres de {client}, réponse attendue le {date}.",
    'Pipeline du trimestre : {amountK} pondérés, {n} affaires en closing.',
    "Le consultant de {client} veut une démo d'{product} {day}.",
    "{client} demande une remise de {pct} sur trois ans, on en parle ?",
    "Je mets à jour Salesforce après le rendez-vous {avec {client}|de {time}}, promis.",
    "Le passage en revue du contrat {client} avec le juridique est {day}.",
    'Qui a le contact achats chez {client} ? Je voudrais relancer le devis {quote}.',
    "Bonne nouvelle : {client} passe de {n} à {nn} licences.",
    'La présentation commerciale à jour est ici : {doclink}',
    "Le SIREN de la nouvelle filiale de {client} est {siren}.",
    "J'ai relancé {client} pour la facture {invoice}, paiement prévu le {date}.",
    'On a perdu {client} face à un concurrent, retour d’expérience {day}.',
    "Les conditions générales de vente ont été mises à jour par le juridique : {wiki}",
    "Le compte {client} est à {pct} d'utilisation, bonne occasion pour un upsell.",
    "Point pipeline avec {name} {day} à {time}.",
    "Démo réussie chez {client} à {city}, ils veulent un devis pour {nnn} utilisateurs.",
    "Pour le devis {client}, on compte {n} jours de consultant en plus pour la reprise de données.",
    "La classe de formation pour {client} est pleine, on ouvre une deuxième session ?",
  ],
  en: [
    'Quote for {client} went out this morning: {quote}, {price}.',
    'Meeting with {client} {day} at {time}, who is joining me?',
    'Framework agreement with {client} signed {emoji}',
    'Purchase order {order} from {client} just came in.',
    'Got an RFP from {client}, answer due {date}.',
    'Q4 pipeline: {amountK} weighted, {n} deals in closing.',
    '{client} wants a {pct} discount on a three-year deal, can we discuss?',
    "I'll update Salesforce after the call {with {client}|at {time}}, promise.",
    'Contract review with legal for {client} is {day}.',
    'Who has the procurement contact at {client}? Chasing quote {quote}.',
    'Good news: {client} goes from {n} to {nn} seats.',
    'Latest sales deck: {doclink}',
    'Chased {client} about invoice {invoice}, payment expected {date}.',
    'We lost {client} to a competitor, lessons learned {day}.',
    "{client}'s account is at {pct} usage, good upsell opportunity.",
    'Pipeline review with {name} {day} at {time}.',
    'Great demo at {client} in {city}, they want a quote for {nnn} users.',
    'Their consultant asked for a {product} demo {day}.',
    'Renewal for {client} is {usd} per month, same as last year.',
    'Pros and cons of the annual vs monthly plan for {client} in {doclink}.',
    'Their warehouse in {ukplace} wants to join the pilot.',
    'Can someone pass me the SIREN of {client}? Need it for the contract.',
  ],
};

const SUPPORT: Pool = {
  fr: [
    "Ticket {ticket} : le client n'arrive pas à réinitialiser son mot de passe, le lien a expiré.",
    'Ticket {ticket} résolu, c’était un cache navigateur.',
    "{client} signale que l'export PDF de la facture {invoice} est vide.",
    "Quelqu'un de l'équipe dev peut regarder {ticket} ? C'est lié à {jira}.",
    "On a {nn} tickets ouverts ce matin, dont {n} prioritaires.",
    "{Le client|{client}} a un message « token expiré » à chaque connexion{ sur {product}|}, je transmets à l'équipe auth ({ticket}).",
    "Macro mise à jour{ le {date}| ce matin|} pour les demandes de mot de passe oublié : on renvoie vers {resetlink}.",
    "Temps de première réponse moyen cette semaine : {duration}.",
    "Je passe le ticket {ticket} en niveau 2, la commande {order} n'apparaît pas.",
    "Rappel : on ne demande jamais son mot de passe à un client, même pour dépanner{. Voir {wiki}|}.",
    "Le colis de remplacement est parti, numéro de suivi {tracking}.",
    'Le client de {city} a un souci de calcul de TVA sur la facture {invoice}.',
    "J'ai rédigé un article de la base de connaissances sur l'assistant d'import : {wiki}",
  ],
  en: [
    'Ticket {ticket}: customer cannot reset their password, the link expired.',
    'Ticket {ticket} solved, it was a browser cache issue.',
    '{client} reports the PDF export of invoice {invoice} is blank.',
    'Could someone from dev look at {ticket}? Related to {jira}.',
    '{nn} open tickets this morning, {n} of them high priority.',
    "{Customer|{client}} gets \"token expired\" on every login{ in {product}|}, forwarding to the auth team ({ticket}).",
    "Updated the forgot-password macro{ on {date}|this morning|} to point to {resetlink}.",
    'Average first response time this week: {duration}.',
    "Escalating {ticket} to tier 2, order {order} doesn't show up.",
    "Reminder: we never ask a customer for their password, even to help{. See {wiki}|}.",
    'Replacement parcel shipped, tracking number {tracking}.',
    'Customer in {ukplace} has a VAT calculation issue on {invoice}.',
    'Wrote a help center article about the import assistant: {wiki}',
  ],
};

const HR: Pool = {
  fr: [
    'Pensez à poser vos congés de fin d’année avant le {date} dans Lucca.',
    "Les tickets restaurant de {novembre|décembre|janvier} sont crédités sur la carte Swile{ ({nn} titres)|}.",
    'La mutuelle change au 1er janvier, la notice est sur {wiki}',
    'Les entretiens annuels commencent {day}, vos managers vous envoient une invitation.',
    'Les notes de frais de novembre sont à déposer avant le {date}.',
    "Bienvenue à {name} qui rejoint {team} aujourd'hui {emoji}",
    "Le lundi de Pâques est férié, les bureaux{ de {city}|} seront fermés.",
    "Rappel : la visite médicale de {name2} est {day} à {time}.",
    'Le CSE organise une collecte de jouets jusqu’au {date}.',
    "La formation RGPD obligatoire est disponible sur la plateforme, comptez {duration}.",
    "Les fiches de paie{ de novembre| de décembre|} sont disponibles dans votre espace {Lucca|salarié}, pensez à les télécharger.",
    'Pour toute question sur la paie : {mailbox}',
    "On recrute un·e {dev backend|dev frontend|data analyst|consultant·e} et un·e assistant·e de direction{ à {city}|}, partagez l'annonce !",
    'Le pont de l’Ascension est offert cette année {emoji}',
    'Nouvelle politique de télétravail : jusqu’à 3 jours par semaine, détails sur {wiki}',
    "L'accueil du standard est joignable au {switchboard}.",
    "Le budget formation de l'année n'est consommé qu'à {pct}, faites vos demandes{ avant le {date}|}.",
    "Un atelier de prévention des risques psychosociaux a lieu {day} à {time}, en {room}.",
    'Pour le remboursement du Pass Navigo, déposez votre justificatif avant le {date}.',
    "Les RTT non pris au 31/12 sont perdus, pensez à les poser{ dans Lucca|, il vous en reste peut-être {n}}.",
    "{n} candidats pour le poste de dev backend, entretiens {day}.",
    "Le processus de recrutement du poste de {consultant|chef de projet|dev mobile} est en pause jusqu'{en janvier|au {date}}.",
    "La cooptation est récompensée : {1 000|1 500|2 000} € par recrutement réussi.",
  ],
  en: [
    'Please book your end-of-year holidays in Lucca before {date}.',
    "{November|December|January} meal vouchers are on your Swile card{ ({nn} vouchers)|}.",
    'Health insurance changes on January 1st, details on {wiki}',
    'Annual reviews start {day}, your manager will send an invite.',
    "Welcome {name} who joins {team} today {emoji}",
    'Expense reports for November are due by {date}.',
    "Easter Monday is a public holiday in France, the {Paris|Lyon} office will be closed.",
    'The on-site therapist is available on Thursdays, book a slot via {formlink}.',
    'Mandatory GDPR training is on the learning platform, it takes about {duration}.',
    "{November payslips|December payslips|Payslips} are available in your {employee space|Lucca account}.",
    'Payroll questions go to {mailbox}',
    "We are hiring a {backend developer|frontend developer|data analyst|consultant} and an executive assistant{ in {city}|}, please share!",
    'New remote work policy: up to 3 days a week, see {wiki}',
    'Reception can be reached on {switchboard}, extension {extension} for IT.',
    "Only {pct} of the training budget is used, send your requests{ before {date}|}.",
    'Referral bonus is €{1,000|1,500|2,000} per successful hire.',
    '{n} candidates for the backend role, interviews {day}.',
    "UK colleagues: the {Sussex|Essex|Middlesex} office follows the UK bank holidays{, not the French ones|}.",
  ],
};

const OFFICE: Pool = {
  fr: [
    "Il y a {food} à la cuisine, servez-vous {emoji}",
    'La {room} est réservée de {time} à {time2} pour le comité.',
    'Grève SNCF {day}, pensez au télétravail si besoin.',
    "Grosse perturbation sur {la ligne {n}|le RER {A|B|C}} ce matin, je serai en retard{ de {nn} min|}.",
    "La machine à café du 3e est réparée {emoji}",
    "Quelqu'un a oublié un parapluie noir en {room}.",
    "Votre colis est à l'accueil, numéro de suivi {tracking}.",
    "Le wifi invité a changé{ {day}|}, le mot de passe est affiché à l’accueil{ et en {room}|}.",
    "Passage du technicien pour la clim {day} entre {time} et {time2}.",
    "Exercice d'évacuation incendie {day} à {time}, merci de suivre les guides-files.",
    "Les badges d'accès sont à renouveler avant le {date}.",
    "L'imprimante du {2e|3e|4e} fait encore des siennes, j'ai ouvert un ticket{ ({ticket})|}.",
    "Le parking vélo est plein, {n} places en plus arrivent {en janvier|le {date}}.",
    "Qui est au bureau {day} ? On peut déjeuner ensemble.",
    'Pot de départ de {name} {day} à {time} à la cafétéria {emoji}',
    "Le standard est joignable au {switchboard}, poste {extension} pour l'informatique.",
    "Les nouveaux écrans sont arrivés, {name} les installe cet après-midi.",
    "Rappel : on vide le frigo vendredi à {time}.",
    "L'adresse de livraison pour les commandes {fournitures|de matériel|{tool}} reste {address}{, à l'attention de {name}|}.",
    "Le ménage passe plus tôt {day}, pensez à ranger vos bureaux.",
    "Pour les demandes de matériel, écrivez à {mailbox}",
    "Des chocolats de Pâques vous attendent à l'accueil {emoji}",
    "La salle Cockpit a un écran qui ne s’allume plus, évitez-la pour les visios{ jusqu'à {day}|}.",
    "Trafic perturbé sur {le RER B|le RER A|la ligne 13|le Transilien}{ ce matin| depuis {time}|}, info en temps réel : {transitlink}",
  ],
  en: [
    'There are {food} in the kitchen, help yourselves {emoji}',
    'Booked {room} from {time} to {time2} for the board meeting.',
    'Tube strike {day}, feel free to work from home.',
    'The coffee machine on the 3rd floor is fixed {emoji}',
    'Someone left a black umbrella in {room}.',
    'Your parcel is at reception, tracking number {tracking}.',
    "The guest wifi changed{ {day}|}, the password is displayed at reception{ and in {room}|}.",
    'Fire drill {day} at {time}, please follow the fire wardens.',
    'Access badges must be renewed before {date}.',
    'Who is in the office {day}? Lunch together?',
    'Leaving drinks for {name} {day} at {time} in {room} {emoji}',
    'Reception is on {switchboard}, ext. {extension} for IT.',
    'New monitors arrived, {name} will set them up this afternoon.',
    'Fridge clean-up on Friday at {time}.',
    'For equipment requests, email {mailbox}',
    "The Cockpit room screen is dead, avoid it for video calls{ until {day}|}.",
    "{Southern|Thameslink|Greater Anglia} trains are disrupted again, anyone else stuck in {Sussex|Essex|Middlesex}?",
    'The Middlesex office moves to the new building on {date}.',
    "I'll grab a bite at {the deli downstairs|Pret|the market} {around {time}|now}, anyone want something?",
    'The heating knobs in {room} are stuck on max, facilities are on it.',
  ],
};

const XMAS: Pool = {
  fr: [
    'Le dîner de Noël aura lieu le {date} chez {restaurant} {emoji}',
    "Pensez à vous inscrire au dîner avant le {date} : {formlink}",
    "Il y a une option végétarienne : risotto aux shiitakes ou {velouté de potimarron|tarte aux légumes|lasagnes aux épinards}.",
    'Qui fait partie du Père Noël secret ? Budget {15|20|25} € maximum.',
    "Le cocktail commence à {18h30|19h|19h30}, le dîner à {20h|20h30}.",
    'Des allergies ou régimes particuliers ? Dites-le à {name} avant vendredi.',
    "Le tirage au sort du Père Noël secret est fait{, {nn} participants|}, vous avez reçu un message de Slackbot.",
    "Dress code : pull de Noël fortement encouragé {emoji}",
    "On cherche un bassiste{ et un batteur|} pour le petit concert du dîner, des volontaires ?",
    "Pour le retour, des taxis seront réservés à partir de {time}.",
    "Les photos du dîner de l'an dernier sont ici : {doclink}",
    "Le menu : entrée concombre et chèvre frais, {suprême de volaille|filet de bar|risotto aux shiitakes}, et bûche en dessert.",
    "Quelqu'un peut compter les inscrits ? Le restaurant veut un chiffre {day}.",
    "Le restaurant est à deux pas du métro Odéon, comptez 20 minutes depuis le bureau.",
    "On fait une playlist commune pour la soirée ? Ajoutez vos morceaux ici : {playlistlink}",
    "Les collègues de Londres viennent aussi, prévoyez {n} places en plus.",
    "Le passage du photographe est prévu vers {time}.",
    "Est-ce qu'on fait un cocktail sans alcool pour ceux qui conduisent ? {Oui, c'est prévu.|{name} s'en occupe.}",
    '{nn} inscrits pour le moment, il reste {n} places.',
    'Merci aux organisateurs, la soirée était top {emoji}',
    "Le vestiaire ferme à {time}, n'oubliez pas vos manteaux.",
    "La salle privatisée peut accueillir {nn} personnes, on est bons.",
    "Les cadeaux du Père Noël secret seront échangés {au moment du dessert|vers {time}}.",
  ],
  en: [
    'The Christmas dinner is on {date} at {restaurant} {emoji}',
    'Please sign up for the dinner before {date}: {formlink}',
    "Vegetarian option: shiitake risotto or {pumpkin soup|vegetable tart|spinach lasagne}.",
    'Who is in for Secret Santa? Max budget €{15|20|25}.',
    'Cocktails start at {6:30pm|7pm|7:30pm}, dinner at {8pm|8:30pm}.',
    'Any allergies or dietary requirements? Tell {name} by Friday.',
    "Secret Santa draw is done{, {nn} people in|}, check your Slackbot DM.",
    'Dress code: Christmas jumpers strongly encouraged {emoji}',
    "Looking for a bass player{ and a drummer|} for the little concert, any volunteers?",
    'Taxis will be booked from {time} for the way back.',
    "Last year's photos are here: {doclink}",
    'The London team is coming over on the Eurostar, {nn} of us.',
    "Booking the Eurostar for Paris {now|for {date}}, anyone from the {Essex|Sussex|London} office joining?",
    'Thanks to the organisers, what a great evening {emoji}',
    '{nn} sign-ups so far, {n} seats left.',
    "Non-alcoholic cocktails will be available too{, {name} is on it|}.",
  ],
};

const RANDOM: Pool = {
  fr: [
    "Quelqu'un a testé le nouveau {japonais|libanais|coréen|boulanger} {en bas de la rue|à côté du bureau} ?",
    "Qui vient au foot jeudi soir ? On est {n} pour l'instant.",
    "Je relis « {Les Grandes Espérances|Oliver Twist|David Copperfield} » de Dickens, toujours aussi bon.",
    "Bon week-end à tous {emoji}",
    "Mon chat vient de fermer l'appel Zoom tout seul {emoji}",
    "Recette du risotto aux shiitakes demandée hier : {recipelink}",
    "Quelqu'un connaît un bon bassiste{ à {city}|} ? Notre groupe cherche quelqu'un.",
    'Il fait {nn} degrés à {city} aujourd’hui, on est vernis.',
    "Conseil lecture du moment : « {Le Comte de Monte-Cristo|Les Misérables|Bleak House} ». {Mille pages, aucun regret.|Long, mais quel plaisir.}",
    "Le concombre de mon potager fait {nn} cm, je vous apporte ça {day}.",
    "Qui veut des boutures de {pothos|monstera|basilic} ? J'en ai plein.",
    "J'ai perdu ma gourde {bleue|verte|Acme}{ en {room}|}, si quelqu'un la voit…",
    "Le bitcoin a encore {fait le yoyo|pris {pct}}, heureusement que je n'en ai pas.",
    "Petit sondage : café ou thé {le matin|à {time}} ? :coffee: ou :tea:",
    'Le marché de Noël de {city} ouvre ce week-end {emoji}',
    "J'ai enfin fini le puzzle de {1000|2000|3000} pièces, il m'aura fallu {trois mois|{n} semaines}.",
    "Quelqu’un a un chargeur {USB-C|de MacBook|d'iPhone} à me prêter{ en {room}|} ?",
    "Le Tour de France passe par {chez moi|{city}} cet été, je pose mes congés.",
    "Mon {cocker|chat|chiot} a mangé mon badge, c'est une vraie excuse.",
    "Bonne fête à toutes les Catherine {emoji}",
    "Vous avez vu {l'éclipse|l'arc-en-ciel|le coucher de soleil} {ce matin|depuis le 6e|hier soir} ?",
    "J'habite au fond d'un cul-de-sac, le livreur ne me trouve jamais{ (colis {tracking})|}.",
    "Quelqu'un pour une partie de baby-foot à {time} ?",
    "La galette des rois, c'est frangipane ou brioche ? {Débat ouvert.|On vote avec les emojis.}",
    "Joyeux anniversaire {user} {emoji}",
    "J'ai compté : on a bu {nnn} cafés cette semaine dans l'équipe.",
    "Je passe à la boulangerie{ vers {time}|}, quelqu'un veut quelque chose ?",
    "Conseil du jour : fermez vos {onglets|{nn} onglets Chrome}, votre ordinateur vous dira merci.",
    "Le passage à l’heure {d’hiver|d’été} me fatigue à chaque fois.",
    "Expo {photo|Matisse|design} à voir {au Centre Pompidou|au Grand Palais|à {city}}, je conseille vivement.",
  ],
  en: [
    "Has anyone tried the new {ramen|Lebanese|Korean|taco} place {down the street|near the office}?",
    'Five-a-side football on Thursday, we are {n} so far.',
    "Re-reading Dickens on the train, {Great Expectations|Bleak House|Oliver Twist} holds up.",
    'Have a nice weekend everyone {emoji}',
    'My cat just ended the Zoom call by herself {emoji}',
    "Here's that shiitake risotto recipe: {recipelink}",
    "Anyone know a good bass player{ in {city}|}? Our band's looking.",
    "It's {nn} degrees in {city} today, can't complain.",
    "Reading recommendation: \"{The Count of Monte Cristo|Bleak House|Middlemarch}\". Long but worth it.",
    "Spent the weekend in {Scunthorpe|Penistone|Essex|Sussex} visiting family, {surprisingly lovely|great weather}.",
    "Did the Penistone line walk on {Sunday|Saturday}, highly recommend{ :hiking_boot:|.}",
    "Anyone up for a cocktail after work {on Friday|{day}|at {time}}?",
    "Finally tried the flight simulator, I crashed the plane {in the first minute|on landing}. Cockpit is confusing.",
    "Bitcoin {went up and down again|moved {pct} today}, glad I never bought any.",
    "Quick poll: tea or coffee {in the morning|at {time}}? :coffee: or :tea:",
    "Anyone have a {USB-C|MacBook|phone} charger I can borrow{ in {room}|}?",
    'Happy birthday {user} {emoji}',
    "My {dog|puppy|cat} ate my badge. Genuinely.",
    "Anyone watching the cricket? {Middlesex|Sussex|Essex} are doing well.",
    "Just back from a long weekend in {Sussex|Essex|Cornwall}, the coast was gorgeous.",
    'Anyone want to grab a bite around {time}?',
    'Table tennis at {time}, who is in?',
    'Reminder that the book club meets {day}, this month is a Dickens.',
    "Has anyone seen Hancock? Watched it {last night|on the Eurostar}, it's better than I remembered.",
    "The {Essex|Scouse|Geordie} accent in that podcast is fantastic.",
    "My therapist says I should take more breaks, so here I am{ {emoji}|}.",
    "Putting the kettle on, anyone want a {cuppa|coffee}?",
    'The sunset from the 6th floor right now {emoji}',
    "Pass the {biscuits|croissants} please, asking for {the whole team|{team}}.",
    "Did anyone else see {the eclipse|the rainbow|the sunset} {this morning|from the 6th floor|last night}?",
  ],
};

/** Company-wide announcements: formal; the only templates that may use `<!channel>`. */
const ANNOUNCE: Pool = {
  fr: [
    "{everyone} Les bureaux seront fermés le {date}, bon week-end prolongé à tous.",
    "{everyone} La réunion trimestrielle a lieu {day} à {time}, lien : {meet}",
    "Bienvenue à {fullname} qui rejoint {team} en tant que consultant·e senior {emoji}",
    "La nouvelle charte informatique est en ligne : {wiki}. Merci d'en prendre connaissance.",
    "Rappel sécurité : ne communiquez jamais votre mot de passe, même à l'équipe IT. {Plus d'informations sur {wiki}|Merci de votre vigilance.}",
    "Nous avons le plaisir de vous annoncer la signature du contrat avec {client} {emoji}",
    "La politique de confidentialité du site a été mise à jour, voir {wiki}.",
    "Les résultats du trimestre seront présentés {day} à {time} en {room}.",
    "Le nouveau site d'{product} est en ligne depuis ce matin.",
    "{everyone} Exercice d'évacuation {day} à {time}, merci de votre participation.",
    "Campagne de phishing en cours{ depuis {time}|} : ne cliquez pas sur les liens « réinitialisation du mot de passe » reçus par e-mail.",
    "Le dîner de Noël aura lieu le {date}, toutes les infos dans {chanXmas}.",
    "Nos bureaux de {city} déménagent le {date}, plus d'informations à venir.",
    "Félicitations à {team} pour le lancement d'{product} {emoji}",
    "Les entretiens annuels se dérouleront entre le {date} et le {date}.",
  ],
  en: [
    '{everyone} The offices will be closed on {date}, enjoy the long weekend.',
    '{everyone} All-hands {day} at {time}, link: {meet}',
    'Please welcome {fullname} who joins {team} as a senior consultant {emoji}',
    'The updated IT charter is online: {wiki}. Please take a moment to read it.',
    "Security reminder: never share your password, not even with IT. {More on {wiki}|Thank you for your vigilance.}",
    'We are delighted to announce our new partnership with {client} {emoji}',
    'The privacy policy on our website has been updated, see {wiki}.',
    'Quarterly results will be presented {day} at {time} in {room}.',
    'The new {product} website went live this morning.',
    '{everyone} Fire drill {day} at {time}, thank you for taking part.',
    "Phishing campaign in progress{ since {time}|}: do not click \"password reset\" links received by email.",
    'The Christmas dinner is on {date}, all the details in {chanXmas}.',
    'Our {city} office moves on {date}, more information to come.',
    'Congratulations to {team} on the launch of {product} {emoji}',
    "The London office will follow UK bank holidays, including {Easter Monday|the May bank holiday}.",
  ],
};

/** Slack Connect channels: polite, formal, no personal contact details. */
const CLIENT: Pool = {
  fr: [
    'Vous trouverez le devis {quote} pour la phase 2 ici : {doclink}',
    'La mise en production est prévue le {date} à {time}, nous vous confirmerons la fin de l’intervention.',
    'Nous avons bien reçu le bon de commande {order}, merci.',
    "La facture {invoice} d'un montant de {price} a été transmise à votre service comptable.",
    'Merci pour votre retour, nous analysons le point et revenons vers vous {day}.',
    'Le compte rendu de la réunion est disponible ici : {doclink}',
    'Pourriez-vous nous confirmer le SIRET de l’entité à facturer ? Nous avons {siret}.',
    'Le correctif {version} est déployé en recette, pouvez-vous le valider de votre côté ?',
    'Suite à notre échange, je vous propose un point {day} à {time}.',
    'Notre consultant sera sur site à {city} {day}.',
    "Pour réinitialiser votre mot de passe, utilisez le lien « Mot de passe oublié » sur la page de connexion{ d'{product}|}.",
    'Le colis est parti ce matin, numéro de suivi {tracking}.',
    "Nous avons constaté un ralentissement entre {time} et {time2}, il est résolu. Une analyse détaillée suivra.",
    "Le lien de la visio pour {day} : {meet}",
    "Le planning de la formation est en pièce jointe, {n} sessions de {duration}.",
    "Les accès à l’environnement de recette ont été créés{ pour {n} personnes|}, vous allez recevoir une invitation.",
    "Nous revenons vers vous d'ici {day} avec une proposition chiffrée.",
    "Le ticket {jira} est corrigé dans la version {version}.",
    "Bonne nouvelle : l'export comptable est disponible dans {product} dès aujourd'hui.",
    "Pouvez-vous nous transmettre le numéro de bon de commande à faire figurer sur la facture{ {invoice}|} ?",
    "Comme convenu, le contrat de maintenance est renouvelé pour {un an|deux ans}{ à compter du {date}|}.",
    "L'analyse des écarts de facturation est terminée, synthèse ici : {sheetlink}",
    "Nous vous remercions pour la confiance accordée à nos équipes{ sur ce projet|}.",
    "L'homologation de la nouvelle version est prévue la semaine du {date}.",
    'Le comité de pilotage est confirmé le {date} à {time}.',
    "La documentation de l'API est disponible ici : {apidocslink}",
    "Nous avons pris note de votre demande d'évolution{ ({jira})|}, elle sera étudiée au prochain comité.",
  ],
  en: [
    'Please find quote {quote} for phase 2 here: {doclink}',
    'The production release is scheduled for {date} at {time}, we will confirm once it is done.',
    'We have received purchase order {order}, thank you.',
    'Invoice {invoice} for {price} has been sent to your accounts payable team.',
    'Thank you for your feedback, we are looking into it and will get back to you {day}.',
    'The meeting minutes are available here: {doclink}',
    'Could you confirm the SIRET of the entity to invoice? We have {siret}.',
    'Fix {version} is deployed to staging, could you validate it on your side?',
    'Following our call, would {day} at {time} work for a follow-up?',
    'Our consultant will be on site in {city} {day}.',
    "To reset your password, please use the \"Forgot password\" link on the {product} login page.",
    'The parcel shipped this morning, tracking number {tracking}.',
    'We noticed a slowdown between {time} and {time2}; it is resolved and a full analysis will follow.',
    'Video call link for {day}: {meet}',
    'The training schedule is attached: {n} sessions of {duration}.',
    "Staging access has been created{ for {n} people|}, you will receive an invitation shortly.",
    'We will come back to you by {day} with a costed proposal.',
    'Ticket {jira} is fixed in version {version}.',
    'Good news: the accounting export is available in {product} from today.',
    "Could you send us the PO number to put on {the invoice|invoice {invoice}}?",
    "As agreed, the maintenance contract is renewed for {one year|two years}{ from {date}|}.",
    'The assessment of the billing discrepancies is complete, summary here: {sheetlink}',
    "Thank you for your trust in our teams{ on this project|}.",
    'Steering committee confirmed for {date} at {time}.',
    'API documentation is available here: {apidocslink}',
    "We have noted your feature request{ ({jira})|}; it will be reviewed at the next committee.",
    'Our UK team in {ukplace} will handle the rollout for your site there.',
  ],
};

const FINANCE: Pool = {
  fr: [
    'La facture {invoice} de {client} est payée, merci de lettrer.',
    'Clôture mensuelle {day}, envoyez vos justificatifs avant {time}.',
    'Le prélèvement URSSAF passe le {date}.',
    'La déclaration de TVA est déposée, montant : {price}.',
    "Le fournisseur {client} a changé d'adresse de facturation, je mets à jour la fiche (SIREN {siren}).",
    "On a {n} factures fournisseurs en attente de validation dans Pennylane.",
    "Le budget {team} est consommé à {pct} au {date}.",
    "Le commissaire aux comptes passe {day}, prévoyez la {room}.",
    "J'ai besoin du bon de commande pour payer la facture {invoice}.",
    "Les notes de frais {de novembre|validées avant le {date}} sont remboursées avec la paie de ce mois-ci.",
    'Relance envoyée à {client} pour la facture {invoice} échue depuis {nn} jours.',
    'Le prévisionnel de trésorerie est à jour : {sheetlink}',
  ],
  en: [
    'Invoice {invoice} from {client} is paid, please reconcile.',
    'Month-end close {day}, send your receipts before {time}.',
    'VAT return filed, amount due {price}.',
    'Supplier {client} changed their billing address, updating the record (SIREN {siren}).',
    '{n} supplier invoices waiting for approval in Pennylane.',
    "{team} budget is {pct} spent as of {date}.",
    'Auditors are in {day}, please keep {room} free.',
    'I need the PO to pay invoice {invoice}.',
    'Reminder sent to {client} for invoice {invoice}, {nn} days overdue.',
    'Cash flow forecast is up to date: {sheetlink}',
  ],
};

const DIRECTION: Pool = {
  fr: [
    "Ordre du jour du comité de direction {day} : budget, recrutements, contrat {client}.",
    "Le chiffre d'affaires de novembre est de {amountK}, en hausse de {pct}.",
    "Merci de relire la note stratégique avant {day} : {doclink}",
    "Le conseil d'administration est fixé au {date} à {time}.",
    "Proposition : ouvrir un bureau à {city} au deuxième semestre.",
    "Le recrutement du directeur commercial avance, {n} candidats en finale.",
    "Synthèse des risques du trimestre : {doclink}",
    "Le constat de l'audit est positif, {n} recommandations mineures.",
    "Point sur la trésorerie {day} avec l'expert-comptable.",
    "Le passage à la nouvelle organisation sera annoncé aux équipes le {date}.",
  ],
  en: [
    'Leadership meeting agenda for {day}: budget, hiring, {client} contract.',
    'November revenue is {amountK}, up {pct}.',
    'Please review the strategy memo before {day}: {doclink}',
    'Board meeting set for {date} at {time}.',
    'Proposal: open an office in {city} in H2.',
    'Audit findings are positive, {n} minor recommendations.',
    'The new org will be announced to the teams on {date}.',
  ],
};

const TOPIC_POOLS: Readonly<Record<Topic, Pool>> = {
  dev: DEV,
  ops: OPS,
  data: DATA,
  product: PRODUCT,
  marketing: MARKETING,
  sales: SALES,
  support: SUPPORT,
  hr: HR,
  office: OFFICE,
  xmas: XMAS,
  random: RANDOM,
  announce: ANNOUNCE,
  client: CLIENT,
  finance: FINANCE,
  direction: DIRECTION,
};

/** Familiar tone: only in casual channels (random, dev*). */
const SLANG: Pool = {
  fr: [
    "mdr le build {build} qui passe du premier coup un {vendredi|lundi matin}",
    "tkt je m'en occupe{ {day}|}",
    'ptdr {name} a encore renommé la branche',
    "mdr j'avais oublié le `await`",
    'lol le ticket {jira} date de 2019',
    "tkt c'est pas urgent, {demain|{day}} ça ira",
    "wesh {name}, t'as vu la nouvelle machine à café ?",
    'haha bien joué {user}',
    "mdr la machine à café{ du {2e|3e|4e}|} affiche une erreur {500|E{nn}}",
    "grave, je valide{ {emoji}|}",
    'trop bien le nouveau thème sombre {emoji}',
    "ouf, la prod tient{ depuis {time}|}",
    "mdr ce nom de variable `{tmp2_final_v3|data2|toto|foo_bar_old}`{ dans {service}|}",
    "lol on a eu la même idée{ {emoji}|}",
    "tkt j'ai fait un backup {avant|de {table} avant}",
    'mdr {name} qui débarque avec {food}',
  ],
  en: [
    "lol same{ {emoji}|}",
    "lol the coffee machine is throwing {500s|errors} again{ on the {2nd|3rd|4th} floor|}",
    'haha nice one {user}',
    "lmao that commit message{ in {sha}|}",
    'omg it finally passed {emoji}',
    "tbh I'd just revert {it|{sha}}",
    "lol who named this variable `{temp_final_v2|data2|foo|thing_old}`{ in {service}|}",
    "ngl the new dark theme looks great{ {emoji}|}",
    "haha classic Friday deploy{ of {service}|}",
    "lol I was about to say the same{ {emoji}|}",
    "brb {coffee|lunch|{n} min}",
    'ikr',
    'lol {name} turned up with {food}',
  ],
};

/** One-word and very short replies. */
const REPLIES: Readonly<Record<'formal' | 'internal', Pool>> = {
  internal: {
    fr: [
      'ok', 'OK', 'Ok merci', 'merci !', 'Merci !', '+1', ':+1:', 'LGTM', 'TOP', 'top', 'Top, merci !',
      'Nickel', 'Parfait', 'ça marche', 'Ça marche !', "c'est noté", 'Noté :white_check_mark:', 'je regarde',
      "Je m'en occupe", "C'est fait", 'fait :white_check_mark:', 'oui', 'Non, pas encore', 'bien vu',
      'Bien vu {user} !', 'go', 'Validé', 'je valide', "je regarde aujourd'hui", "Fait aujourd'hui :white_check_mark:", "pas aujourd'hui, demain ?", "D'accord", 'dispo à {time}', "j'arrive", 'on est bons',
      'en cours', 'Merci {name} :pray:', 'Super !', 'Génial :tada:', 'avec plaisir', 'pareil', 'yes', 'je check',
      ':eyes:', ':white_check_mark:', ':tada:', 'merci pour l’info', 'Reçu', 'je teste', 'ah oui !', 'Bravo !',
      '{emoji}', 'Merci, bonne journée !', 'À demain !', 'Bon appétit', 'ça me va', 'Parfait, merci {name}',
    ],
    en: [
      'ok', 'OK', 'thanks!', 'Thanks!', '+1', ':+1:', 'LGTM', 'LGTM :rocket:', 'done', 'Done :white_check_mark:',
      'on it', 'looking', 'ack', 'noted', 'sure', 'yes', 'nope, not yet', 'good catch', 'Good catch {user}!',
      'ship it', 'approved', 'will do', 'sounds good', 'works for me', 'perfect', 'nice!', 'Nice :tada:',
      'agreed', 'same here', 'Thanks {name} :pray:', ':eyes:', ':white_check_mark:', 'Cheers!', 'See you tomorrow!',
      'on my way', 'free at {time}', 'checking', 'great news', 'Congrats!', '{emoji}', 'Thanks, have a good one!',
      'makes sense', 'TOP', 'OK thanks',
    ],
  },
  formal: {
    fr: [
      'Merci !', 'Bien reçu, merci.', 'Parfait, merci beaucoup.', "C'est noté, merci.", 'Entendu.',
      'Merci pour votre retour.', 'Très bien, merci.', 'Je vous remercie.', 'Bien noté :+1:', 'Avec plaisir.',
      'Merci {name}, bonne journée.', 'Parfait, à {day}.', "C'est confirmé de notre côté.", 'Merci, nous regardons.',
    ],
    en: [
      'Thank you!', 'Noted, thanks.', 'Perfect, thank you.', 'Well received, thanks.', 'Thanks for the update.',
      'Sounds good, thank you.', 'Much appreciated.', 'Great, thanks!', 'Thanks {name}, have a good day.',
      'Confirmed on our side.', 'See you {day}.', 'Thank you, we are looking into it.',
    ],
  },
};

// Opening and closing words around a short message, per register.
interface Wrap {
  readonly prefixes: Pool;
  /** Only in front of a message that ends with a question mark. */
  readonly questionPrefixes: Pool;
  readonly suffixes: Pool;
}

const WRAPS: Readonly<Record<Register, Wrap>> = {
  formal: {
    prefixes: {
      fr: ['Bonjour {name},\n\n', 'Bonjour,\n', 'Bonjour à tous,\n\n', 'Bonjour {name}, ', 'Bonsoir {name},\n'],
      en: ['Hi {name},\n\n', 'Hello {name},\n', 'Good morning,\n', 'Hi all,\n\n', 'Hello {name}, '],
    },
    questionPrefixes: {
      fr: ['Bonjour {name}, une question : ', 'Bonjour,\n'],
      en: ['Hi {name}, a quick question: ', 'Hello,\n'],
    },
    suffixes: {
      fr: ['\n\nBien cordialement,\n{me}', '\n\nBonne journée,\n{me}', ' Merci d’avance.', "\nN'hésitez pas si vous avez des questions.", '\n\nCordialement,\n{me}'],
      en: ['\n\nBest regards,\n{me}', '\n\nKind regards,\n{me}', ' Thanks in advance.', '\nLet us know if you have any questions.', '\n\nMany thanks,\n{me}'],
    },
  },
  neutral: {
    prefixes: {
      fr: ['{user} ', 'Hello ! ', 'Salut {name}, ', 'Hello {name}, ', 'Pour info, ', 'FYI ', 'Au fait, ', 'Re, ', 'Bonjour à tous,\n', 'Hello tout le monde !\n', '{user} {user} '],
      en: ['{user} ', 'Hey! ', 'Hi {name}, ', 'FYI ', 'FYI: ', 'Heads up: ', 'Morning! ', 'Hi all,\n', 'Hello team!\n', '{user} {user} '],
    },
    questionPrefixes: {
      fr: ['Petite question : ', 'Question : ', 'Dites, ', '{user} ', 'Salut {name}, ', 'Hello,\n'],
      en: ['Quick question: ', 'Question: ', '{user} ', 'Hi {name}, ', 'Hey, ', 'Hi all,\n'],
    },
    suffixes: {
      fr: [' {emoji}', ' Merci !', ' merci :pray:', ' (cc {user})', "\nMerci d'avance !", ' :slightly_smiling_face:', ' Bonne journée !', " Je regarde ça aujourd'hui.", " Aujourd'hui si possible, merci !"],
      en: [' {emoji}', ' Thanks!', ' thanks :pray:', ' (cc {user})', '\nThanks in advance!', ' :slightly_smiling_face:', ' Cheers!'],
    },
  },
  casual: {
    prefixes: {
      fr: ['{user} ', 'hello ', 'Salut {name}, ', 'yo ', 'Re, ', 'btw ', 'Au fait, ', '{user} {user} '],
      en: ['{user} ', 'hey ', 'Hi {name}, ', 'yo ', 'btw ', 'FYI ', '{user} {user} '],
    },
    questionPrefixes: {
      fr: ['Petite question : ', 'Question : ', 'Dites, ', '{user} ', 'Salut {name}, ', 'Hello, '],
      en: ['Quick q: ', 'Question: ', '{user} ', 'Hi {name}, ', 'hey, ', 'random question: '],
    },
    suffixes: {
      fr: [' {emoji}', ' merci !', ' :pray:', ' (cc {user})', ' mdr', ' haha', ' {emoji}{emoji}', " je m'en occupe aujourd'hui"],
      en: [' {emoji}', ' thx!', ' :pray:', ' (cc {user})', ' lol', ' haha', ' {emoji}{emoji}'],
    },
  },
};

// ─────────────────────────────────────────────────────────────────── long-message composers
// A few paragraphs: release notes, meeting minutes, incident updates, announcements, client
// e-mails, reports, code reviews. Each composer draws its lines from its own small tables.

type Composer = (c: Ctx) => string;

function lines(c: Ctx, tpls: readonly string[], min: number, max: number, bullet: string): string {
  const pool = [...tpls];
  const n = Math.min(int(c.rng, min, max), pool.length);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(c.rng() * pool.length);
    const [t] = pool.splice(k, 1);
    if (t !== undefined) out.push(bullet + render(t, c));
  }
  return out.join('\n');
}

const RELEASE_ITEMS: Readonly<Record<Lang, { features: readonly string[]; fixes: readonly string[] }>> = {
  fr: {
    features: [
      'Export CSV des factures depuis le portail client ({jira})',
      'Nouveau filtre par statut sur la liste des commandes ({jira})',
      'Réinitialisation du mot de passe par lien magique ({jira})',
      'Passage de {lib} en {version} ({jira})',
      'Meilleure gestion des fuseaux horaires dans le calendrier ({jira})',
      'Le calcul de la TVA gère les taux réduits ({jira})',
      'Affichage du SIRET sur les factures PDF ({jira})',
      'Nouvelle page d’analyse des ventes ({jira})',
      "Assistant d'import des contrats en trois étapes ({jira})",
      'Classement des passages par date dans le cockpit ({jira})',
    ],
    fixes: [
      'Crash au démarrage quand `{envvar}` est vide ({jira})',
      'Le lien « Mot de passe oublié » n’ouvrait plus la modale ({jira})',
      'Les montants négatifs s’affichaient sans signe ({jira})',
      "Fuite mémoire dans le worker d'export ({jira})",
      'Les dates au format ISO avec décalage étaient mal parsées ({jira})',
      'Le token de session expirait trop tôt sur mobile ({jira})',
      'Le titre des onglets était tronqué ({jira})',
      'Timeout de la recherche au-delà de 10 000 résultats ({jira})',
    ],
  },
  en: {
    features: [
      'CSV export of invoices from the customer portal ({jira})',
      'New status filter on the orders list ({jira})',
      'Magic-link password reset ({jira})',
      'Upgraded {lib} to {version} ({jira})',
      'Better time zone handling in the calendar ({jira})',
      'VAT computation supports reduced rates ({jira})',
      'SIRET shown on PDF invoices ({jira})',
      'New sales analytics page ({jira})',
      'Three-step contract import assistant ({jira})',
      'Class assessments can be exported to PDF ({jira})',
    ],
    fixes: [
      'Crash on startup when `{envvar}` is empty ({jira})',
      'The "Forgot password" link no longer opened the modal ({jira})',
      'Negative amounts were shown without a sign ({jira})',
      'Memory leak in the export worker ({jira})',
      'ISO dates with offsets were parsed incorrectly ({jira})',
      'Session token expired too early on mobile ({jira})',
      'Tab titles were truncated ({jira})',
      'Search timed out above 10,000 results ({jira})',
    ],
  },
};

const releaseNotes: Composer = (c) => {
  const items = RELEASE_ITEMS[c.lang];
  const head = c.lang === 'fr'
    ? "{*{service} {version}* est en prod :rocket:|Release *{version}* de {service} déployée en prod {emoji}|Nouvelle version d'{product} : *{version}*}"
    : '{*{service} {version}* is live :rocket:|Release *{version}* of {service} deployed to prod {emoji}|New {product} release: *{version}*}';
  const feat = c.lang === 'fr' ? '*Nouveautés*' : '*New*';
  const fix = c.lang === 'fr' ? '*Corrections*' : '*Fixes*';
  const foot = c.lang === 'fr'
    ? '{Changelog complet : {prlink}|Détails dans {jiralink}|Build : {buildlink}}\n{Merci à {user} et {user} pour les reviews !|Merci {user} pour le coup de main {emoji}|Signalez tout souci dans {chanIncidents}.}'
    : '{Full changelog: {prlink}|Details in {jiralink}|Build: {buildlink}}\n{Thanks {user} and {user} for the reviews!|Thanks {user} for the help {emoji}|Report any issue in {chanIncidents}.}';
  return [render(head, c), '', feat, lines(c, items.features, 2, 5, '• '), fix, lines(c, items.fixes, 1, 4, '• '), '', render(foot, c)].join('\n');
};

const MINUTES: Readonly<Record<Lang, { titles: readonly string[]; points: readonly string[]; decisions: readonly string[]; actions: readonly string[] }>> = {
  fr: {
    titles: ['point hebdo produit', 'rétro de sprint', 'comité de pilotage {client}', "réunion d'équipe", 'sprint review', 'point marketing'],
    points: [
      'Bilan du sprint : {nn} points livrés, vélocité {stable|en hausse|en légère baisse}',
      'Analyse des retours clients sur l’app mobile',
      'Planning de la mise en prod du {date}',
      'Recrutement : {n} entretiens cette semaine',
      'Budget {tool} : passage au plan annuel',
      'Constat : les tickets support sur la facturation ont baissé de {pct}',
      'Revue des risques du contrat {client}',
      "Retour du consultant sur l'audit de sécurité",
      'Organisation du dîner de Noël',
      'Passage en revue des indicateurs du cockpit',
      'Documentation : qui maintient le wiki ?',
    ],
    decisions: [
      'On décale le dark mode à la {version}',
      'Gel des déploiements du {date} au {date}',
      'On garde {tool} un an de plus',
      'Les rétros passent toutes les deux semaines',
      'Priorité à {jira} sur le prochain sprint',
    ],
    actions: [
      '{user} : mettre à jour la spec de {jira}',
      '{user} : envoyer le devis {quote} à {client}',
      "{user} : préparer la démo d'{product}",
      '{user} : relancer le juridique sur le contrat',
      '{user} : compter les inscrits au dîner',
      '{user} : corriger le test flaky sur {service}',
    ],
  },
  en: {
    titles: ['weekly product sync', 'sprint retro', '{client} steering committee', 'team meeting', 'sprint review', 'marketing sync'],
    points: [
      'Sprint recap: {nn} points delivered, velocity {stable|up|slightly down}',
      'Analysis of customer feedback on the mobile app',
      'Release planning for {date}',
      'Hiring: {n} interviews this week',
      '{tool} budget: switching to the annual plan',
      'Support tickets about billing down {pct}',
      'Risk review of the {client} contract',
      "Consultant's feedback on the security assessment",
      'Christmas dinner logistics',
      'Cockpit KPIs review',
      'Documentation: who owns the wiki?',
    ],
    decisions: [
      'Dark mode moves to {version}',
      'Deploy freeze from {date} to {date}',
      'We keep {tool} for another year',
      'Retros every two weeks from now on',
      '{jira} is top priority next sprint',
    ],
    actions: [
      '{user}: update the spec for {jira}',
      '{user}: send quote {quote} to {client}',
      '{user}: prepare the {product} demo',
      '{user}: chase legal on the contract',
      '{user}: count dinner sign-ups',
      '{user}: fix the flaky test in {service}',
    ],
  },
};

/** 3 to 5 distinct first names. */
function attendees(c: Ctx): string {
  const pool = [...PEOPLE[c.lang], ...PEOPLE[c.lang === 'fr' ? 'en' : 'fr'].slice(0, 4)];
  const names: string[] = [];
  const n = int(c.rng, 3, 5);
  while (names.length < n) {
    const p = pick(c.rng, pool).first;
    if (!names.includes(p)) names.push(p);
  }
  return names.join(', ');
}

const meetingMinutes: Composer = (c) => {
  const m = MINUTES[c.lang];
  const fr = c.lang === 'fr';
  return [
    render(fr ? `*Compte rendu – ${pick(c.rng, m.titles)} du {date}*` : `*Minutes – ${pick(c.rng, m.titles)}, {date}*`, c),
    (fr ? 'Présents : ' : 'Attendees: ') + esc(attendees(c)),
    '',
    fr ? '*Points abordés*' : '*Discussed*',
    lines(c, m.points, 2, 4, '• '),
    '',
    fr ? '*Décisions*' : '*Decisions*',
    lines(c, m.decisions, 1, 2, '• '),
    '',
    fr ? '*Actions*' : '*Action items*',
    lines(c, m.actions, 2, 3, '• '),
    '',
    render(fr ? 'Prochain point {day} à {time}.{ Notes complètes : {doclink}|}' : 'Next sync {day} at {time}.{ Full notes: {doclink}|}', c),
  ].join('\n');
};

const incidentUpdate: Composer = (c) => {
  const fr = c.lang === 'fr';
  const tpl = fr
    ? [
        '{{here} |}*Incident {jira} – {Paiements en échec|Lenteurs sur le portail client|Exports PDF vides|Erreurs 502 sur l’API|Retard de traitement des factures}*',
        'Statut : {en cours|résolu|en surveillance}',
        'Début : {time} · Détection : {alerte Datadog|ticket support {ticket}|remontée de {client}}',
        'Impact : {environ {pct} des requêtes|les clients de la zone EU|les exports de plus de {nnn} lignes|aucun impact client confirmé}',
        'Cause probable : {saturation du pool de connexions sur {host}|le déploiement {version} de {service}|un certificat expiré sur {host}|un index manquant sur `{table}`}',
        '{logblock}',
        '{Prochaine mise à jour à {time}.|Post-mortem : {doclink}|Merci {user} pour l’analyse rapide.}',
      ]
    : [
        '{{here} |}*Incident {jira} – {Failing payments|Customer portal slowness|Empty PDF exports|502 errors on the API|Invoice processing delay}*',
        'Status: {ongoing|resolved|monitoring}',
        'Started: {time} · Detected by: {Datadog alert|support ticket {ticket}|report from {client}}',
        'Impact: {about {pct} of requests|customers in the EU region|exports above {nnn} rows|no confirmed customer impact}',
        'Probable cause: {connection pool exhaustion on {host}|the {version} deploy of {service}|an expired certificate on {host}|a missing index on `{table}`}',
        '{logblock}',
        '{Next update at {time}.|Postmortem: {doclink}|Thanks {user} for the quick analysis.}',
      ];
  return tpl.map((t) => render(t, c)).join('\n');
};

const ANNOUNCE_LONG: Pool = {
  fr: [
    '{{everyone} |}Bonjour à tous,\n\nNous avons le plaisir d’accueillir {fullname} qui rejoint {team} en tant que {consultant·e|développeur·se backend|assistant·e de direction|chef·fe de projet}. {Elle|Il} sera basé·e à {city}.\n\nN’hésitez pas à lui souhaiter la bienvenue {emoji}',
    "{{everyone} |}Bonjour à tous,\n\nLes bureaux seront fermés du {date} au {date} pour les fêtes de fin d'année. L'astreinte technique reste assurée par {team}.\n\nBonnes fêtes à toutes et à tous !",
    'Bonjour à tous,\n\nRappel sécurité : {une campagne de phishing imite en ce moment|depuis {day}, des e-mails frauduleux imitent} nos e-mails de {réinitialisation du mot de passe|renouvellement de la clé API|partage de documents}. Ne cliquez sur aucun lien reçu par e-mail : passez toujours par {resetlink}.\n\nEn cas de doute, signalez le message dans {chanSupport}{ ou écrivez à {mailbox}|}. {Merci de votre vigilance.|Merci à {name} qui nous a alertés.}',
    "Bonjour à tous,\n\nÀ partir du {date}, la nouvelle mutuelle entre en vigueur. Vous recevrez votre carte de tiers payant par courrier.\n\nLa notice complète et les garanties sont sur {wiki}. Une session de questions-réponses est prévue {day} à {time} : {meet}",
    "{{everyone} |}La réunion trimestrielle a lieu {day} à {time} en {room} et en visio ({meet}).\n\nAu programme :\n• résultats du trimestre\n• feuille de route d'{product}\n• questions-réponses avec la direction\n\nVous pouvez poser vos questions à l'avance dans {formlink}.",
  ],
  en: [
    "{{everyone} |}Hi everyone,\n\nPlease welcome {fullname}, who joins {team} as {a consultant|a backend developer|an executive assistant|a project manager}. They will be based in {city}.\n\nDon't hesitate to say hello {emoji}",
    '{{everyone} |}Hi all,\n\nThe offices will be closed from {date} to {date} for the holidays. On-call remains covered by {team}.\n\nHappy holidays everyone!',
    'Hi all,\n\nSecurity reminder: {a phishing campaign currently imitates|since {day}, fraudulent emails have been imitating} our {password reset|API key renewal|document sharing} emails. Do not click links received by email; always go through {resetlink}.\n\nIf in doubt, report the message in {chanSupport}{ or email {mailbox}|}. {Thanks for your vigilance.|Thanks to {name} for flagging it.}',
    "{{everyone} |}The quarterly all-hands is {day} at {time} in {room} and online ({meet}).\n\nAgenda:\n• quarterly results\n• {product} roadmap\n• Q&A with the leadership team\n\nYou can send questions in advance via {formlink}.",
    "Hi all,\n\nOur privacy policy and IT charter have been updated. The main changes concern retention periods and the use of personal devices.\n\nPlease read them on {wiki} before {date}. Thank you!",
  ],
};

const XMAS_LONG: Pool = {
  fr: [
    "Bonjour à tous {emoji}\n\nLe dîner de Noël aura lieu le {date} chez {restaurant}.\n• {18h30|19h} : cocktail\n• {20h|20h30} : dîner\n• Menu : entrée concombre et chèvre frais, suprême de volaille ou risotto aux shiitakes, bûche de Noël\n\nInscriptions avant {day} : {formlink}\nPensez à signaler vos allergies à {name}. Les collègues de Londres sont les bienvenus !",
    "Petit récap pour le Père Noël secret :\n1. Budget : {15|20|25} € maximum\n2. Les cadeaux sont à déposer en {room} avant le {date}\n3. Échange au moment du dessert\n\n{nn} participants pour l'instant, il est encore temps de s'inscrire !",
  ],
  en: [
    "Hi all {emoji}\n\nThe Christmas dinner is on {date} at {restaurant} in Paris.\n• {6:30pm|7pm}: cocktails\n• {8pm|8:30pm}: dinner\n• Menu: cucumber and goat cheese starter, chicken or shiitake risotto, Yule log\n\nSign up by {day}: {formlink}\nLet {name} know about any allergies. Eurostar tickets for the London team are booked.",
    'Secret Santa recap:\n1. Budget: €{15|20|25} max\n2. Drop gifts in {room} before {date}\n3. We exchange them at dessert\n\n{nn} participants so far, there is still time to join!',
  ],
};

const CLIENT_LONG: Pool = {
  fr: [
    "Bonjour {name},\n\nSuite à notre réunion du {date}, voici le récapitulatif :\n- mise en production de la version {version} le {date} à {time}\n- devis {quote} pour la phase 2 : {price}\n- formation de vos équipes : {n} sessions à {city}\n\nLe compte rendu détaillé est disponible ici : {doclink}\n\nBien cordialement,\n{me}",
    "Bonjour {name},\n\nNous avons constaté un ralentissement de l'application entre {time} et {time2}. L'origine a été identifiée (saturation d'une base de données) et corrigée.\n\nNous vous transmettrons une analyse détaillée {day}. Nous vous prions de nous excuser pour la gêne occasionnée.\n\nCordialement,\n{me}",
    "Bonjour à tous,\n\nLa facture {invoice} relative au bon de commande {order} vous a été envoyée ce jour, pour un montant de {price}.\n\nPour rappel, notre SIRET est {siret} et le règlement est attendu sous 30 jours.\n\nMerci et bonne journée,\n{me}",
  ],
  en: [
    'Hi {name},\n\nFollowing our meeting on {date}, here is a summary:\n- release of version {version} on {date} at {time}\n- quote {quote} for phase 2: {price}\n- training for your teams: {n} sessions in {city}\n\nDetailed minutes: {doclink}\n\nBest regards,\n{me}',
    'Hello {name},\n\nWe noticed a slowdown of the application between {time} and {time2}. The cause was identified (database saturation) and fixed.\n\nWe will send you a detailed analysis {day}. We apologise for the inconvenience.\n\nKind regards,\n{me}',
    'Hi all,\n\nInvoice {invoice} for purchase order {order} was sent today, for {price}.\n\nAs a reminder, payment is due within 30 days.\n\nThank you,\n{me}',
  ],
};

const REPORT_LONG: Pool = {
  fr: [
    "*Bilan de la campagne {Noël|Pâques|rentrée|Black Friday}*\n• Envois : {bignum}\n• Taux d'ouverture : {pct}\n• Clics : {pct}\n• Leads qualifiés : {nnn}\n\nLe constat : l'objet court fonctionne mieux. Analyse détaillée : {sheetlink}",
    "*Pipeline de la semaine*\n• {client} : devis {quote} envoyé ({price})\n• {client} : contrat en relecture juridique\n• {client} : démo {day} à {time}\n\nTotal pondéré : {amountK}. On en parle au point de {time} ?",
  ],
  en: [
    '*{Christmas|Easter|Back to school|Black Friday} campaign results*\n• Sent: {bignum}\n• Open rate: {pct}\n• Clicks: {pct}\n• Qualified leads: {nnn}\n\nTakeaway: short subject lines work better. Full analysis: {sheetlink}',
    '*Weekly pipeline*\n• {client}: quote {quote} sent ({price})\n• {client}: contract with legal\n• {client}: demo {day} at {time}\n\nWeighted total: {amountK}. Shall we discuss at the {time} sync?',
  ],
};

const REVIEW_LONG: Pool = {
  fr: [
    "> {Pourquoi on ne passe pas directement par le repository ?|Est-ce qu'on a vraiment besoin de ce cache ?|On peut supprimer la classe `{className}` ?}\nBonne question. Je pense qu'on peut simplifier comme ça :\n{diffblock}\nJe pousse le changement sur {prlink} si ça vous va.",
    "Pour ceux qui n'ont pas encore accès au staging :\n1. demandez l'accès au vault à {user}\n2. lancez {code}\n3. vérifiez que `{envvar}` est bien défini\n\nSi ça bloque, regardez la doc : {wiki}",
    "J'ai creusé le souci de perf sur {service}. Constat :\n{sqlblock}\nL'EXPLAIN montre un seq scan sur `{table}`. Avec l'index, on passe de {nnn} ms à {nn} ms. PR : {prlink}",
  ],
  en: [
    "> {Why don't we go through the repository directly?|Do we really need this cache?|Can we delete the `{className}` class?}\nGood question. I think we can simplify it like this:\n{diffblock}\nI'll push it to {prlink} if that works for everyone.",
    "For those who don't have staging access yet:\n1. ask {user} for vault access\n2. run {code}\n3. check that `{envvar}` is set\n\nIf you're stuck, the docs are on {wiki}",
    'Dug into the perf issue on {service}. Findings:\n{sqlblock}\nEXPLAIN shows a seq scan on `{table}`. With the index it goes from {nnn}ms to {nn}ms. PR: {prlink}',
  ],
};

const RANDOM_LONG: Pool = {
  fr: [
    "Sondage déjeuner pour {day} :\n:pizza: Pizza\n:sushi: Japonais\n:green_salad: Salade concombre-feta\n:hamburger: Burger\n\nRéagissez avec l'emoji de votre choix, on part à {time}.",
    "Conseil lecture pour {les vacances|le week-end|le train}{ de {name}|} : « {Les Grandes Espérances|David Copperfield} » de Dickens.\n\nC'est long, mais {le passage où Pip découvre qui est son bienfaiteur|le début} vaut vraiment le détour. {Qui d'autre a des recommandations ?|Vous lisez quoi en ce moment ?}",
  ],
  en: [
    'Lunch poll for {day}:\n:pizza: Pizza\n:sushi: Japanese\n:green_salad: Cucumber salad\n:hamburger: Burgers\n\nReact with your pick, we leave at {time}.',
    '{Holiday|Weekend|Train} reading tip: {Great Expectations|David Copperfield|Bleak House} by Dickens.\n\nIt is long, but {the passage where Pip finds out who his benefactor is|the first hundred pages} makes it worth it. {Any other recommendations?|What are you all reading?}',
  ],
};

function fromPool(pool: Pool): Composer {
  return (c) => render(pick(c.rng, pool[c.lang]), c);
}

/** Long composers available per topic (topics absent here only get short messages). */
const LONG: Partial<Readonly<Record<Topic, readonly Composer[]>>> = {
  dev: [releaseNotes, fromPool(REVIEW_LONG), meetingMinutes],
  ops: [incidentUpdate, releaseNotes],
  data: [fromPool(REVIEW_LONG)],
  product: [meetingMinutes, releaseNotes],
  marketing: [fromPool(REPORT_LONG), meetingMinutes],
  sales: [fromPool(REPORT_LONG), meetingMinutes],
  announce: [fromPool(ANNOUNCE_LONG)],
  xmas: [fromPool(XMAS_LONG)],
  client: [fromPool(CLIENT_LONG)],
  random: [fromPool(RANDOM_LONG)],
  direction: [meetingMinutes],
  hr: [fromPool(ANNOUNCE_LONG)],
};

// ─────────────────────────────────────────────────────────────────────── message assembly

/** Lower-case the first letter after a prefix like "Pour info, " (but keep acronyms, markup, code). */
function joinPrefix(prefix: string, body: string): string {
  if (/^(FYI|btw|yo|hello|hey) $/.test(prefix) && /^\p{Lu}(\p{Ll}|['’])/u.test(body)) {
    return prefix + body.charAt(0).toLowerCase() + body.slice(1);
  }
  if (/[,:] $/.test(prefix) && /^\p{Lu}\p{Ll}/u.test(body)) {
    return prefix + body.charAt(0).toLowerCase() + body.slice(1);
  }
  if (/[,:] $/.test(prefix) && /^\p{Lu}['’]/u.test(body)) {
    return prefix + body.charAt(0).toLowerCase() + body.slice(1);
  }
  return prefix + body;
}

/** The announcement templates carry `<!channel>`: keep them in announcement channels. */
function usesEveryone(tpl: string): boolean {
  return tpl.includes('{everyone}');
}

function shortMessage(c: Ctx, topic: Topic): string {
  const pool = TOPIC_POOLS[topic][c.lang];
  let tpl = pick(c.rng, pool);
  if (usesEveryone(tpl) && !c.channel.announce) tpl = tpl.replace('{everyone} ', '');
  let body = render(tpl, c);
  // Two thoughts in one message ("Le build est vert. Je déploie à 14h ?").
  if (!c.channel.announce && !body.includes('```') && chance(c.rng, 0.12)) {
    const second = pick(c.rng, pool);
    if (!usesEveryone(second) && !second.includes('{here}') && !second.includes('```') && second !== tpl) {
      const more = render(second, c);
      if (!more.includes('```')) body += (/[.!?:)]$/.test(body) ? ' ' : '. ') + more;
    }
  }
  const reg = c.channel.register;
  const wrap = WRAPS[reg];
  // Nobody opens a company-wide announcement with "Hi Paul,".
  const pPrefix = c.channel.announce ? 0 : reg === 'formal' ? 0.3 : 0.2;
  const hasMassMention = body.startsWith('<!');
  if (!hasMassMention && chance(c.rng, pPrefix)) {
    const prefixes = body.endsWith('?') && chance(c.rng, 0.6) ? wrap.questionPrefixes : wrap.prefixes;
    body = joinPrefix(render(pick(c.rng, prefixes[c.lang]), c), body);
  }
  if (!body.endsWith('```') && chance(c.rng, reg === 'formal' ? 0.25 : 0.2)) {
    body += render(pick(c.rng, wrap.suffixes[c.lang]), c);
  }
  if (reg === 'casual') {
    // Typing habits: lower-case start, no final full stop.
    if (chance(c.rng, 0.15) && /^\p{Lu}\p{Ll}/u.test(body)) body = body.charAt(0).toLowerCase() + body.slice(1);
    if (chance(c.rng, 0.3)) body = body.replace(/\.$/, '');
  }
  return body;
}

function longMessage(c: Ctx, topic: Topic): string | undefined {
  const composers = LONG[topic];
  if (composers === undefined || composers.length === 0) return undefined;
  const compose = pick(c.rng, composers);
  const text = compose(c);
  // `<!channel>` only where announcements are allowed; `<!here>` never outside internal channels.
  if (!c.channel.announce && text.includes('<!channel>')) return text.replace(/<!channel> ?/g, '');
  return text;
}

function makeMessage(rng: Rng): GeneratedMessage {
  const lang: Lang = rng() < 0.6 ? 'fr' : 'en';
  const ch = pickWeighted(rng, CHANNELS_BY_LANG[lang], (x) => x.weight);
  const author = pick(rng, PEOPLE[lang]);
  const c: Ctx = { rng, lang, channel: ch, author, curly: lang === 'fr' && rng() < 0.2, hour: 9, timeStyle: rng() < (lang === 'fr' ? 0.2 : 0.3) ? 1 : 0 };
  const topic = pick(rng, ch.topics);

  const r = rng();
  let text: string | undefined;
  if (r < 0.13) {
    text = render(pick(rng, REPLIES[ch.register === 'formal' ? 'formal' : 'internal'][lang]), c);
  } else if (r < 0.19 && ch.register === 'casual') {
    text = render(pick(rng, SLANG[lang]), c);
  } else if (r < 0.25) {
    text = longMessage(c, topic);
  }
  if (text === undefined) text = shortMessage(c, topic);
  return { text, channel: { name: ch.name, private: ch.private, external: ch.external }, lang };
}

// ─────────────────────────────────────────────────────────────────────────────── exports

const DEFAULT_SEED = 0x2026_c0de;

function checkCount(count: number): void {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`chat-corpus: count must be a non-negative integer, got ${String(count)}`);
  }
}

/**
 * Yields `count` clean chat messages one at a time, so very large corpora never sit in memory.
 *
 * The sequence depends only on `seed`: for a given seed, the first k messages are the same
 * whatever `count` is, and they equal `generateCleanChat(k, seed)`.
 *
 * @param count - how many messages to yield (a non-negative integer).
 * @param seed - any number, reduced to a uint32; defaults to a fixed seed.
 * @throws RangeError when `count` is not a non-negative safe integer.
 * @example
 * ```ts
 * let n = 0;
 * for (const m of streamCleanChat(1_000_000, 7)) if (m.channel.external) n++;
 * ```
 */
export function* streamCleanChat(count: number, seed: number = DEFAULT_SEED): Generator<GeneratedMessage> {
  checkCount(count);
  const rng = mulberry32(seed);
  for (let i = 0; i < count; i++) yield makeMessage(rng);
}

/**
 * Deterministic: the same (count, seed) always yields the same messages.
 *
 * Returns `count` messages of ordinary, CLEAN workplace chat (French ~60 %, English ~40 %)
 * in Slack's wire format; a charter bot should leave every one of them alone.
 *
 * @param count - how many messages (a non-negative integer).
 * @param seed - any number, reduced to a uint32; defaults to a fixed seed.
 * @throws RangeError when `count` is not a non-negative safe integer.
 * @example
 * ```ts
 * const corpus = generateCleanChat(100_000, 42);
 * const flagged = corpus.filter((m) => evaluate(m.text, rules).findings.length > 0);
 * ```
 */
export function generateCleanChat(count: number, seed: number = DEFAULT_SEED): GeneratedMessage[] {
  checkCount(count);
  const out: GeneratedMessage[] = [];
  for (const m of streamCleanChat(count, seed)) out.push(m);
  return out;
}
