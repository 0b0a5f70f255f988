/**
 * HCL strings. A quoted string is a template: `${...}` interpolates and `%{...}` is a directive unless
 * written `$${` and `%%{`, and backslash escapes apply (not in heredocs). Policy variables are written
 * `$${aws:username}` everywhere, or `&{aws:username}` in an `aws_iam_policy_document`.
 */

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** The value of the literal text of a quoted string (between interpolations). */
export function decodeQuoted(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1];
      if (Object.hasOwn(ESCAPES, next)) {
        out += ESCAPES[next];
        i++;
        continue;
      }
      const unicode = next === 'u' ? /^[0-9a-fA-F]{4}/.exec(raw.slice(i + 2)) : next === 'U' ? /^[0-9a-fA-F]{8}/.exec(raw.slice(i + 2)) : null;
      if (unicode) {
        const code = parseInt(unicode[0], 16);
        out += code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
        i += 1 + unicode[0].length;
        continue;
      }
    }
    out += c;
  }
  return unescapeTemplate(out);
}

/** `$${` and `%%{` are the literal `${` and `%{` (heredocs interpret nothing else). */
export function unescapeTemplate(text: string): string {
  return text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/** A quoted HCL string with this value: escapes, and `$${` so that a policy variable stays literal. */
export function quoteHcl(value: string): string {
  let out = '"';
  for (const c of value) {
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else out += c;
  }
  return `${escapeTemplate(out)}"`;
}

/** Template text for a literal value: `${` and `%{` doubled. */
export function escapeTemplate(text: string): string {
  return text.replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

/**
 * What an unknown value reads as in the policy: `${var.bucket}` for the expression `var.bucket`, the
 * placeholder form every rule already treats as "could be anything". Braces inside (`${jsonencode({})}`)
 * would end the placeholder early, so they become parentheses; line breaks become spaces.
 */
export function placeholderFor(expression: string): string {
  const text = expression.replace(/[{}]/g, (c) => (c === '{' ? '(' : ')')).replace(/\s+/g, ' ').trim();
  return `\${${text.length > 80 ? `${text.slice(0, 77)}...` : text}}`;
}

/** An identifier HCL accepts as an object key or attribute name without quotes. */
export function isIdentifier(text: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(text) && !['true', 'false', 'null', 'for', 'in', 'if'].includes(text);
}
