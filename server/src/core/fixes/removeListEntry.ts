import { stringNodeAt, type FixProvider } from './quickFix';

/**
 * Removes a redundant value from its list with its separating comma: from the end of the previous
 * value (or, for the first value, up to the start of the next one), so that one-line and one-per-line
 * lists both keep their layout.
 */
export const removeListEntry: FixProvider = ({ parsed, span, data }) => {
  const node = stringNodeAt(parsed, span);
  const list = node?.parent;
  if (!node || list?.type !== 'array' || !list.children) return [];
  const index = list.children.indexOf(node);
  const previous = list.children[index - 1];
  const next = list.children[index + 1];
  const end = node.offset + node.length;
  const edit = previous
    ? { offset: previous.offset + previous.length, length: end - (previous.offset + previous.length), newText: '' }
    : next
      ? { offset: node.offset, length: next.offset - node.offset, newText: '' }
      : { offset: node.offset, length: node.length, newText: '' };
  const covered = typeof data.coveredBy === 'string' ? ` (covered by "${data.coveredBy}")` : '';
  return [{ title: `Remove "${String(node.value)}"${covered}`, edits: [edit], preferred: true }];
};
