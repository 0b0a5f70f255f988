import type { ParsedDocument } from '../host/types';
import { unitOf } from '../host/units';
import type { Span } from '../types';
import type { FixProvider, QuickFix } from './quickFix';
import { removeListEntry } from './removeListEntry';
import { cryptoRandomBytes, type RandomBytes } from './randomId';
import { replaceWithSuggestion } from './replaceWithSuggestion';
import {
  addAudience,
  addSamlAudience,
  addSourceAccount,
  addSubject,
  changeOperator,
  allOf,
  fixAssumeAction,
  narrowAccount,
  regenerateExternalId,
  removeTrustResource,
} from './trustFixes';

/** Fix providers by rule id. Fixes key on the finding's rule and `data`, never on its message. */
const FIXES: Readonly<Record<string, FixProvider>> = {
  'unknown-service': replaceWithSuggestion,
  'unknown-action': replaceWithSuggestion,
  'unknown-condition-operator': replaceWithSuggestion,
  'unknown-condition-key': replaceWithSuggestion,
  'redundant-action': removeListEntry,
  'mfa-if-exists': changeOperator,
  'forallvalues-single-valued': changeOperator,
  'wildcard-without-like': changeOperator,
  // [4] trust policies
  'trust-has-resource': removeTrustResource,
  'trust-invalid-action': replaceWithSuggestion,
  'trust-action-principal-mismatch': fixAssumeAction,
  'trust-cross-account-unconditioned': narrowAccount,
  'trust-external-id-weak': allOf(changeOperator, regenerateExternalId),
  'trust-oidc-missing-aud': addAudience,
  'trust-oidc-missing-sub': addSubject,
  'trust-saml-missing-aud': addSamlAudience,
  'trust-service-confused-deputy': addSourceAccount,
};

/** The quick fixes for one finding (as sent back by the client: rule, span, data). Never throws on stale input. */
export function quickFixes(
  document: ParsedDocument,
  finding: Span & { rule: string; data?: Record<string, unknown> },
  options: { randomBytes?: RandomBytes } = {},
): QuickFix[] {
  if (!Object.hasOwn(FIXES, finding.rule)) return [];
  const provider = FIXES[finding.rule];
  const span = { offset: finding.offset, length: finding.length };
  const parsed = unitOf(document, span);
  if (!parsed) return [];
  return provider({ parsed, rule: finding.rule, span, data: finding.data ?? {}, randomBytes: options.randomBytes ?? cryptoRandomBytes });
}

export type { QuickFix, TextEdit } from './quickFix';
