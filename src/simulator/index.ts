/**
 * A local Slack simulator shipped with charter-bot, used by `npm run demo` and the end-to-end
 * tests. It imports no Slack library: only `node:` modules, and `ws` for the Socket Mode server.
 */
export { SlackSimulator, type SimulatorOptions, type SocketDeliveryOptions } from './simulator';
export type { AppTarget, DeliveryResult, SendEventOptions, SlackDelivery } from './delivery';
export type { DisconnectReason, EnvelopeType, SocketAck, SocketDelivery, SocketEventOptions, SocketEventResult } from './socket-mode';
export type { Failure } from './failures';
export type { RecordedCall } from './recorder';
export type { ChannelSpec, PostedMessage, RecordedResponse, ResponseTarget, UserGroupSpec } from './workspace';
export type { ChannelType, FileSpec, Json, UserSpec } from './shapes';
export { escapeText, unescapeText, richTextBlocks } from './shapes';
export {
  appHomeOpenedEvent,
  botMessageEvent,
  eventCallback,
  fileShareEvent,
  messageChangedEvent,
  messageDeletedEvent,
  messageEvent,
  teamJoinEvent,
  threadBroadcastEvent,
  type BotMessageOptions,
  type EnvelopeOptions,
  type FileShareOptions,
  type MessageChangedOptions,
  type MessageDeletedOptions,
  type MessageEventOptions,
  type ThreadBroadcastOptions,
} from './events';
export {
  blockActionPayload,
  slashCommandFields,
  viewSubmissionPayload,
  type BlockActionOptions,
  type SlashCommandOptions,
  type SubmittedValues,
  type ViewSubmissionOptions,
} from './interactions';
export { computeSignature, signRequest, verifySignature, type SignatureHeaders, type VerifyResult } from './signing';
export { dmChannelId, nextTs } from './ids';
export { APP_ID, BOT_ID, BOT_USER_ID, TEAM_DOMAIN, TEAM_ID } from './constants';
