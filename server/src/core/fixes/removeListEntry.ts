import { stringNodeAt, type FixProvider } from './quickFix';

/** Removes a redundant value from its list with its separating comma, keeping the list's layout. */
export const removeListEntry: FixProvider = ({ parsed, span, data }) => {
  const node = stringNodeAt(parsed, span);
  if (!node || node.parent?.type !== 'array') return [];
  const draft = parsed.syntax.draft(parsed);
  const before = draft.text;
  draft.removeEntry(node);
  // A policy kept read-only while its file does not parse has nothing to edit.
  if (draft.text === before) return [];
  const covered = typeof data.coveredBy === 'string' ? ` (covered by "${data.coveredBy}")` : '';
  return [{ title: `Remove "${String(node.value)}"${covered}`, edits: [draft.edit()], preferred: true }];
};
