import { shouting } from '../../src/detectors/shouting';
import { testDetector } from '../helpers/detector-tester';

testDetector(shouting, {
  valid: [
    'OK',
    'LGTM',
    'ASAP merci',
    'the SNCF API and the RATP GTFS feed are down, NASA too',
    'this is VERY important',
    '```\nERROR FAILED TO CONNECT TO DATABASE HOST\n```',
    'URGENT : relire le PR',
    'MERCI BEAUCOUP',
    'FYI the URSSAF and CNIL forms are due',
  ],
  invalid: [
    {
      message: 'PLEASE STOP PUSHING TO MAIN WITHOUT A REVIEW',
      matches: ['PLEASE STOP PUSHING TO MAIN WITHOUT A REVIEW'],
      messageId: 'shouting',
    },
    { message: "JE L'AI DÉJÀ DIT TROIS FOIS, LISEZ LE WIKI", count: 1 },
    { message: 'hey <@U1> WHY IS NOBODY ANSWERING THE CLIENT', matches: ['WHY IS NOBODY ANSWERING THE CLIENT'] },
  ],
});
