import { massMention } from '../../src/detectors/mass-mention';
import { testDetector } from '../helpers/detector-tester';

testDetector(massMention, {
  valid: [
    '<!here> the build is red, please hold merges',
    'ping <!subteam^S0614TZR7|@dev-team> for review',
    'use `<!channel>` only in #annonces',
    'hello @channel folks',
  ],
  invalid: [
    { message: '<!channel> réunion à 14h', matches: ['<!channel>'], messageId: 'mass' },
    { message: 'hey <!everyone> and <!channel>', count: 2, matches: ['<!everyone>', '<!channel>'] },
  ],
});

testDetector(massMention, {
  options: { mentions: ['here'] },
  valid: ['<!channel> ok here'],
  invalid: [{ message: 'coucou <!here>', matches: ['<!here>'] }],
});
