import { TextDocument } from 'vscode-languageserver-textdocument';
import { createPolicyService, type Finding, type KindSetting, type PolicyKind, type SeverityOverride } from '../core';
import type { InputFile } from './files';

export interface Position {
  line: number;
  character: number;
}

/** A finding with 0-based UTF-16 positions, as in LSP; formats convert to 1-based where they need it. */
export interface PositionedFinding extends Finding {
  range: { start: Position; end: Position };
}

export interface FileReport {
  path: string;
  kind: PolicyKind;
  findings: PositionedFinding[];
}

export interface LintReport {
  files: FileReport[];
  /** JSON files that are not IAM policies. */
  skipped: string[];
}

export interface LintOptions {
  kind: KindSetting;
  rules?: Readonly<Record<string, SeverityOverride>>;
}

export function lintFiles(files: readonly InputFile[], options: LintOptions): LintReport {
  const service = createPolicyService();
  const report: LintReport = { files: [], skipped: [] };
  for (const file of files) {
    const parsed = service.parse(file.text, { allowComments: /\.jsonc$/i.test(file.path) });
    // A kind given with --kind forces the files named on the command line; files found in folders
    // must still look like policies, so that package.json and friends are not linted as policies.
    const forced = file.explicit || parsed.hasTopLevelStatement;
    const kindSetting = options.kind === 'auto' || !forced ? undefined : options.kind;
    const analysis = service.analyze(parsed, { fileName: file.path, kindSetting, rules: options.rules });
    if (!analysis.kind) {
      report.skipped.push(file.path);
      continue;
    }
    const document = TextDocument.create('file:///lint', 'json', 0, file.text);
    report.files.push({
      path: file.path,
      kind: analysis.kind,
      findings: analysis.findings.map((finding) => ({
        ...finding,
        range: { start: document.positionAt(finding.offset), end: document.positionAt(finding.offset + finding.length) },
      })),
    });
  }
  return report;
}

export function countBySeverity(report: LintReport): Record<Finding['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of report.files) for (const finding of file.findings) counts[finding.severity]++;
  return counts;
}
