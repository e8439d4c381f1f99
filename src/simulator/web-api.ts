/**
 * The simulator's HTTP server: Slack's Web API at `POST /api/<method>` and response URLs at
 * `POST /response/<id>`. Every call is authenticated with the bot token (the app-level methods,
 * `apps.connections.open`, with the app token), parsed, possibly failed on purpose, answered by
 * {@link METHODS} (or an app-level handler), and recorded. WebSocket upgrades go to the listener
 * given to {@link WebApiServer.onUpgrade} (Socket Mode).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { FailurePlan, type Failure } from './failures';
import { parseArgs, readBody } from './http-body';
import { METHODS, type Args } from './methods';
import { CallRecorder } from './recorder';
import type { Workspace } from './workspace';

/** The method name under which response-URL posts can be failed with `failNext`. */
export const RESPONSE_URL_METHOD = 'response_url';

/** A method called with the app-level token (`xapp-…`) rather than the bot token. */
export type AppLevelMethod = (args: Args) => unknown;

/** Serves the simulated Web API and response URLs over HTTP. */
export class WebApiServer {
  /** Received calls. */
  readonly recorder = new CallRecorder();
  /** Pending injected failures. */
  readonly failures = new FailurePlan();
  private readonly server: Server;
  private readonly appLevelMethods = new Map<string, AppLevelMethod>();

  constructor(
    private readonly workspace: Workspace,
    private readonly botToken: string,
    private readonly appToken?: string,
  ) {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'fatal_error', detail: String(error) });
      });
    });
  }

  /** Serves `method` to the app-level token only (the bot token gets `not_allowed_token_type`). */
  addAppLevelMethod(method: string, handler: AppLevelMethod): void {
    this.appLevelMethods.set(method, handler);
  }

  /** Hands HTTP upgrade requests (WebSockets) to `listener`. */
  onUpgrade(listener: (req: IncomingMessage, socket: Duplex, head: Buffer) => void): void {
    this.server.on('upgrade', listener);
  }

  /** Listens; resolves with the base URL, e.g. `http://127.0.0.1:41234`. */
  listen(host: string, port: number): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const address = this.server.address() as AddressInfo;
        const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        resolve(`http://${hostPart}:${address.port}`);
      });
    });
  }

  /** Stops listening and drops every connection, hanging calls included. Idempotent. */
  close(): Promise<void> {
    if (!this.server.listening) return Promise.resolve();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const apiMatch = /^\/api\/([A-Za-z0-9_.]+)$/.exec(url.pathname);
    const responseMatch = /^\/response\/([^/]+)$/.exec(url.pathname);
    if (apiMatch?.[1] !== undefined && (req.method === 'POST' || req.method === 'GET')) {
      await this.apiCall(apiMatch[1], req, res, url.searchParams);
    } else if (responseMatch?.[1] !== undefined && req.method === 'POST') {
      await this.responseUrlPost(decodeURIComponent(responseMatch[1]), req, res);
    } else {
      sendJson(res, 404, { ok: false, error: 'not_found' });
    }
  }

  private async apiCall(method: string, req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
    const at = Date.now();
    let body: string;
    try {
      body = await readBody(req);
    } catch {
      sendJson(res, 413, { ok: false, error: 'request_too_large' });
      return;
    }
    const parsed = parseArgs(req.headers['content-type'], body, query);
    const args = parsed.ok ? parsed.args : {};
    const bodyToken = args['token'];
    delete args['token'];
    const answer = (status: number, response: unknown, headers: Record<string, string> = {}): void => {
      this.recorder.record({ method, args, at, response, status });
      sendJson(res, status, response, headers);
    };
    if (!parsed.ok) return answer(200, { ok: false, error: parsed.error });
    const token = bearer(req.headers.authorization) ?? (typeof bodyToken === 'string' ? bodyToken : undefined);
    if (token === undefined || token === '') return answer(200, { ok: false, error: 'not_authed' });
    const appLevel = this.appLevelMethods.get(method);
    const expected = appLevel === undefined ? this.botToken : this.appToken;
    if (token !== expected) {
      const otherKind = token === this.botToken || (this.appToken !== undefined && token === this.appToken);
      return answer(200, { ok: false, error: otherKind ? 'not_allowed_token_type' : 'invalid_auth' });
    }
    const failure = this.failures.take(method);
    if (failure !== undefined) {
      this.fail(failure, res, (status, response) => this.recorder.record({ method, args, at, response, status }));
      return;
    }
    if (appLevel !== undefined) return answer(200, appLevel(args));
    const handler = METHODS[method];
    if (handler === undefined) return answer(200, { ok: false, error: 'unknown_method' });
    answer(200, handler(this.workspace, args));
  }

  private async responseUrlPost(id: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req).catch(() => '');
    const failure = this.failures.take(RESPONSE_URL_METHOD);
    if (failure !== undefined) {
      this.fail(failure, res, () => undefined);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body) as unknown;
    } catch {
      sendJson(res, 400, { ok: false, error: 'invalid_payload' });
      return;
    }
    this.workspace.receiveResponse(id, parsed);
    sendJson(res, 200, { ok: true });
  }

  /** Answers (or not) as the injected failure says, and reports what was answered. */
  private fail(failure: Failure, res: ServerResponse, report: (status: number, response: unknown) => void): void {
    if ('hang' in failure) {
      report(0, undefined);
      return; // The connection stays open until close() drops it.
    }
    if ('rateLimited' in failure) {
      const response = { ok: false, error: 'ratelimited' };
      report(429, response);
      sendJson(res, 429, response, { 'Retry-After': String(failure.rateLimited) });
      return;
    }
    if ('status' in failure) {
      const response = { ok: false, error: 'fatal_error' };
      report(failure.status, response);
      sendJson(res, failure.status, response);
      return;
    }
    const response = { ok: false, error: failure.error };
    report(200, response);
    sendJson(res, 200, response);
  }
}

function bearer(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1];
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
