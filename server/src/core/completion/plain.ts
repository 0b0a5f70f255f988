/**
 * Snippet text as plain text, for editors without snippet support: each tab stop keeps its default
 * (the first choice of a choice), empty stops vanish, escapes are undone.
 */
export function snippetToPlain(snippet: string): string {
  let result = '';
  for (let i = 0; i < snippet.length; i++) {
    const char = snippet[i];
    if (char === '\\' && i + 1 < snippet.length) {
      result += snippet[++i];
    } else if (char === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      while (/\d/.test(snippet[i + 1] ?? '')) i++;
    } else if (char === '$' && snippet[i + 1] === '{') {
      const stop = /^\$\{\d+(?::((?:\\.|[^\\}])*)|\|((?:\\.|[^\\|])*)\|)\}/.exec(snippet.slice(i));
      if (!stop) {
        result += char;
        continue;
      }
      const text = stop[1] ?? (stop[2] ?? '').split(/(?<!\\),/)[0];
      result += text.replace(/\\(.)/g, '$1');
      i += stop[0].length - 1;
    } else {
      result += char;
    }
  }
  return result;
}
