import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyKind, PolicyService, StatementExplanation } from '../core';
import type { InputFile } from './files';
import { readFiles, type LintOptions, type Position } from './lint';

export interface ExplainedFile {
  path: string;
  kind: PolicyKind;
  /** Empty for policies that are not trust policies: only trust policies say who can assume a role. */
  statements: (StatementExplanation & { start: Position })[];
}

export interface ExplainReport {
  files: ExplainedFile[];
  /** JSON files that are not IAM policies. */
  skipped: string[];
  /** Identity and resource policies found in folders (named ones are in `files`). */
  others: string[];
}

/** Who can assume each role, for each trust policy among the files. */
export function explainFiles(service: PolicyService, files: readonly InputFile[], options: LintOptions): ExplainReport {
  const report: ExplainReport = { files: [], skipped: [], others: [] };
  for (const { file, text, parsed, kindSetting } of readFiles(service, files, options)) {
    const policies = service.policies(parsed, { fileName: file.path, kindSetting });
    if (policies.length === 0) {
      // variables.tf and outputs.tf hold no policy: not worth a line, unless named.
      if (parsed.dialect === 'json' || file.explicit) report.skipped.push(file.path);
      continue;
    }
    // A Terraform file with a role among its policies is explained as the trust policies it holds.
    const kind = policies.some((p) => p.kind === 'trust') ? 'trust' : policies[0].kind;
    if (kind !== 'trust' && !file.explicit) {
      report.others.push(file.path);
      continue;
    }
    const document = TextDocument.create('file:///explain', 'json', 0, text);
    const statements = (service.explainTrust(parsed, { fileName: file.path, kindSetting }) ?? []).map((s) => ({ ...s, start: document.positionAt(s.span.offset) }));
    report.files.push({ path: file.path, kind, statements });
  }
  return report;
}

export function formatExplainText(report: ExplainReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.kind !== 'trust') {
      lines.push(`${file.path}: not a trust policy (${file.kind} policy): nothing assumes it`);
      continue;
    }
    lines.push(`${file.path}: who can assume this role`);
    if (file.statements.length === 0) lines.push('  (no statement with Effect "Allow" or "Deny")');
    for (const s of file.statements) {
      const name = `statement ${s.index + 1}${s.sid ? ` (${s.sid})` : ''}, line ${s.start.line + 1}`;
      lines.push(`  ${name}${s.policy ? ` of ${s.policy.label}` : ''}`, `    ${s.effect === 'Allow' ? 'Can assume' : 'Denied'}: ${s.summary}`);
      if (s.actions.length > 0) lines.push(`    Actions: ${s.actions.join(', ')}`);
    }
  }
  if (report.others.length > 0) lines.push(`${report.others.length} ${report.others.length === 1 ? 'file' : 'files'} in the folders with identity or resource policies only (no trust policy).`);
  if (report.skipped.length > 0) lines.push(`Skipped (not IAM policies): ${report.skipped.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export function formatExplainJson(report: ExplainReport): string {
  const files = report.files.map((file) => ({
    path: file.path,
    kind: file.kind,
    statements: file.statements.map((s) => ({
      index: s.index,
      sid: s.sid ?? null,
      line: s.start.line + 1,
      column: s.start.character + 1,
      effect: s.effect,
      summary: s.summary,
      conditions: s.conditions,
      actions: s.actions,
      ...(s.policy ? { policy: s.policy.id } : {}),
    })),
  }));
  return `${JSON.stringify({ files, others: report.others, skipped: report.skipped }, null, 2)}\n`;
}
