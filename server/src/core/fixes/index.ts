import type { ParsedDocument } from '../parse';
import type { Span } from '../types';
import type { FixProvider, QuickFix } from './quickFix';
import { removeListEntry } from './removeListEntry';
import { replaceWithSuggestion } from './replaceWithSuggestion';

/** Fix providers by rule id. Fixes key on the finding's rule and `data`, never on its message. */
const FIXES: Readonly<Record<string, FixProvider>> = {
  'unknown-service': replaceWithSuggestion,
  'unknown-action': replaceWithSuggestion,
  'unknown-condition-operator': replaceWithSuggestion,
  'unknown-condition-key': replaceWithSuggestion,
  'redundant-action': removeListEntry,
};

/** The quick fixes for one finding (as sent back by the client: rule, span, data). Never throws on stale input. */
export function quickFixes(parsed: ParsedDocument, finding: Span & { rule: string; data?: Record<string, unknown> }): QuickFix[] {
  if (!Object.hasOwn(FIXES, finding.rule)) return [];
  const provider = FIXES[finding.rule];
  return provider({ parsed, rule: finding.rule, span: { offset: finding.offset, length: finding.length }, data: finding.data ?? {} });
}

export type { QuickFix, TextEdit } from './quickFix';
