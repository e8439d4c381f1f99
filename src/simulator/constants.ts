/**
 * Fixed identities of the simulated workspace. They look like Slack's ids (team `T…`, user `U…`,
 * bot `B…`, app `A…`) so code that checks prefixes behaves as it would against Slack.
 */

/** The workspace (team) id. */
export const TEAM_ID = 'T0CHARTER';
/** The workspace's domain, as in `https://charter-demo.slack.com`. */
export const TEAM_DOMAIN = 'charter-demo';
/** The workspace's display name. */
export const TEAM_NAME = 'Charter Demo';
/** The bot's user id (`user_id` of `auth.test`, `authorizations[0].user_id` of events). */
export const BOT_USER_ID = 'U0CHARTERBOT';
/** The bot id (`bot_id` of `auth.test` and of the bot's own messages). */
export const BOT_ID = 'B0CHARTERBOT';
/** The app id (`api_app_id` of events and interactions). */
export const APP_ID = 'A0CHARTER';
/** The bot user's name. */
export const BOT_NAME = 'charter-bot';
/** The verification token Slack puts in payloads (deprecated by Slack, present for shape only). */
export const VERIFICATION_TOKEN = 'simulator-verification-token';
/** Base of the permalinks `chat.getPermalink` answers. */
export const WORKSPACE_URL = `https://${TEAM_DOMAIN}.slack.com/`;
