import { parseTree, type Node } from 'jsonc-parser';
import type { PolicyDraft } from '../host/types';
import { nodeAtPath, propertyKey, type JsonPath } from '../jsonTree';
import { minimalEdit } from '../textDiff';
import type { TextEdit } from './quickFix';

/** The layout a document is written in, so that inserted text looks like the rest. */
export interface Layout {
  /** One level of indentation: a tab or some spaces. */
  unit: string;
  eol: string;
}

export function layoutOf(text: string): Layout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let unit: string | undefined;
  for (const match of text.slice(0, 20_000).matchAll(/\n([ \t]+)\S/g)) {
    const indent = match[1];
    if (indent.startsWith('\t')) return { unit: '\t', eol };
    if (unit === undefined || indent.length < unit.length) unit = indent;
  }
  return { unit: unit ?? '  ', eol };
}

/**
 * A document being rewritten one step at a time: each step sees the text the previous steps made
 * (re-parsed), so steps never have to agree on offsets. `edit()` turns the result into one edit.
 */
export class Draft implements PolicyDraft {
  text: string;
  root: Node | undefined;
  readonly layout: Layout;

  /**
   * `escape` rewrites the JSON text the draft inserts where the JSON is embedded in a template (a
   * Terraform heredoc turns `${` into an interpolation unless written `$${`).
   */
  constructor(
    readonly original: string,
    readonly escape: (json: string) => string = (json) => json,
  ) {
    this.text = original;
    this.root = parse(original);
    this.layout = layoutOf(original);
  }

  node(path: JsonPath): Node | undefined {
    return nodeAtPath(this.root, path);
  }

  /** Applies edits made against the current text (any order, not overlapping). */
  apply(...edits: TextEdit[]): void {
    for (const e of [...edits].sort((a, b) => b.offset - a.offset)) {
      this.text = this.text.slice(0, e.offset) + this.escape(e.newText) + this.text.slice(e.offset + e.length);
    }
    this.root = parse(this.text);
  }

  replace(node: Node, value: unknown): boolean {
    this.apply({ offset: node.offset, length: node.length, newText: inline(value) });
    return true;
  }

  insertMember(path: JsonPath, key: string, value: unknown): boolean {
    return insertMember(this, path, key, value);
  }

  appendItem(path: JsonPath, value: unknown): boolean {
    return appendItem(this, path, value);
  }

  setMember(path: JsonPath, key: string, value: unknown): boolean {
    return setMember(this, path, key, value);
  }

  removeEntry(node: Node): void {
    removeEntry(this, node);
  }

  renameKey(path: JsonPath, newKey: string): boolean {
    return renameKey(this, path, newKey);
  }

  /** One edit from the original text to the current one: the changed middle, common ends kept. */
  edit(): TextEdit {
    return minimalEdit(this.original, this.text);
  }
}

function parse(text: string): Node | undefined {
  return parseTree(text, [], { disallowComments: false, allowTrailingComma: true, allowEmptyContent: true });
}

/** Whitespace before `offset` on its line, when nothing else precedes it there. */
export function lineIndent(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** Where the line of `offset` ends, if only spaces and a comment follow `offset` on it. */
function endOfLineAfter(text: string, offset: number): number | undefined {
  const rest = /^[ \t]*(\/\/[^\r\n]*|\/\*[^\n]*?\*\/[ \t]*)?(?=\r?\n|$)/.exec(text.slice(offset));
  return rest ? offset + rest[0].length : undefined;
}

/** JSON for a value on one line, with spaces the way people write it: `{ "Bool": { "k": "v" } }`. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`);
    return members.length === 0 ? '{}' : `{ ${members.join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** JSON for a value over several lines, its continuation lines indented from `indent`. */
function block(value: unknown, indent: string, layout: Layout): string {
  return JSON.stringify(value, null, layout.unit).split('\n').join(layout.eol + indent);
}

/**
 * Adds `"key": value` as the last member of the object at `path`: on its own line, indented like
 * its siblings, when the object is laid out one member per line; on the same line otherwise. A
 * comment after the last member stays on its line.
 */
export function insertMember(draft: Draft, path: JsonPath, key: string, value: unknown): boolean {
  const object = draft.node(path);
  return object?.type === 'object' && append(draft, object, `${JSON.stringify(key)}: `, value);
}

/** Adds a value as the last item of the array at `path`, laid out like the items already there. */
export function appendItem(draft: Draft, path: JsonPath, value: unknown): boolean {
  const array = draft.node(path);
  return array?.type === 'array' && append(draft, array, '', value);
}

/** Appends `prefix` + value (a member or an item) to an object or array node. */
function append(draft: Draft, container: Node, prefix: string, value: unknown): boolean {
  const { text, layout } = draft;
  const entries = container.children ?? [];
  const last = entries[entries.length - 1];
  const [open, close] = container.type === 'object' ? ['{', '}'] : ['[', ']'];
  if (!last) {
    const parentIndent = lineIndent(text, propertyStart(container)) ?? '';
    const multiline = text.slice(container.parent?.parent?.offset ?? container.offset, container.offset).includes('\n');
    const inner = parentIndent + layout.unit;
    const body = multiline
      ? `${open}${layout.eol}${inner}${prefix}${block(value, inner, layout)}${layout.eol}${parentIndent}${close}`
      : container.type === 'object' ? `{ ${prefix}${inline(value)} }` : `[${inline(value)}]`;
    draft.apply({ offset: container.offset, length: container.length, newText: body });
    return true;
  }
  const indent = lineIndent(text, propertyStart(last));
  const end = last.offset + last.length;
  const trailingComma = /^\s*,/.test(text.slice(end));
  if (indent === undefined) {
    draft.apply({ offset: end, length: 0, newText: `, ${prefix}${inline(value)}` });
    return true;
  }
  // Siblings written on one line each (`"Bool": { "k": "v" },`) get a new one on one line too.
  const lastValue = last.type === 'property' ? last.children?.[1] : last;
  const oneLine = lastValue !== undefined && !text.slice(lastValue.offset, lastValue.offset + lastValue.length).includes('\n');
  const rendered = oneLine && (lastValue.type === 'object' || lastValue.type === 'array') ? inline(value) : block(value, indent, layout);
  const entry = `${layout.eol}${indent}${prefix}${rendered}`;
  const lineEnd = trailingComma ? undefined : endOfLineAfter(text, end);
  if (lineEnd !== undefined && lineEnd > end) {
    // `"Action": "x" // who`: the comma goes after the value, the new entry after the comment.
    draft.apply({ offset: end, length: 0, newText: ',' }, { offset: lineEnd, length: 0, newText: entry });
  } else if (trailingComma) {
    const comma = end + text.slice(end).indexOf(',') + 1;
    draft.apply({ offset: comma, length: 0, newText: entry });
  } else {
    draft.apply({ offset: end, length: 0, newText: `,${entry}` });
  }
  return true;
}

/** Where a value's member starts: its key for a property value, itself otherwise. */
function propertyStart(node: Node): number {
  return node.parent?.type === 'property' ? node.parent.offset : node.offset;
}

/** Sets `"key": value` in the object at `path`: replaces the value of an existing key, else inserts. */
export function setMember(draft: Draft, path: JsonPath, key: string, value: unknown): boolean {
  const existing = draft.node([...path, key]);
  if (!existing) return insertMember(draft, path, key, value);
  draft.apply({ offset: existing.offset, length: existing.length, newText: inline(value) });
  return true;
}

/**
 * Removes a member of an object or an item of an array with its separating comma. A member on a
 * line of its own goes with its line; comments on other lines stay.
 */
export function removeEntry(draft: Draft, node: Node): void {
  const entry = node.parent?.type === 'property' ? node.parent : node;
  const container = entry.parent;
  const siblings = container?.children ?? [];
  const index = siblings.indexOf(entry);
  if (!container || index < 0) return;
  const { text } = draft;
  const start = entry.offset;
  const end = entry.offset + entry.length;
  if (siblings.length === 1) {
    draft.apply({ offset: container.offset + 1, length: container.length - 2, newText: '' });
    return;
  }
  const indent = lineIndent(text, start);
  const comma = /^\s*,/.exec(text.slice(end));
  if (comma && index < siblings.length - 1) {
    const afterComma = end + comma[0].length;
    const lineEnd = endOfLineAfter(text, afterComma);
    if (indent !== undefined && lineEnd !== undefined && !/\/[/*]/.test(text.slice(afterComma, lineEnd))) {
      // The whole line, with its line break.
      const from = start - indent.length;
      const eol = text.startsWith('\r\n', lineEnd) ? 2 : text.startsWith('\n', lineEnd) ? 1 : 0;
      draft.apply({ offset: from, length: lineEnd + eol - from, newText: '' });
    } else {
      const next = siblings[index + 1];
      draft.apply({ offset: start, length: next.offset - start, newText: '' });
    }
    return;
  }
  // The last one: remove the comma after the previous entry, and this entry with what separates them.
  const previous = siblings[index - 1];
  const previousEnd = previous.offset + previous.length;
  const separatorComma = commaAfter(text, previousEnd);
  if (indent !== undefined && separatorComma >= 0) {
    // The member's line goes, with a comment at its end (it was about this member).
    const lineEnd = endOfLineAfter(text, end) ?? end;
    const from = Math.max(start - indent.length - (text.startsWith('\r\n', start - indent.length - 2) ? 2 : 1), separatorComma + 1);
    draft.apply({ offset: separatorComma, length: 1, newText: '' }, { offset: from, length: lineEnd - from, newText: '' });
  } else {
    draft.apply({ offset: previousEnd, length: end - previousEnd, newText: '' });
  }
}

/** The offset of the comma that follows `offset`, past white space and comments; -1 when something else comes first. */
function commaAfter(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    if (/\s/.test(text[i])) i++;
    else if (text.startsWith('//', i)) i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else if (text.startsWith('/*', i)) i = text.indexOf('*/', i) < 0 ? text.length : text.indexOf('*/', i) + 2;
    else return text[i] === ',' ? i : -1;
  }
  return -1;
}

/** Renames the key of the property whose value is at `path`. */
export function renameKey(draft: Draft, path: JsonPath, newKey: string): boolean {
  const key = draft.node(path)?.parent;
  const keyNode = key?.type === 'property' ? propertyKey(key) : undefined;
  if (!keyNode) return false;
  draft.apply({ offset: keyNode.offset, length: keyNode.length, newText: JSON.stringify(newKey) });
  return true;
}
