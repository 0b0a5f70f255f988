/**
 * Markdown for hovers and completion documentation. Text from a document or a setting is always
 * escaped, so that it is shown as it is, never as markup, a link or an image. `/` and `@` too:
 * renderers turn bare `https://...` and `user@host` into links even when the dots are escaped.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~/@]/g, '\\$&');
}

/** Inline code for any text: a fence longer than any run of backticks inside it. */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
