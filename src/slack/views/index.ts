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
export {
  adminRulesBlocks,
  adminQuickModal,
  readQuickForm,
  parseQuickMetadata,
  ruleMenu,
  MAX_ADMIN_RULES,
  MAX_ADMIN_HOME_BLOCKS,
  MAX_RULE_DESCRIPTION_SHOWN,
  MAX_ADMIN_COMMENT,
} from './admin-home';
export type { AdminRuleLine, AdminRulesInput, AdminVersionLine, QuickKind, QuickModalMetadata, RuleOrigin } from './admin-home';
export {
  adminRuleModal,
  readRuleForm,
  parseRuleModalMetadata,
  adminFormErrors,
  blockForField,
  channelPatterns,
  ADMIN_FIELD_BLOCKS,
  MAX_RULE_ID,
  MAX_PATTERN,
} from './admin-rule-modal';
export type { AdminRuleModalInput, CharterArticleChoice, CreatableDetector, RuleModalMetadata, RuleModalMode } from './admin-rule-modal';
export { adminTryModal, readTryForm, parseTryMetadata, MAX_TRY_SAMPLES, MAX_TRY_FINDINGS } from './admin-try';
export type { AdminTryModalInput, TryImpact, TryModalMetadata, TrySampleResult } from './admin-try';
export { adminHistoryModal, parseVersionId, MAX_HISTORY_VERSIONS, MAX_DIFF_SECTIONS } from './admin-history';
export type { AdminHistoryModalInput, AdminVersionEntry } from './admin-history';
export { adminInvalidRulesNotice, adminSaved, notAdmin, adminConflict, MAX_NOTICE_PROBLEMS } from './admin-notices';
export type { InvalidRulesInput } from './admin-notices';
export type { AdminStateValue, ViewStateValues } from './admin-form';
