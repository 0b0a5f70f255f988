/**
 * Messages between the VS Code client and our server beyond standard LSP. Other editors may ignore
 * them: the server works without them.
 */
import type { PolicyKind } from '../core/types';

/** Server -> client, after each analysis: the detected kind of a document (null when not a policy). */
export const DocumentKindNotification = 'iamPolicy/documentKind';

export interface DocumentKindParams {
  uri: string;
  kind: PolicyKind | null;
  /** Why: `setting`, `file name` or `content`. */
  reason: string | null;
}

/** Diagnostic source, the same for every rule. */
export const DIAGNOSTIC_SOURCE = 'iam-policy';

/** The settings section the server pulls per resource. */
export const SETTINGS_SECTION = 'iamPolicy';
