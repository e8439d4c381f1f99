/**
 * The Slack app's views: pure Block Kit builders, no I/O and no Slack client. Listeners call
 * them and send what they return.
 */
export { reminderMessage, MAX_REMINDER_FINDINGS, MAX_READ_BUTTONS } from './reminder';
export type { ReminderOptions } from './reminder';
export { alertMessage, SEVERITY_EMOJI, MAX_ALERT_FINDINGS } from './alert';
export type { AlertOptions } from './alert';
export { homeView, MAX_HOME_REMINDERS, MAX_HOME_ARTICLES } from './home';
export type { HomeInput } from './home';
export { articleModal } from './article';
export { charterCommandResponse } from './charter-command';
export type { CommandResponse } from './charter-command';
export { onboardingMessage } from './onboarding';
export { mistakeRecorded, mistakeAlreadyRecorded, mistakeUnknown, acknowledged, notAllowed } from './feedback';
export type { FeedbackResponse } from './feedback';
export { LIMITS } from './blocks';
export { articleLabel, articleNumber, findArticle, parseHeading, subArticles, parentArticle } from './charter-text';
export type { ArticleHeading, ArticleSearch } from './charter-text';
