import type { Cursor } from './cursor';
import type { CompletionEntry, CompletionKind, CompletionList } from './types';

/** What a provider proposes; `toList` turns it into an edit that fits the cursor (quotes, colon, snippet). */
export interface Suggestion {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** A value's string content (or, with `json`, a whole JSON value), or a key's name. Snippet syntax when `snippet`. */
  text: string;
  snippet?: boolean;
  /** Keys: the JSON value written after the key when no colon follows yet, in snippet syntax. */
  value?: string;
  /** An object or list rather than a string: offered only outside strings. */
  json?: boolean;
  retrigger?: boolean;
}

/** Escapes text for snippet syntax, where `$`, `}` and `\` are special. */
export function snippetLiteral(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Escapes text for the inside of a JSON string. */
function jsonContent(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** A tab stop with a default text: `${1:bucket}`. */
export function tabStop(index: number, placeholder: string): string {
  return `\${${index}:${snippetLiteral(placeholder)}}`;
}

/** A tab stop offering a choice: `${1|Allow,Deny|}`. */
export function choice(index: number, options: readonly string[]): string {
  return `\${${index}|${options.map((o) => o.replace(/[\\$}|,]/g, '\\$&')).join(',')}|}`;
}

const sortKey = (index: number) => index.toString().padStart(5, '0');

/** A suggestion's text in snippet syntax; plain string content is JSON-escaped first. */
function asSnippet(suggestion: Suggestion): string {
  if (suggestion.snippet) return suggestion.text;
  return snippetLiteral(suggestion.json ? suggestion.text : jsonContent(suggestion.text));
}

/** Turns suggestions into items that replace what the cursor is in, in the order given. */
export function toList(cursor: Cursor, suggestions: readonly Suggestion[], incomplete = false): CompletionList {
  const items: CompletionEntry[] = [];
  if (cursor.at === 'key') {
    const replace = cursor.token ?? cursor.content;
    for (const s of suggestions) {
      const key = `"${asSnippet(s)}"`;
      const insertText = cursor.colonFollows || s.value === undefined ? key : `${key}: ${s.value}${cursor.siblingFollows ? ',' : ''}`;
      items.push(entry(s, insertText, items.length, cursor.token ? `"${s.label}"` : undefined, s.retrigger && !cursor.colonFollows));
    }
    return { items, replace, incomplete };
  }
  const inString = cursor.token !== undefined;
  for (const s of suggestions) {
    if (s.json && inString) continue;
    const body = asSnippet(s);
    // A retriggering item leaves the cursor inside the string, where the next list applies.
    const end = s.retrigger ? '$0' : '';
    const comma = !inString && cursor.siblingFollows ? ',' : '';
    const insertText = s.json ? `${body}${comma}` : inString ? `${body}${cursor.unclosed ? `${end}"` : ''}` : `"${body}${end}"${comma}`;
    items.push(entry(s, insertText, items.length, undefined, s.retrigger));
  }
  return { items, replace: cursor.content, incomplete };
}

/** A completion item for a suggestion, written as `insertText` (snippet syntax), in the list's order. */
export function entry(s: Suggestion, insertText: string, index: number, filterText: string | undefined, retrigger: boolean | undefined): CompletionEntry {
  return {
    label: s.label,
    kind: s.kind,
    ...(s.detail ? { detail: s.detail } : {}),
    ...(s.documentation ? { documentation: s.documentation } : {}),
    insertText,
    snippet: true,
    ...(filterText ? { filterText } : {}),
    sortText: sortKey(index),
    ...(retrigger ? { retrigger } : {}),
  };
}
