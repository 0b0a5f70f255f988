import { getLocation } from 'jsonc-parser';
import type { JsonPath } from '../jsonTree';
import type { Span } from '../types';

/** Where the cursor is, read from the text around it (the tree may be broken while the user types). */
export interface Cursor {
  /** For a key: the path of the object it belongs to. For a value: the path of the value. */
  path: JsonPath;
  at: 'key' | 'value';
  /** What was typed before the cursor: inside a string its content so far, outside a bare word. */
  typed: string;
  /** Inside a string: the string token with its quotes (to the end of the word when it is not closed). */
  token: Span | undefined;
  /** Inside a string: its content, which value items replace (the quotes stay). Outside: the bare word or an empty span. */
  content: Span;
  /** The string has no closing quote yet: items add it. */
  unclosed: boolean;
  /** A colon follows the key already: key items write the key alone. */
  colonFollows: boolean;
  /** A sibling key or value follows with no comma between: items add one. */
  siblingFollows: boolean;
}

/** Characters that end a word typed in an unclosed string or outside any string. */
const WORD_END = /[\s",\]}{[]/;
const BARE_WORD = /[A-Za-z0-9_:*./-]/;
/** What starts a key or a value: after an item with no comma it is a sibling missing its comma. */
const SIBLING_START = /^["{[]$/;

/** Whether a string token ends with a quote that is not escaped. */
function isClosed(text: string, start: number, end: number): boolean {
  if (end - start < 2 || text[end - 1] !== '"') return false;
  let backslashes = 0;
  for (let i = end - 2; i > start && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

function wordEnd(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && !WORD_END.test(text[i])) i++;
  return i;
}

function nextSignificant(text: string, from: number): string | undefined {
  for (let i = from; i < text.length; i++) if (!/\s/.test(text[i])) return text[i];
  return undefined;
}

/** Whether a colon, or a sibling missing its comma, follows what the items replace. */
function whatFollows(text: string, end: number): Pick<Cursor, 'colonFollows' | 'siblingFollows'> {
  const next = nextSignificant(text, end);
  return { colonFollows: next === ':', siblingFollows: next !== undefined && SIBLING_START.test(next) };
}

function previousSignificant(text: string, before: number): string | undefined {
  for (let i = before - 1; i >= 0; i--) if (!/\s/.test(text[i])) return text[i];
  return undefined;
}

/**
 * Reads the cursor's place: inside a key or a value string (closed or not), or between tokens where a
 * key or a value may start. Undefined where nothing can be completed (after a value, inside a number).
 */
export function readCursor(text: string, offset: number): Cursor | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  const location = getLocation(text, offset);
  const at = location.isAtPropertyKey ? 'key' : 'value';
  const path = at === 'key' ? location.path.slice(0, -1) : location.path;
  const previous = location.previousNode;
  if (previous) {
    if (previous.type !== 'string' && previous.type !== 'property') return undefined;
    const start = previous.offset;
    const tokenEnd = start + previous.length;
    const closed = isClosed(text, start, tokenEnd);
    if (offset <= start || (closed ? offset >= tokenEnd : offset > tokenEnd)) return undefined;
    const contentEnd = closed ? tokenEnd - 1 : wordEnd(text, offset, tokenEnd);
    const end = closed ? tokenEnd : contentEnd;
    return {
      path,
      at,
      typed: text.slice(start + 1, offset),
      token: { offset: start, length: end - start },
      content: { offset: start + 1, length: contentEnd - start - 1 },
      unclosed: !closed,
      ...whatFollows(text, end),
    };
  }
  // Outside strings: a bare word being typed (`Eff`, `s3:Get`) is replaced by the quoted item.
  let wordStart = offset;
  while (wordStart > 0 && BARE_WORD.test(text[wordStart - 1])) wordStart--;
  // The colon after a key is not part of the word that follows it (`"Action":s3`).
  while (wordStart < offset && text[wordStart] === ':') wordStart++;
  const end = wordEnd(text, offset, text.length);
  const before = previousSignificant(text, wordStart);
  const expected = at === 'key' ? ['{', ','] : ['[', ',', ':'];
  // An empty document (or one with a word only) takes a whole policy.
  const emptyDocument = before === undefined && at === 'value' && path.length === 0 && text.trim() === text.slice(wordStart, end).trim();
  if (!emptyDocument && (before === undefined || !expected.includes(before))) return undefined;
  return {
    path,
    at,
    typed: text.slice(wordStart, offset),
    token: undefined,
    content: { offset: wordStart, length: end - wordStart },
    unclosed: false,
    ...whatFollows(text, end),
  };
}
