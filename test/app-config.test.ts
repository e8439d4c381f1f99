import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { MissingCredentialsError, readAppConfig } from '../src/app-config';
import { ConfigError } from '../src/config';

const SOCKET = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_APP_TOKEN: 'xapp-1-A1-2-def' };

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    readAppConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('readAppConfig', () => {
  it('Socket Mode by default, with the documented defaults', () => {
    const config = readAppConfig(SOCKET);
    expect(config).toMatchObject({ mode: 'socket', botToken: 'xoxb-1-2-abc', appToken: 'xapp-1-A1-2-def', port: 3000, host: '0.0.0.0', onboarding: true, moderators: [], defaultLocale: 'fr' });
  });

  it('HTTP mode needs the signing secret, not the app token', () => {
    expect(problemsOf({ SLACK_MODE: 'http', SLACK_BOT_TOKEN: 'xoxb-1-2-abc' })).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET: missing/)]);
    expect(readAppConfig({ SLACK_MODE: 'http', SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 's3cr3t', PORT: '8080', SLACK_API_URL: 'http://127.0.0.1:9000/api' })).toMatchObject({
      mode: 'http',
      port: 8080,
      slackApiUrl: 'http://127.0.0.1:9000/api/',
    });
  });

  it('lists every problem at once, naming variables, never echoing a token', () => {
    const problems = problemsOf({ SLACK_BOT_TOKEN: 'not-a-token-SECRETVALUE', SLACK_MODE: 'carrier-pigeon', MODERATORS: 'alice,U0BOB', MODERATION_CHANNEL: '#moderation', RETENTION_DAYS: 'x', PORT: 'eighty' });
    const text = problems.join('\n');
    expect(text).toMatch(/SLACK_MODE: must be socket or http/);
    expect(text).toMatch(/MODERATORS: must be comma-separated Slack user ids/);
    expect(text).toMatch(/MODERATION_CHANNEL: must be a channel id/);
    expect(text).toMatch(/RETENTION_DAYS: must be a whole number/);
    expect(text).toMatch(/PORT: must be a port number/);
    expect(text).not.toContain('SECRETVALUE');
  });

  it('lists missing credentials even when another variable is wrong', () => {
    const problems = problemsOf({ SLACK_MODE: 'http', SLACK_BOT_TOKEN: 'xoxb-1-2-abc', MODERATORS: 'bob' });
    expect(problems).toEqual([expect.stringMatching(/^MODERATORS: /), expect.stringMatching(/^SLACK_SIGNING_SECRET: missing/)]);
  });

  it('reads people lists and onboarding', () => {
    expect(readAppConfig({ ...SOCKET, MODERATORS: 'U0AAA, S0MODS', ADMINS: 'W0BBB', ONBOARDING: 'false' })).toMatchObject({ moderators: ['U0AAA', 'S0MODS'], admins: ['W0BBB'], onboarding: false });
  });

  it('with no credentials at all, explains what to set and where, and mentions the demo', () => {
    expect(() => readAppConfig({})).toThrow(MissingCredentialsError);
    expect(() => readAppConfig({})).toThrow(/SLACK_BOT_TOKEN.*OAuth & Permissions[\s\S]*npm run demo/);
  });
});

describe('npm start without Slack credentials', () => {
  it('exits 1 with the instructions, not a stack trace', () => {
    const main = path.resolve(__dirname, '..', 'dist', 'main.js');
    const result = spawnSync(process.execPath, [main], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('charter-bot needs Slack credentials');
    expect(result.stderr).toContain('npm run demo');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
