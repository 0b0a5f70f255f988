import type { Cursor } from '../completion/cursor';
import { entry, snippetLiteral, type Suggestion } from '../completion/suggestion';
import type { CompletionEntry, CompletionList } from '../completion/types';
import { escapeTemplate, isIdentifier } from './strings';

/**
 * Suggestions as completion items written in HCL, for a `jsonencode({...})` policy: keys as
 * `Key = value` (quoted when they are not identifiers: `"sts:ExternalId"`), values as HCL strings,
 * and statement or policy snippets turned from JSON into HCL objects.
 */
export function hclObjectList(cursor: Cursor, suggestions: readonly Suggestion[], incomplete: boolean): CompletionList {
  const items: CompletionEntry[] = [];
  if (cursor.at === 'key') {
    for (const s of suggestions) {
      const key = hclKey(s);
      const insertText = cursor.colonFollows || s.value === undefined ? key : `${key} = ${jsonSnippetToHcl(s.value)}`;
      // The replaced range starts with the typed quote: the editor matches what it holds against this.
      items.push(entry(s, insertText, items.length, cursor.token ? `"${s.label}"` : undefined, s.retrigger && !cursor.colonFollows));
    }
    return { items, replace: cursor.token ?? cursor.content, incomplete };
  }
  return hclValueList(cursor, suggestions, incomplete, true);
}

/**
 * Suggestions as HCL string values: inside a string its content, outside one a quoted string. Keys
 * (an operator for `test`, a principal type for `type`) are values in a data source's arguments.
 */
export function hclValueList(cursor: Cursor, suggestions: readonly Suggestion[], incomplete: boolean, objects: boolean): CompletionList {
  const items: CompletionEntry[] = [];
  const inString = cursor.token !== undefined;
  for (const s of suggestions) {
    if (s.json && (inString || !objects)) continue;
    const body = s.snippet ? hclSnippetText(s.text) : snippetLiteral(hclStringContent(s.text));
    const end = s.retrigger ? '$0' : '';
    const insertText = s.json ? jsonSnippetToHcl(s.text) : inString ? `${body}${cursor.unclosed ? `${end}"` : ''}` : `"${body}${end}"`;
    items.push(entry(s, insertText, items.length, undefined, s.retrigger));
  }
  return { items, replace: cursor.content, incomplete };
}

function hclKey(s: Suggestion): string {
  if (!s.snippet && isIdentifier(s.text)) return s.text;
  return `"${s.snippet ? hclSnippetText(s.text) : snippetLiteral(hclStringContent(s.text))}"`;
}

/** A string's content in HCL: escapes, and `$${` so that a policy variable stays literal. */
function hclStringContent(text: string): string {
  return escapeTemplate(JSON.stringify(text).slice(1, -1));
}

/** Snippet text whose literal `${` (written `\${` in snippet syntax) must be `$${` in HCL. */
function hclSnippetText(snippet: string): string {
  return snippet.replace(/\\\$\{/g, '$\\${');
}

/**
 * A JSON snippet (`{\n\t"Effect": "${1|Allow,Deny|}",\n\t"Action": "$2"\n}`) as HCL: a key's
 * colon becomes ` =`, identifier keys lose their quotes. Tab stops and choices stay as they are.
 */
export function jsonSnippetToHcl(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c !== '"') {
      out += c;
      continue;
    }
    // A string token: to its closing quote, snippet and JSON escapes skipped.
    let j = i + 1;
    while (j < snippet.length && snippet[j] !== '"') j += snippet[j] === '\\' ? 2 : 1;
    const token = snippet.slice(i, j + 1);
    const colon = /^\s*:/.exec(snippet.slice(j + 1));
    if (colon) {
      const inner = token.slice(1, -1);
      out += `${isIdentifier(inner) ? inner : hclSnippetText(token)} =`;
      i = j + colon[0].length;
    } else {
      out += hclSnippetText(token);
      i = j;
    }
  }
  return out;
}
