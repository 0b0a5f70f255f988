/** The pure analysis core: no editor, LSP, file system, console or process access in here. */
export { createPolicyService, type PolicyService } from './service';
export type { Analysis, AnalyzeOptions } from './analyze';
export type { ParsedDocument, ParseOptions } from './parse';
export { kindSettingForFile, type KindReason } from './classify';
export { RULES, RULES_BY_ID, type Rule } from './rules';
export { defaultSeverity } from './rules/rule';
export { normalizeSettings, settingsFromFlatKeys, ruleDocsUrl, DEFAULT_SETTINGS, KIND_SETTINGS, PROJECT_URL, SEVERITY_OVERRIDES, type PolicySettings } from './settings';
export type { QuickFix, TextEdit } from './fixes';
export type { StatementExplanation } from './trust/explain';
export { IAM_DATA_INFO } from './iam';
export { code, escapeMarkdown } from './markdown';
export { snippetToPlain, type CompletionEntry, type CompletionKind, type CompletionList, type CompletionOptions } from './completion';
export type { HoverOptions, HoverResult } from './hover';
export * from './types';
export * as graph from './graph';
