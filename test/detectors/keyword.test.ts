import { keyword } from '../../src/detectors/keyword';
import { testDetector } from '../helpers/detector-tester';

testDetector(keyword, {
  options: { terms: ['strictement confidentiel', 'project apollo'], stems: ['confidenti'] },
  category: 'confidential',
  valid: ['le projet avance', 'apollo 11', '```strictement confidentiel```'],
  invalid: [
    { message: 'STRICTEMENT CONFIDENTIEL', matches: ['STRICTEMENT CONFIDENTIEL'], messageId: 'keyword' },
    { message: 'about Project Apollo', matches: ['Project Apollo'] },
    { message: 'c0nfidentiel', matches: ['c0nfidentiel'] },
    { message: 'confidential notes', matches: ['confidential'] },
  ],
});

testDetector(keyword, {
  options: { terms: ['internal only'], scan: 'all' },
  category: 'confidential',
  valid: ['internal'],
  invalid: [
    { message: '```internal only```', matches: ['internal only'] },
    { message: '&gt; Internal only: pricing', matches: ['Internal only'] },
  ],
});
