import { stringNodeAt, type FixProvider } from './quickFix';

/**
 * "Did you mean" fixes: the finding covers a string (a value, or a key such as a condition key or
 * operator) and `data.suggestions` holds whole replacement strings, best first.
 */
export const replaceWithSuggestion: FixProvider = ({ parsed, span, data }) => {
  const suggestions = Array.isArray(data.suggestions) ? data.suggestions.filter((s): s is string => typeof s === 'string') : [];
  const node = stringNodeAt(parsed, span);
  if (!node) return [];
  return suggestions.flatMap((suggestion) => {
    const draft = parsed.syntax.draft(parsed);
    // A policy kept read-only while its file does not parse has nothing to edit.
    if (!draft.replace(node, suggestion)) return [];
    return [{ title: `Change to "${suggestion}"`, edits: [draft.edit()], preferred: suggestions.length === 1 }];
  });
};
