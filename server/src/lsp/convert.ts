import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsUrl, type Finding, type QuickFix, type Severity, type Span } from '../core';
import { DIAGNOSTIC_SOURCE } from '../shared/protocol';

/** The only place that turns core offsets into LSP positions (UTF-16, like jsonc-parser). */
export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.offset), end: document.positionAt(span.offset + span.length) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  return {
    range: toRange(document, finding),
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data: { rule: finding.rule, ...finding.data },
  };
}

type FindingBack = Span & { rule: string; data?: Record<string, unknown> };

/** Code actions for our diagnostics in a request: each diagnostic goes back to the core as a finding. */
export function toCodeActions(document: TextDocument, diagnostics: readonly Diagnostic[], fixesFor: (finding: FindingBack) => QuickFix[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
    const offset = document.offsetAt(diagnostic.range.start);
    const finding = {
      rule: diagnostic.code,
      offset,
      length: document.offsetAt(diagnostic.range.end) - offset,
      data: typeof diagnostic.data === 'object' && diagnostic.data !== null ? (diagnostic.data as Record<string, unknown>) : {},
    };
    for (const fix of fixesFor(finding)) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: { changes: { [document.uri]: fix.edits.map((edit) => ({ range: toRange(document, edit), newText: edit.newText })) } },
      });
    }
  }
  return actions;
}
