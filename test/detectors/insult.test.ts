import { insult } from '../../src/detectors/insult';
import { testDetector } from '../helpers/detector-tester';

testDetector(insult, {
  valid: [
    "I'm such an idiot, I forgot my badge",
    'je suis nul en Excel',
    'this API is stupid',
    "c'est con, j'ai raté le train",
    'what a stupid bug',
    'quelle idée débile',
    'idiot-proof design',
    'you know the stupid part? the cache',
    'thank you so much',
    "c'est nul ce film",
    'il est nul ce rapport',
    'les clowns du cirque arrivent',
  ],
  invalid: [
    { message: "t'es vraiment un con", matches: ["t'es vraiment un con"], messageId: 'insult' },
    { message: 'tu es un incapable', matches: ['tu es un incapable'] },
    { message: 'vous êtes des incapables', matches: ['vous êtes des incapables'] },
    { message: "bande d'incapables", matches: ["bande d'incapables"] },
    { message: "espèce d'abruti", matches: ["espèce d'abruti"] },
    { message: 'quel crétin ce <@U024BE7LH>', matches: ['quel crétin'] },
    { message: "you're an idiot", matches: ["you're an idiot"] },
    { message: 'you are so stupid', matches: ['you are so stupid'] },
    { message: 'what a moron', matches: ['what a moron'] },
    { message: '<@U024BE7LH> is useless', matches: ['<@U024BE7LH> is useless'] },
    { message: 'you incompetent clown', matches: ['you incompetent clown'] },
    { message: "il est con", matches: ['il est con'] },
    { message: "c'est un connard", matches: ["c'est un connard"] },
    { message: "T'ES VRAIMENT NUL", matches: ["T'ES VRAIMENT NUL"] },
  ],
});
