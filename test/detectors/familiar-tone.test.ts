import { familiarTone } from '../../src/detectors/familiar-tone';
import { testDetector } from '../helpers/detector-tester';

testDetector(familiarTone, {
  valid: [
    'Bien reçu, merci pour votre retour.',
    'Le projet LOLA avance bien',
    'voir <https://intranet/mdr|la page>',
    '`Log.wtf()` is an Android API',
    'Bonjour Lola',
  ],
  invalid: [
    { message: "mdr c'est bon pour nous", matches: ['mdr'], messageId: 'familiar' },
    { message: 'lol ok', matches: ['lol'] },
    { message: 'WTF is this', matches: ['WTF'] },
    { message: 'tkt on gère, ptdr', count: 2 },
    { message: 'loool', matches: ['loool'] },
  ],
});
