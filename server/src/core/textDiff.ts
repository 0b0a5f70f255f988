import type { TextEdit } from './fixes/quickFix';

/** Where two versions of a text differ: the common start and end kept, the middle changed. */
export interface ChangedRange {
  start: number;
  /** End of the changed middle in the old text. */
  oldEnd: number;
  /** End of the changed middle in the new text. */
  newEnd: number;
}

export function changedRange(before: string, after: string): ChangedRange {
  let start = 0;
  while (start < before.length && start < after.length && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { start, oldEnd: before.length - end, newEnd: after.length - end };
}

/** One edit from `before` to `after`: the changed middle. */
export function minimalEdit(before: string, after: string): TextEdit {
  const { start, oldEnd, newEnd } = changedRange(before, after);
  return { offset: start, length: oldEnd - start, newText: after.slice(start, newEnd) };
}
