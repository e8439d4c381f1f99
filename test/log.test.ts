import { Writable } from 'node:stream';
import { createLogger } from '../src/log';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('censors text, excerpts, payloads and tokens even when a caller passes them by mistake', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ destination });
    logger.info({ text: 'mdp : Tournesol#2026', event: { text: 'secret text' }, excerpt: 'merde', token: 'xoxb-123', delivery: { payload: { a: 1 } }, rule: 'password' }, 'handled');
    const line = lines.join('');
    expect(line).not.toMatch(/Tournesol|secret text|merde|xoxb/);
    expect(line).toContain('"rule":"password"');
    expect(line).toContain('[redacted]');
  });

  it('logs errors by type, code and frames, never their message', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ destination });
    const error = Object.assign(new Error('An API error occurred: text=mdp Tournesol#2026'), { code: 'slack_webapi_platform_error' });
    logger.error({ err: error }, 'delivery failed');
    const line = lines.join('');
    expect(line).not.toContain('Tournesol');
    expect(line).toContain('"code":"slack_webapi_platform_error"');
    expect(line).toContain('"type":"Error"');
  });
});
