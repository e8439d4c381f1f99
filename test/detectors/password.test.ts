import { password } from '../../src/detectors/password';
import { evaluate } from '../../src/engine/evaluate';
import { singleRuleSet, testDetector } from '../helpers/detector-tester';

testDetector(password, {
  valid: [
    'ok pour moi, on se voit à 14h30 salle B2 ?',
    'je passe te voir après le point, ça passe ?',
    // Talking about passwords is fine.
    'mot de passe oublié ?',
    'password: reset it on the portal',
    'the password is expired',
    'changez votre mot de passe tous les 90 jours',
    'password manager',
    'le mot de passe est dans le coffre-fort',
    'the new password policy: at least 12 characters',
    'Password: Required',
    'mot de passe : 12 caractères minimum',
    'mdp : voir avec Julie demain',
    'le mdp est le même que la semaine dernière',
    'your password is incorrect, try again',
    'Pass Navigo 2024 : 86€ par mois',
    'boarding pass is AF1234',
    // Placeholders.
    'mdp : ****',
    'password: <redacted>',
    'password: [redacted]',
    'mdp : …',
    'mot de passe : dans le vault',
    'password: ${DB_PASSWORD}',
    '```\nDB_PASSWORD=${DB_PASSWORD}\npassword = os.getenv("DB_PASS")\n```',
    'password: xxxxxxxx',
    "the password is 'the same'",
    'mdp : "dans le vault"',
    // Commands and paths.
    'pwd: /home/bob/projects',
    'cat /etc/passwd: root only',
    // A bare "pass" needs a login just before; a ticket is no password.
    'pass 2FA-code in the header',
    'mdp : 1Password',
    'ski pass is 4F-2026-88, valid all week',
    // Unknown words before the colon ("policy", "expiry date"): the value must look like a password.
    'password policy: enforced',
    'password expiry date: 2025-01-01',
    'the forgot password link is broken on iOS 18',
    // A question about a password, answered by a plain word on the next line.
    'c\'est quoi le mdp du wifi ?\nJe sais plus',
    'login: admin / read-only',
  ],
  invalid: [
    { message: 'mdp : Soleil2024!', matches: ['mdp : Soleil2024!'], excerpts: ['mdp : ••••••••'], messageId: 'password' },
    {
      message: "le mdp du wifi c'est Soleil2024!",
      matches: ["mdp du wifi c'est Soleil2024!"],
      excerpts: ["mdp du wifi c'est ••••••••"],
    },
    {
      message: 'Le mot de passe est "Chat Noir 42"',
      matches: ['mot de passe est "Chat Noir 42"'],
      excerpts: ['mot de passe est ••••••••'],
    },
    { message: 'password: hunter2rocks', matches: ['password: hunter2rocks'], excerpts: ['password: ••••••••'] },
    { message: 'login admin / pass hunter2rocks', matches: ['pass hunter2rocks'], excerpts: ['pass ••••••••'] },
    { message: 'identifiant : jdupont mdp : Bonjour#99', matches: ['mdp : Bonjour#99'] },
    { message: 'the wifi password is GuestNet2024', matches: ['password is GuestNet2024'] },
    { message: '*mdp* : `K9$xq!7z`', matches: ['mdp* : `K9$xq!7z`'], excerpts: ['mdp* : ••••••••'] },
    { message: '```\nDB_PASSWORD=s3cr3t-Pa55\n```', matches: ['PASSWORD=s3cr3t-Pa55'], excerpts: ['PASSWORD=••••••••'] },
    // After an explicit colon, a plain word counts too.
    { message: 'mot de passe : correcthorsebatterystaple', excerpts: ['mot de passe : ••••••••'] },
    { message: 'code wifi Box-4411-azer', matches: ['code wifi Box-4411-azer'] },
    { message: 'mot de passe temporaire : Xk29!aa, à changer', matches: ['mot de passe temporaire : Xk29!aa'] },
    {
      message: '<https://app.acme.fr/login?user=bob&amp;password=Secr3t99&amp;next=/|login>',
      matches: ['password=Secr3t99'],
    },
    { message: 'the password for the prod db is Zx81-spectrum', matches: ['password for the prod db is Zx81-spectrum'] },
    { message: 'Mot-de-passe → Azerty123', matches: ['Mot-de-passe → Azerty123'] },
    { message: 'passphrase: "correct horse battery staple"', excerpts: ['passphrase: ••••••••'] },
    // Without a connector, a value that looks strongly like a password.
    { message: 'le mdp Soleil2024! ne marche plus', matches: ['mdp Soleil2024!'], excerpts: ['mdp ••••••••'] },
    { message: 'creds: admin / password Lime-Otter-44, merci', matches: ['password Lime-Otter-44'] },
    { message: 'your new pw is Qz7$kT3m, change it after the first login', matches: ['pw is Qz7$kT3m'] },
    // Free words between the label and the connector.
    { message: 'Mot de passe du compte Figma partagé : Design!2025', matches: ['Mot de passe du compte Figma partagé : Design!2025'] },
    { message: 'the pass for the printer admin page is print5678', matches: ['pass for the printer admin page is print5678'] },
    { message: "le mdp de la boîte mail partagée c'est ventes92$$", count: 1 },
    { message: 'the shared account password is still Hello2025! after the audit', matches: ['password is still Hello2025!'] },
    // A question answered on the next line.
    {
      message: "&gt; c'est quoi le mdp de la recette ?\nR3cette#2025",
      matches: ["mdp de la recette ?\nR3cette#2025"],
      excerpts: ['mdp de la recette ? ••••••••'],
    },
    // A login and a password without a password label.
    { message: 'VPN login is bmartin / Winter_sky_42', matches: ['login is bmartin / Winter_sky_42'], excerpts: ['login is bmartin / ••••••••'] },
    // `&lt;` is the author's own "<".
    { message: 'mdp du NAS : Mer&lt;Ciel77', matches: ['mdp du NAS : Mer&lt;Ciel77'] },
    // A quoted value is deliberate, even made of plain words.
    { message: 'le mot de passe est « petit chat noir »', matches: ['mot de passe est « petit chat noir »'] },
    { message: 'user: bob pwd: Tr0ub4dor&3', matches: ['pwd: Tr0ub4dor&3'] },
    { message: 'MDP = P@ssw0rd2024', count: 1 },
    { message: 'mdp : Soleil2024! et password: hunter2rocks', count: 2 },
    { message: { text: '> mdp admin : R00t!Acme', channel: { name: 'infra', private: true } }, matches: ['mdp admin : R00t!Acme'] },
    // French typography (no-break space before the colon); entities decoded, offsets original.
    {
      message: 'mdp\u00a0: Tom&amp;Jerry42 ok',
      matches: ['mdp\u00a0: Tom&amp;Jerry42'],
      excerpts: ['mdp : ••••••••'],
    },
  ],
});

testDetector(password, {
  options: { ignoreValues: ['Confidentiel2024'], minLength: 8 },
  valid: ['mdp : Confidentiel2024', 'mdp : Ab1!xyz'],
  invalid: [{ message: 'mdp : Ab1!xyzw', count: 1 }],
});

describe('password on 40,000-character inputs', () => {
  const ruleSet = singleRuleSet(password, {});
  test.each([
    ['mdp : '.repeat(6666), 0],
    ['password is '.repeat(3333), 0],
    ['mot de passe du '.repeat(2500), 0],
    [`mdp${' '.repeat(39990)}x`, 0],
    [`mdp : ${'a'.repeat(39990)}`, 0],
    ['login a / pass '.repeat(2666), 0],
    ['mdp : «'.repeat(5714), 0],
    ["password is '".repeat(3076), 0],
    [`${'blabla '.repeat(5700)}mdp : Soleil2024!`, 1],
    ['mdp : Soleil2024! '.repeat(2222), 50],
  ])('input %#', (text, findings) => {
    const verdict = evaluate({ text: text as string }, ruleSet);
    expect(verdict.errors).toEqual([]);
    expect(verdict.findings).toHaveLength(findings as number);
  });
});

testDetector(password, {
  valid: [
    'Tests pass locally but fail on CI :upside_down_face: thx!',
    'yo tests pass locally but fail on CI :partying_face:',
  ],
  invalid: [{ message: 'mdp :Soleil2024!', count: 1 }],
});
