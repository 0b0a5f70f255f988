import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { code, escapeMarkdown, type Span, type StatementExplanation } from '../core';

/** Code lens titles are one line in the editor; the hover has the rest. */
const LENS_TITLE_MAX = 160;

/** VS Code reads `$(name)` in a lens title as an icon; a document's text must not turn into one. */
function plain(text: string): string {
  return text.replace(/\$\(/g, '$\u200b(');
}

function lensTitle(explanation: StatementExplanation): string {
  const verb = explanation.effect === 'Allow' ? 'Can assume' : 'Denied';
  const text = `${verb}: ${explanation.summary}`;
  return plain(text.length > LENS_TITLE_MAX ? `${text.slice(0, LENS_TITLE_MAX - 1)}…` : text);
}

/**
 * One lens above each statement of a trust policy. The command id is empty, so the editor shows the
 * lens as text, not as a link (there is nothing to run).
 */
export function trustCodeLenses(document: TextDocument, explanations: readonly StatementExplanation[]): CodeLens[] {
  return explanations.map((explanation) => {
    const start = document.positionAt(explanation.span.offset);
    return { range: { start, end: start }, command: { title: lensTitle(explanation), command: '' } };
  });
}

/** The explanation (markdown) of the statement whose Principal the cursor is on, and the Principal's span. */
export function trustHover(explanations: readonly StatementExplanation[], offset: number): { markdown: string; span: Span } | undefined {
  const explanation = explanations.find((e) => e.principalSpan && offset >= e.principalSpan.offset && offset <= e.principalSpan.offset + e.principalSpan.length);
  if (!explanation?.principalSpan) return undefined;
  const name = `Statement ${explanation.index + 1}${explanation.sid ? ` (${explanation.sid})` : ''}`;
  const lines = [
    `**${explanation.effect === 'Allow' ? 'Who can assume this role' : 'Who is denied'}**: ${escapeMarkdown(name)}`,
    '',
    escapeMarkdown(explanation.summary),
  ];
  if (explanation.actions.length > 0) lines.push('', `Actions: ${explanation.actions.map(code).join(', ')}`);
  if (explanation.effect === 'Allow' && explanation.summary.startsWith('Any principal in account')) {
    lines.push('', escapeMarkdown("The account's own IAM policies decide which of its users and roles that is."));
  }
  return { markdown: lines.join('\n'), span: explanation.principalSpan };
}
