import path from 'node:path';
import { ConfigError, readCoreConfig } from '../src/config';

describe('readCoreConfig', () => {
  it('has defaults for everything', () => {
    expect(readCoreConfig({})).toEqual({
      databasePath: path.resolve('./data/charter.db'),
      retentionDays: 90,
      auditRetentionDays: 365,
      logLevel: 'info',
      defaultLocale: 'fr',
      nudgeCooldownHours: 24,
      escalationThreshold: 3,
      escalationWindowDays: 30,
    });
  });

  it('reads set values and treats empty ones as unset', () => {
    const config = readCoreConfig({ DATABASE_PATH: '/var/lib/charter/c.db', RETENTION_DAYS: '30', LOG_LEVEL: '', ESCALATION_THRESHOLD: '0' });
    expect(config).toMatchObject({ databasePath: '/var/lib/charter/c.db', retentionDays: 30, logLevel: 'info', escalationThreshold: 0 });
  });

  it('lists every invalid variable at once, by name, without echoing values', () => {
    let error: unknown;
    try {
      readCoreConfig({ RETENTION_DAYS: 'ninety', LOG_LEVEL: 'loud', DEFAULT_LOCALE: 'de', NUDGE_COOLDOWN_HOURS: '-1' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/RETENTION_DAYS: must be a whole number/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL: must be one of/);
    expect(problems.join('\n')).toMatch(/DEFAULT_LOCALE: must be fr or en/);
    expect((error as Error).message).not.toContain('loud');
  });
});
