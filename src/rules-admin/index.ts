/**
 * Rules administration: the rules in force (files + admins' overlay, followed live), admins'
 * changes as versions, diffs, "Try it" and impact previews.
 */
export * from './model';
export type { RuleVersionStore } from './ports';
export * from './effective';
export * from './diff';
export * from './field-problems';
export * from './live-rules';
export * from './admin-rules';
export * from './try-rule';
export * from './impact';
