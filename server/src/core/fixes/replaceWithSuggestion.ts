import { findNodeAtOffset } from 'jsonc-parser';
import type { FixProvider } from './quickFix';

/**
 * "Did you mean" fixes: the finding covers a string (a value, or a key such as a condition key or
 * operator) and `data.suggestions` holds whole replacement strings, best first.
 */
export const replaceWithSuggestion: FixProvider = ({ parsed, span, data }) => {
  const suggestions = Array.isArray(data.suggestions) ? data.suggestions.filter((s): s is string => typeof s === 'string') : [];
  const node = parsed.root && findNodeAtOffset(parsed.root, span.offset + 1, true);
  // The document may have changed since the diagnostic: only fix the very string it was about.
  if (node?.type !== 'string' || node.offset !== span.offset || node.length !== span.length) return [];
  return suggestions.map((suggestion) => ({
    title: `Change to "${suggestion}"`,
    edits: [{ offset: node.offset, length: node.length, newText: JSON.stringify(suggestion) }],
    preferred: suggestions.length === 1,
  }));
};
