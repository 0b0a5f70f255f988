/**
 * Markdown for hovers and completion documentation. Text from a document or a setting is always
 * escaped, so that it is shown as it is, never as markup, a link or an image. `/` and `@` too:
 * renderers turn bare `https://...` and `user@host` into links even when the dots are escaped.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]()#+\-.!|<>~/@=]/g, '\\$&');
}

/** Line breaks as visible marks: a blank line would end a code span and let the rest render as markdown. */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, '⏎');
}

/** Hovers show values, not pages: longer text is cut. */
const MAX_CODE = 300;

/** Inline code for any text: a fence longer than any run of backticks inside it. */
export function code(original: string): string {
  const text = oneLine(original.length > MAX_CODE ? `${original.slice(0, MAX_CODE)}…` : original);
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
