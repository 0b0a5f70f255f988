import { forEachNode } from '../jsonTree';
import type { Rule } from './rule';

/** IAM accepts tab, LF, CR and U+0020-U+00FF only (IAM-NOTES.md). */
const INVALID = /[^\t\n\r\u0020-\u00ff]/u;

function describe(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code === 0xfffd) return `${hex} (the replacement character: the file probably has bytes that are not valid UTF-8)`;
  return code < 0x20 ? hex : `"${char}" (${hex})`;
}

export const invalidCharacter: Rule = {
  id: 'invalid-character',
  severity: { trust: 'error', identity: 'error', resource: 'warning' },
  summary: 'A character IAM does not accept (outside tab, LF, CR and U+0020-U+00FF).',
  docs: `IAM policy documents may contain only tab, line feed, carriage return and the characters
U+0020 to U+00FF. Emoji, typographic quotes pasted from a word processor, non-breaking spaces beyond
Latin-1, or bytes that are not valid UTF-8 (shown as U+FFFD) make IAM reject the policy. Some
resource policies are more lenient, so there the rule is a warning.`,
  check({ parsed, report }) {
    forEachNode(parsed.root, (node) => {
      if (node.type !== 'string' || typeof node.value !== 'string') return;
      const match = INVALID.exec(node.value);
      if (match) report(node, `This string contains ${describe(match[0])}, which IAM does not accept in policies.`);
    });
  },
};
