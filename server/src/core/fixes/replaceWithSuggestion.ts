import { stringNodeAt, type FixProvider } from './quickFix';

/**
 * "Did you mean" fixes: the finding covers a string (a value, or a key such as a condition key or
 * operator) and `data.suggestions` holds whole replacement strings, best first.
 */
export const replaceWithSuggestion: FixProvider = ({ parsed, span, data }) => {
  const suggestions = Array.isArray(data.suggestions) ? data.suggestions.filter((s): s is string => typeof s === 'string') : [];
  const node = stringNodeAt(parsed, span);
  if (!node) return [];
  return suggestions.map((suggestion) => {
    const draft = parsed.syntax.draft(parsed);
    draft.replace(node, suggestion);
    return { title: `Change to "${suggestion}"`, edits: [draft.edit()], preferred: suggestions.length === 1 };
  });
};
