/**
 * `npm run demo` as a newcomer runs it: the built demo in a child process.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

it('plays the day, shows reminders in French and English, and never shows the card number', () => {
  const demo = path.resolve(__dirname, '..', 'dist', 'demo', 'run-demo.js');
  const result = spawnSync(process.execPath, [demo], { encoding: 'utf8', env: { PATH: process.env.PATH }, timeout: 60_000 });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const transcript = result.stdout;
  expect(transcript).toContain('Petit rappel de la charte');
  expect(transcript).toContain('A quick reminder about our charter');
  expect(transcript).toContain('alert card in #moderation');
  expect(transcript).toContain('•••• •••• •••• 7893');
  expect(transcript).not.toContain('4970 1012 3456 7893');
  expect(transcript).not.toContain('4970101234567893');
  expect(transcript).toContain('direct message to Emma Wilson');
  expect(transcript).toMatch(/payment-card\s+critical resolved/);
  expect(transcript).toMatch(/card in #moderation now shows:\n.*Confirmé par @Nadia Rousseau/);
  expect(transcript).toContain('Seuls les modérateurs peuvent décider');
  expect(transcript).toContain('✓ The card number appears nowhere');
}, 60_000);
