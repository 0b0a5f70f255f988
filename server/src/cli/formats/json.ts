import type { LintReport } from '../lint';

/** The stable machine format: `{"version":1,"files":[{"path","kind","findings":[...]}]}`. */
export function formatJson(report: LintReport): string {
  const document = {
    version: 1,
    files: report.files.map((file) => ({
      path: file.path,
      kind: file.kind,
      findings: file.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, range: f.range })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
