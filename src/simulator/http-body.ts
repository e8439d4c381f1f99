/**
 * Reading request bodies the way Slack's Web API accepts them: JSON, or form-encoded
 * (what @slack/web-api sends by default, with nested values such as `blocks` JSON-encoded as
 * strings: they are decoded here so recorded arguments hold real arrays and objects).
 */
import type { IncomingMessage } from 'node:http';

/** Bodies larger than this are refused (Slack's own limits are far lower for most methods). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Form fields that carry JSON in Slack's API (decoded when they parse to an object/array). */
const JSON_FIELDS = new Set([
  'blocks',
  'attachments',
  'view',
  'metadata',
  'unfurls',
  'user_auth_blocks',
  'profile',
  'options',
  'option_groups',
  'dialog',
  'reaction',
]);

/** Reads the whole body as UTF-8; rejects beyond {@link MAX_BODY_BYTES}. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body_too_large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The outcome of parsing a Web API body. */
export type ParsedArgs = { ok: true; args: Record<string, unknown> } | { ok: false; error: string };

/** Decodes a JSON-carrying form field; leaves anything that is not a JSON object/array as is. */
function decodeField(key: string, value: string): unknown {
  if (!JSON_FIELDS.has(key)) return value;
  const trimmed = value.trim();
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return value;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return value;
  }
}

/** Form fields → arguments (JSON fields decoded). */
export function parseForm(body: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) args[key] = decodeField(key, value);
  return args;
}

/**
 * Parses a Web API request: query-string arguments, then the body by content type. A JSON body
 * that is not an object answers `invalid_json`; other content types `invalid_form_data`.
 */
export function parseArgs(contentType: string | undefined, body: string, query: URLSearchParams): ParsedArgs {
  const args: Record<string, unknown> = {};
  for (const [key, value] of query) args[key] = decodeField(key, value);
  if (body === '') return { ok: true, args };
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body) as unknown;
    } catch {
      return { ok: false, error: 'invalid_json' };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, error: 'invalid_json' };
    return { ok: true, args: { ...args, ...(parsed as Record<string, unknown>) } };
  }
  if (type === 'application/x-www-form-urlencoded' || type === '') return { ok: true, args: { ...args, ...parseForm(body) } };
  return { ok: false, error: 'invalid_form_data' };
}
