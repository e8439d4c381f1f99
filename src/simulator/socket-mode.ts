/**
 * Socket Mode (https://docs.slack.dev/apis/events-api/using-socket-mode), as @slack/socket-mode
 * 3.x speaks it:
 *
 * 1. The app calls `apps.connections.open` with its app-level token (`xapp-…`) and gets a
 *    one-use URL `ws://HOST:PORT/socket-mode?ticket=…`.
 * 2. It opens a WebSocket there; the simulator sends `hello` (`num_connections`, `debug_info`,
 *    `connection_info.app_id`). @slack/socket-mode resolves `start()` on that message.
 * 3. Envelopes `{ envelope_id, type: 'events_api' | 'interactive' | 'slash_commands', payload,
 *    accepts_response_payload, retry_attempt?, retry_reason? }` go to the app, which answers each
 *    with `{ envelope_id, payload }` (`payload` is `{}` for a bare `ack()`, the response body for
 *    `ack(body)`: a slash command's answer or a view submission's `response_action`).
 * 4. `{ type: 'disconnect', reason }` asks the app to reconnect (it calls
 *    `apps.connections.open` again and opens a new socket).
 *
 * The client pings every few seconds; `ws` answers pongs by itself. The simulator sends no pings
 * of its own: @slack/socket-mode starts a 30 s "server ping" watchdog after the first one, which a
 * test would then have to feed.
 *
 * Payloads are the same as over HTTP: events travel in their `event_callback` envelope,
 * interactivity payloads and slash-command fields as objects (not form-encoded).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { APP_ID } from './constants';
import { eventCallback } from './events';
import { nextEventId } from './ids';
import type { Json } from './shapes';

/** Where the simulator accepts Socket Mode WebSockets. */
export const SOCKET_MODE_PATH = '/socket-mode';

/** The kinds of envelope Slack sends over Socket Mode. */
export type EnvelopeType = 'events_api' | 'interactive' | 'slash_commands';

/** Why Slack asks the app to reconnect. */
export type DisconnectReason = 'warning' | 'refresh_requested' | 'link_disabled';

/** An acknowledgement the app sent back over a socket. */
export interface SocketAck {
  envelopeId: string;
  /** The type of the acknowledged envelope; `undefined` when no envelope had that id. */
  type: EnvelopeType | undefined;
  /**
   * The ack's `payload`: `{}` for a bare `ack()` in Bolt, the body for `ack(body)` (a slash
   * command's answer, `{ text }` for `ack('text')`); `undefined` when the app sent none.
   */
  payload: Json | undefined;
  /** `Date.now()` on receipt. */
  at: number;
}

/** Options of {@link SocketDelivery.sendEvent}. */
export interface SocketEventOptions {
  /** Force the `event_id` (a retry carries the same id as the first attempt). */
  eventId?: string;
  /** `retry_attempt`: 0 for a first delivery (the default), 1… for Slack's retries. */
  retryNum?: number;
  /** `retry_reason`; `''` for a first delivery, `'timeout'` by default for a retry. */
  retryReason?: string;
}

/** What {@link SocketDelivery.sendEvent} resolves with. */
export interface SocketEventResult extends SocketAck {
  eventId: string;
}

/** Delivers events, interactions and slash commands to the app over its Socket Mode connection. */
export interface SocketDelivery {
  /**
   * Wraps the event in its `event_callback` envelope (as over HTTP) and sends it as an
   * `events_api` envelope; resolves when the app acks it. Message events also update the
   * simulated workspace.
   */
  sendEvent(event: Json, options?: SocketEventOptions): Promise<SocketEventResult>;
  /**
   * An `interactive` envelope; `accepts_response_payload` is true for `view_submission` and
   * `block_suggestion` (where the ack can carry `response_action` or `options`), false otherwise.
   */
  sendInteraction(payload: Json): Promise<SocketAck>;
  /**
   * A `slash_commands` envelope (`accepts_response_payload: true`) with the command's fields;
   * the ack's `payload` is the app's answer (what Bolt's `ack(body)` sent).
   */
  sendCommand(fields: Record<string, string>): Promise<SocketAck>;
  /** Sends any text on the newest open connection (nothing added, no ack awaited): for malformed input. */
  sendRaw(text: string): void;
  /** Sends `{ type: 'disconnect', reason }` on every open connection: the app should reconnect. */
  disconnect(reason?: DisconnectReason): void;
}

interface Pending {
  type: EnvelopeType;
  socket: WebSocket;
  resolve: (ack: SocketAck) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface ConnectionWaiter {
  count: number;
  resolve: () => void;
}

/** The simulator's Socket Mode side: tickets, WebSockets, envelopes and acks. */
export class SocketModeServer {
  private readonly wss = new WebSocketServer({ noServer: true, clientTracking: false });
  private readonly tickets = new Set<string>();
  /** Open connections, oldest first. */
  private readonly sockets: WebSocket[] = [];
  private readonly pending = new Map<string, Pending>();
  private readonly acks: SocketAck[] = [];
  private readonly closeCodes: number[] = [];
  private waiters: ConnectionWaiter[] = [];
  private opened = 0;

  /** @param onEvent called with each event before it is sent (the workspace keeps in step). */
  constructor(private readonly onEvent: (event: Json) => void) {}

  /** `apps.connections.open`: a fresh one-use WebSocket URL under `baseUrl`. */
  open(baseUrl: string): Json {
    const ticket = randomBytes(16).toString('hex');
    this.tickets.add(ticket);
    return { ok: true, url: `${baseUrl.replace(/^http/, 'ws')}${SOCKET_MODE_PATH}?ticket=${ticket}` };
  }

  /** The HTTP server's `upgrade` listener: accepts `/socket-mode?ticket=<issued ticket>` only. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://simulator');
    if (url.pathname !== SOCKET_MODE_PATH) return refuse(socket, 404, 'Not Found');
    const ticket = url.searchParams.get('ticket');
    if (ticket === null || !this.tickets.delete(ticket)) return refuse(socket, 401, 'Unauthorized');
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  /** Open connections. */
  connections(): number {
    return this.sockets.length;
  }

  /** Connections accepted since the start (reconnections included). */
  connectionsOpened(): number {
    return this.opened;
  }

  /** Resolves once `count` connections are open; rejects after `timeoutMs`. */
  waitForConnections(count: number, timeoutMs: number): Promise<void> {
    if (this.sockets.length === count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: ConnectionWaiter = {
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        reject(new Error(`SlackSimulator: waited ${timeoutMs} ms for ${count} Socket Mode connection(s), ${this.sockets.length} open`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** The close code of each connection that ended, in order: 1000 for a clean close by the app, 1006 for a cut. */
  closedWith(): number[] {
    return [...this.closeCodes];
  }

  /** Every ack received, in order (a copy). */
  receivedAcks(): SocketAck[] {
    return [...this.acks];
  }

  /** A delivery client; acks not received within `timeoutMs` reject. */
  delivery(timeoutMs: number): SocketDelivery {
    return {
      sendEvent: async (event, options = {}) => {
        const eventId = options.eventId ?? nextEventId();
        this.onEvent(event);
        const retry = options.retryNum ?? 0;
        const ack = await this.send(
          'events_api',
          eventCallback(event, { eventId }),
          { accepts_response_payload: false, retry_attempt: retry, retry_reason: options.retryReason ?? (retry > 0 ? 'timeout' : '') },
          timeoutMs,
        );
        return { ...ack, eventId };
      },
      sendInteraction: (payload) =>
        this.send(
          'interactive',
          payload,
          { accepts_response_payload: payload['type'] === 'view_submission' || payload['type'] === 'block_suggestion' },
          timeoutMs,
        ),
      sendCommand: (fields) => this.send('slash_commands', { ...fields }, { accepts_response_payload: true }, timeoutMs),
      sendRaw: (text) => this.newest().send(text),
      disconnect: (reason = 'refresh_requested') => {
        const message = JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-simulator' } });
        for (const ws of this.sockets) ws.send(message);
      },
    };
  }

  /** Drops every connection (no close handshake) and refuses pending envelopes. Idempotent. */
  close(): Promise<void> {
    for (const ws of [...this.sockets]) ws.terminate();
    for (const [id, pending] of this.pending) this.settle(id, pending, new Error('SlackSimulator: stopped before the app acknowledged'));
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    this.sockets.push(ws);
    this.opened += 1;
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) this.receive(rawText(data));
    });
    ws.on('error', () => undefined); // A reset connection also emits 'close'.
    ws.on('close', (code: number) => {
      this.closeCodes.push(code);
      const index = this.sockets.indexOf(ws);
      if (index >= 0) this.sockets.splice(index, 1);
      for (const [id, pending] of this.pending) {
        if (pending.socket === ws) this.settle(id, pending, new Error(`SlackSimulator: the Socket Mode connection closed before the app acknowledged ${id}`));
      }
      this.wakeWaiters();
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.sockets.length,
        debug_info: { host: 'applink-simulator', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: APP_ID },
      }),
    );
    this.wakeWaiters();
  }

  private receive(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { envelope_id: envelopeId, payload } = message as { envelope_id?: unknown; payload?: unknown };
    if (typeof envelopeId !== 'string') return;
    const pending = this.pending.get(envelopeId);
    const ack: SocketAck = {
      envelopeId,
      type: pending?.type,
      payload: typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Json) : undefined,
      at: Date.now(),
    };
    this.acks.push(ack);
    if (pending !== undefined) this.settle(envelopeId, pending, ack);
  }

  private send(type: EnvelopeType, payload: Json, extra: Json, timeoutMs: number): Promise<SocketAck> {
    let socket: WebSocket;
    try {
      socket = this.newest();
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const envelopeId = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const pending = this.pending.get(envelopeId);
        if (pending !== undefined) this.settle(envelopeId, pending, new Error(`SlackSimulator: the app did not acknowledge ${type} envelope ${envelopeId} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(envelopeId, { type, socket, resolve, reject, timer });
      socket.send(JSON.stringify({ envelope_id: envelopeId, payload, type, ...extra }), (error) => {
        const pending = this.pending.get(envelopeId);
        if (error !== undefined && error !== null && pending !== undefined) this.settle(envelopeId, pending, error);
      });
    });
  }

  private settle(envelopeId: string, pending: Pending, outcome: SocketAck | Error): void {
    clearTimeout(pending.timer);
    this.pending.delete(envelopeId);
    if (outcome instanceof Error) pending.reject(outcome);
    else pending.resolve(outcome);
  }

  /** The most recent open connection (Slack may use any; the newest survives reconnects). */
  private newest(): WebSocket {
    const socket = this.sockets.filter((ws) => ws.readyState === WebSocket.OPEN).at(-1);
    if (socket === undefined) throw new Error('SlackSimulator: no Socket Mode connection is open (start the app first)');
    return socket;
  }

  private wakeWaiters(): void {
    this.waiters = this.waiters.filter((waiter) => {
      if (this.sockets.length !== waiter.count) return true;
      waiter.resolve();
      return false;
    });
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
