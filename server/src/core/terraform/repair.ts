/**
 * Half-typed HCL, repaired for the parser (never for the user: offsets are mapped back). A string left
 * open while typing (`actions = ["s3:Get`) would make the rest of the file one error, and an error in
 * one block can swallow the blocks after it.
 */

/**
 * Closes every quoted string left open at the end of its line (HCL strings end on their line;
 * interpolations may hold quotes of their own), and then the brackets that line opened: someone
 * typing `actions = ["s3:Get` means `["s3:Get"]`. Heredoc bodies are left alone.
 */
export function closeOpenStrings(text: string, brackets: boolean): { text: string; insertions: number[] } {
  const insertions: number[] = [];
  let out = '';
  let heredoc: string | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (heredoc !== undefined) {
      if (line.trim() === heredoc) heredoc = undefined;
      out += line;
    } else {
      const found = openAtEnd(line);
      const closers = found && !brackets ? '"' : found;
      heredoc = /<<-?([A-Za-z_][A-Za-z0-9_-]*)\s*$/.exec(line)?.[1];
      if (closers) {
        const content = line.replace(/\s+$/, '');
        for (let i = 0; i < closers.length; i++) insertions.push(out.length + content.length + i);
        out += `${content}${closers}${line.slice(content.length)}`;
      } else {
        out += line;
      }
    }
    if (newline < 0) break;
    out += '\n';
    lineStart = newline + 1;
  }
  return { text: out, insertions };
}

const CLOSER: Readonly<Record<string, string>> = { '[': ']', '(': ')', '{': '}' };

/**
 * What closes a line that ends inside a quoted string: the quote, then the brackets opened on the
 * line outside strings (`#` and `//` comments and `${...}` nesting honoured); undefined when the
 * line does not end inside a string.
 */
function openAtEnd(line: string): string | undefined {
  // What is open: '"' a string, '$' an interpolation inside a string, or a bracket of the code.
  const open: string[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    const top = open[open.length - 1];
    if (top === '"') {
      if (c === '\\') i++;
      else if (c === '"') open.pop();
      else if ((c === '$' || c === '%') && line[i + 1] === '{' && line[i - 1] !== c) {
        open.push('$');
        i++;
      }
    } else if (c === '"') {
      open.push('"');
    } else if (top === '$' && c === '}') {
      open.pop();
    } else if (c === '[' || c === '(' || c === '{') {
      open.push(c);
    } else if ((c === ']' || c === ')' || c === '}') && top !== undefined && CLOSER[top] === c) {
      open.pop();
    } else if (top === undefined && (c === '#' || (c === '/' && line[i + 1] === '/'))) {
      break;
    }
  }
  if (open[open.length - 1] !== '"') return undefined;
  // Brackets inside an interpolation close with it; those of the line's code close after the quote.
  const code = open.slice(0, -1).filter((c) => c !== '$');
  if (open.slice(0, -1).includes('$')) return '"';
  return `"${code
    .reverse()
    .map((c) => CLOSER[c])
    .join('')}`;
}

/** A line that opens a top-level block: `resource "aws_iam_role" "deploy" {`, `locals {`, at column 0. */
const BLOCK_HEADER = /^[A-Za-z_][A-Za-z0-9_-]*(?:[ \t]+(?:"[^"\n]*"|[A-Za-z_][A-Za-z0-9_-]*))*[ \t]*\{[ \t]*(?:#.*|\/\/.*)?\r?$/;

/**
 * Where the file's top-level blocks start, as Terraform files are written (`terraform fmt` puts each
 * at column 0): the lines that open a block, outside heredocs. Each block read on its own, an error
 * in one cannot swallow the others.
 */
export function blockStarts(text: string): number[] {
  const starts: number[] = [];
  let heredoc: string | undefined;
  for (let lineStart = 0; lineStart <= text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, newline < 0 ? text.length : newline);
    if (heredoc !== undefined) {
      if (line.trim() === heredoc) heredoc = undefined;
    } else {
      if (BLOCK_HEADER.test(line)) starts.push(lineStart);
      heredoc = /<<-?([A-Za-z_][A-Za-z0-9_-]*)\s*$/.exec(line)?.[1];
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return starts;
}
