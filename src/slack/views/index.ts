/**
 * The Slack app's views: pure Block Kit builders, no I/O and no Slack client. Listeners call
 * them and send what they return.
 */
export { reminderMessage, MAX_REMINDER_FINDINGS, MAX_READ_BUTTONS } from './reminder';
export type { ReminderOptions } from './reminder';
export { alertMessage, SEVERITY_EMOJI, MAX_ALERT_FINDINGS } from './alert';
export type { AlertOptions } from './alert';
export {
  decisionButtons,
  decisionActions,
  decisionLine,
  noteModal,
  escalationNotice,
  notModerator,
  decisionRecorded,
  authorFollowUp,
  quoteText,
  MAX_NOTE,
  MAX_NOTE_SHOWN,
  MAX_REASON_SHOWN,
  MAX_ESCALATION_FLAGS,
} from './moderation';
export type { AlertDecision, EscalationInput, ReportFields } from './moderation';
export { digestMessage, MAX_DIGEST_LINES } from './digest';
export type { DigestInput, DigestLine } from './digest';
export { moderatorQueueBlocks, sparkline, MAX_QUEUE_FLAGS, MAX_NOISY_RULES, TREND_WEEKS } from './queue';
export type { ModeratorQueueInput, QueueFilter, TrendLike } from './queue';
export { reportModal, reportThanks, REPORT_CATEGORIES, MAX_REPORT_REASON_INPUT } from './report';
export type { ReportedMessage } from './report';
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
