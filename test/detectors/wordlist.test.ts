import { wordlist } from '../../src/detectors/wordlist';
import { testDetector } from '../helpers/detector-tester';

testDetector(wordlist, {
  valid: [
    'the assessment is due in Scunthorpe',
    'un cocktail après l’analyse du constat',
    "aujourd'hui on livre",
    'turn the knobs on the cockpit',
    'shiitake from Penistone, Dickens in Sussex',
    'pros and cons of the migration',
    'grab a bite with the team at noon',
    'damn, hell, crap: mild words are not counted by default',
    'zut, mince, flûte',
    'null pointer exception',
    'the class passed, bassiste inclus',
    '`git commit -m "fix shit"`',
    '```\nkill -9 $fucking_pid\n```',
    'see <https://example.com/shit|the page>',
    '&gt; someone else said fuck',
    'documentation, consultant, bitcoin, therapist, title',
    { text: 'a cul-de-sac', lang: 'en' },
  ],
  invalid: [
    { message: 'putain de bug', matches: ['putain'], messageId: 'vulgar' },
    { message: 'fuck', matches: ['fuck'] },
    { message: 'this is bullshit', matches: ['bullshit'] },
    { message: 'fuuuuuck', matches: ['fuuuuuck'] },
    { message: 'sh1t happens', matches: ['sh1t'] },
    { message: 'f u c k this', matches: ['f u c k'] },
    { message: 'p*tain', matches: ['p*tain'] },
    { message: 'ｆｕｃｋ', matches: ['ｆｕｃｋ'] },
    { message: 'fu\u200Bck', matches: ['fu\u200Bck'] },
    { message: 'mеrdе', matches: ['mеrdе'] },
    { message: 'fils de pute', matches: ['fils de pute'] },
    { message: 'ta gueule', matches: ['ta gueule'] },
    { message: 'les enculés', matches: ['enculés'] },
    { message: 'motherfuckers', matches: ['motherfuckers'] },
    { message: 'FDP', matches: ['FDP'] },
    { message: { text: "t'es con", lang: 'fr' }, matches: ['con'] },
    { message: { text: 'quelle bite', lang: 'fr' }, matches: ['bite'] },
    { message: 'putain, shit, merde', count: 3 },
    { message: 'voir <https://x.io|ce putain de doc>', matches: ['putain'] },
    { message: 'M3RDE &amp; fuck', count: 2, excerpts: ['M3RDE', 'fuck'] },
  ],
});

testDetector(wordlist, {
  options: { tiers: ['mild'] },
  valid: ['fuck'],
  invalid: [{ message: 'damn it', matches: ['damn'] }],
});

testDetector(wordlist, {
  options: { allow: ['merde'], add: ['saperlipopette'] },
  valid: ['merde alors'],
  invalid: [{ message: 'Saperlipopette !', matches: ['Saperlipopette'] }],
});

testDetector(wordlist, {
  options: { lists: ['en'] },
  valid: ['putain'],
  invalid: [{ message: 'shit', matches: ['shit'] }],
});
