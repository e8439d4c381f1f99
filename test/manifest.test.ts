/**
 * The Slack app manifests: the Socket Mode one and its HTTP variant ask for the same least
 * privileges, subscribe to the events the listeners handle, and the README justifies each scope.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '..');

interface Manifest {
  features: { slash_commands: Array<{ command: string; url?: string }>; app_home: { home_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[]; request_url?: string }; interactivity: { is_enabled: boolean; request_url?: string }; socket_mode_enabled: boolean };
}

function manifest(file: string): Manifest {
  return parse(fs.readFileSync(path.join(root, file), 'utf8')) as Manifest;
}

const socket = manifest('manifest.yml');
const http = manifest('docs/manifest-http.yml');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

test('Socket Mode manifest: socket on, /charter, Home tab, interactivity', () => {
  expect(socket.settings.socket_mode_enabled).toBe(true);
  expect(socket.features.slash_commands.map((c) => c.command)).toEqual(['/charter']);
  expect(socket.features.app_home.home_tab_enabled).toBe(true);
  expect(socket.settings.interactivity.is_enabled).toBe(true);
});

test('HTTP variant: same scopes and events, every request URL on /slack/events', () => {
  expect(http.settings.socket_mode_enabled).toBe(false);
  expect(http.oauth_config.scopes.bot).toEqual(socket.oauth_config.scopes.bot);
  expect(http.settings.event_subscriptions.bot_events).toEqual(socket.settings.event_subscriptions.bot_events);
  for (const url of [http.settings.event_subscriptions.request_url, http.settings.interactivity.request_url, http.features.slash_commands[0]?.url]) {
    expect(url).toMatch(/^https:\/\/.+\/slack\/events$/);
  }
});

test('least privilege: no scope that reads DMs, acts as a user or deletes messages', () => {
  for (const scope of socket.oauth_config.scopes.bot) expect(['im:history', 'mpim:history', 'chat:write.customize', 'chat:write.public', 'admin']).not.toContain(scope);
});

test('the README justifies every scope and names every event', () => {
  const permissions = readme.slice(readme.indexOf('### Permissions'));
  for (const scope of socket.oauth_config.scopes.bot) expect(permissions).toContain(`| \`${scope}\` |`);
  for (const event of socket.settings.event_subscriptions.bot_events) expect(permissions).toContain(`\`${event}\``);
});
