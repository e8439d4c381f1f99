/**
 * `SlackSimulator`: a local Slack for the demo and the end-to-end tests. It serves the Web API
 * the app calls (point `clientOptions.slackApiUrl` at {@link SlackSimulator.apiUrl}), keeps a
 * small workspace (members, channels, messages, views), records every call, can fail calls on
 * purpose, and delivers signed events, interactions and slash commands to the app, over HTTP
 * ({@link SlackSimulator.connect}) or Socket Mode ({@link SlackSimulator.connectSocket}).
 *
 * @example
 * const sim = await SlackSimulator.start();
 * sim.addUser({ id: 'U1', name: 'alice', locale: 'fr-FR' });
 * sim.addChannel({ id: 'C1', name: 'general', members: ['U1', sim.botUserId] });
 * const app = new App({ signingSecret, token: sim.botToken, clientOptions: { slackApiUrl: sim.apiUrl }, port: 0 });
 * const server = await app.start();
 * const slack = sim.connect({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, signingSecret });
 * await slack.sendEvent(messageEvent({ channel: 'C1', user: 'U1', text: 'bonjour' }));
 * await sim.waitForCalls('chat.postEphemeral', 1);
 *
 * @example Socket Mode
 * const app = new App({ token: sim.botToken, appToken: sim.appToken, socketMode: true, clientOptions: { slackApiUrl: sim.apiUrl } });
 * await app.start(); // apps.connections.open, then the WebSocket and its `hello`
 * const slack = sim.connectSocket();
 * await slack.sendEvent(messageEvent({ channel: 'C1', user: 'U1', text: 'bonjour' })); // resolves on the ack
 */
import { randomBytes } from 'node:crypto';
import { APP_ID, BOT_USER_ID, TEAM_ID } from './constants';
import { createDelivery, type AppTarget, type SlackDelivery } from './delivery';
import { SocketModeServer, type SocketAck, type SocketDelivery } from './socket-mode';
import type { Failure } from './failures';
import type { RecordedCall } from './recorder';
import type { UserSpec } from './shapes';
import { WebApiServer } from './web-api';
import { Workspace, type ChannelSpec, type PostedMessage, type RecordedResponse, type ResponseTarget, type UserGroupSpec } from './workspace';

/** Options of {@link SlackSimulator.start}. */
export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** The bot token the Web API accepts; a random `xoxb-simulator-…` by default. */
  botToken?: string;
  /** The app-level token `apps.connections.open` accepts; a random `xapp-1-A0CHARTER-…` by default. */
  appToken?: string;
}

/** Options of {@link SlackSimulator.connectSocket}. */
export interface SocketDeliveryOptions {
  /** How long to wait for the app's ack of an envelope; default 10 s. */
  timeoutMs?: number;
}

/** A local Slack: Web API server, workspace state, and delivery to the app. */
export class SlackSimulator {
  /** `http://127.0.0.1:PORT`. */
  readonly baseUrl: string;
  /** `${baseUrl}/api/`: what @slack/web-api's `slackApiUrl` expects (trailing slash included). */
  readonly apiUrl: string;
  /** `'T0CHARTER'`. */
  readonly teamId = TEAM_ID;
  /** `'U0CHARTERBOT'` (bot id `B0CHARTERBOT`, app id `A0CHARTER`). */
  readonly botUserId = BOT_USER_ID;
  /** The only token the Web API accepts (`Authorization: Bearer …` or a `token` argument). */
  readonly botToken: string;
  /** The app-level token (`xapp-…`): the only one `apps.connections.open` accepts (Socket Mode). */
  readonly appToken: string;

  private constructor(
    private readonly workspace: Workspace,
    private readonly server: WebApiServer,
    private readonly socketMode: SocketModeServer,
    baseUrl: string,
    tokens: { botToken: string; appToken: string },
  ) {
    this.baseUrl = baseUrl;
    this.apiUrl = `${baseUrl}/api/`;
    this.botToken = tokens.botToken;
    this.appToken = tokens.appToken;
  }

  /** Starts a simulator listening on `host:port` (default `127.0.0.1`, a free port). */
  static async start(options: SimulatorOptions = {}): Promise<SlackSimulator> {
    const botToken = options.botToken ?? `xoxb-simulator-${randomBytes(12).toString('hex')}`;
    const appToken = options.appToken ?? `xapp-1-${APP_ID}-1-${randomBytes(16).toString('hex')}`;
    const workspace = new Workspace();
    const server = new WebApiServer(workspace, botToken, appToken);
    const socketMode = new SocketModeServer((event) => workspace.ingestEvent(event));
    server.onUpgrade((req, socket, head) => socketMode.handleUpgrade(req, socket, head));
    const baseUrl = await server.listen(options.host ?? '127.0.0.1', options.port ?? 0);
    server.addAppLevelMethod('apps.connections.open', () => socketMode.open(baseUrl));
    return new SlackSimulator(workspace, server, socketMode, baseUrl, { botToken, appToken });
  }

  /** Adds (or replaces) a workspace member. The bot user exists from the start. */
  addUser(user: UserSpec): void {
    this.workspace.addUser(user);
  }

  /** Adds (or replaces) a channel; the bot is a member when `botUserId` is in `members`. */
  addChannel(channel: ChannelSpec): void {
    this.workspace.addChannel(channel);
  }

  /** Adds (or replaces) a user group, answered by `usergroups.users.list`. */
  addUserGroup(group: UserGroupSpec): void {
    this.workspace.addUserGroup(group);
  }

  /** Every Web API call received, in order (a live array). */
  get calls(): RecordedCall[] {
    return this.server.recorder.calls;
  }

  /** The calls to one method. */
  callsTo(method: string): RecordedCall[] {
    return this.server.recorder.callsTo(method);
  }

  /**
   * Resolves with the calls to `method` once at least `count` were recorded (state changes are
   * applied before a call is recorded); rejects after `timeoutMs` (5000) listing what arrived.
   */
  waitForCalls(method: string, count: number, timeoutMs = 5000): Promise<RecordedCall[]> {
    return this.server.recorder.waitFor(method, count, timeoutMs);
  }

  /** Forgets recorded calls (not the workspace state). */
  clearCalls(): void {
    this.server.recorder.clear();
  }

  /**
   * Makes the next `times` (1) calls of `method` fail: a Slack error (HTTP 200 `{ok:false,error}`),
   * a rate limit (HTTP 429 + `Retry-After` seconds, `{ok:false,error:'ratelimited'}`), an HTTP
   * status, or a hang (no answer until {@link stop}). `'*'` fails the next calls of any method;
   * `'response_url'` fails posts on response URLs. A failed call changes nothing.
   */
  failNext(method: string, failure: Failure, times = 1): void {
    this.server.failures.add(method, failure, times);
  }

  /** Messages as Slack would show them in a channel: ephemerals (with `ephemeralTo`), edits, deletions. */
  messages(channel: string): PostedMessage[] {
    return this.workspace.messages(channel);
  }

  /** The DM channel (`D…`) `conversations.open` (or a post to a user id) created with `user`. */
  dmChannelOf(user: string): string | undefined {
    return this.workspace.dmChannelOf(user);
  }

  /** Posts received on response URLs. */
  responses(): RecordedResponse[] {
    return this.workspace.responses();
  }

  /**
   * `${baseUrl}/response/${id}`. Posts on it are recorded; with a `target`, they also act as
   * Slack's do: `delete_original` deletes the target message, `replace_original` replaces it,
   * anything else posts a new message (ephemeral to `target.user` unless `response_type: 'in_channel'`).
   */
  responseUrl(id: string, target?: ResponseTarget): string {
    if (target !== undefined) this.workspace.bindResponse(id, target);
    return `${this.baseUrl}/response/${encodeURIComponent(id)}`;
  }

  /** `views.publish` history for a user (App Home), the views as the app sent them. */
  publishedViews(user: string): unknown[] {
    return this.workspace.publishedViews(user);
  }

  /** `views.open` / `views.push` history, the views as the app sent them. */
  openedViews(): unknown[] {
    return this.workspace.openedViews();
  }

  /** A client that delivers events, interactions and commands to the app, signed like Slack. */
  connect(app: AppTarget): SlackDelivery {
    return createDelivery(app, { onEvent: (event) => this.workspace.ingestEvent(event) });
  }

  /**
   * Socket Mode: a client that sends envelopes on the app's open WebSocket (the newest one) and
   * resolves with the app's ack. The app must have connected first (`app.start()` resolves once
   * it has the `hello`).
   */
  connectSocket(options: SocketDeliveryOptions = {}): SocketDelivery {
    return this.socketMode.delivery(options.timeoutMs ?? 10_000);
  }

  /** Socket Mode connections open now. */
  socketConnections(): number {
    return this.socketMode.connections();
  }

  /** Socket Mode connections accepted since the start, reconnections included. */
  socketConnectionsOpened(): number {
    return this.socketMode.connectionsOpened();
  }

  /** Resolves once exactly `count` Socket Mode connections are open; rejects after `timeoutMs` (5000). */
  waitForSocketConnections(count: number, timeoutMs = 5000): Promise<void> {
    return this.socketMode.waitForConnections(count, timeoutMs);
  }

  /**
   * The close code of each Socket Mode connection that ended, in order: 1000 when the app closed
   * it cleanly (a close handshake), 1006 when it was cut (the app died, or {@link stop} cut it).
   */
  socketCloseCodes(): number[] {
    return this.socketMode.closedWith();
  }

  /** Every ack received over Socket Mode, in order. */
  socketAcks(): SocketAck[] {
    return this.socketMode.receivedAcks();
  }

  /**
   * Stops the server, dropping open connections (hanging calls then fail on the client side;
   * Socket Mode connections are cut without a close handshake, as a network failure would).
   */
  async stop(): Promise<void> {
    await this.socketMode.close();
    await this.server.close();
  }
}
