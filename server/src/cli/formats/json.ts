import type { LintReport } from '../lint';

/**
 * The stable machine format: `{"version":1,"files":[{"path","kind","findings":[...]}]}`. A Terraform
 * file has `"kind": null`, its `policies` (id, kind, range) and each finding names its `policy`.
 */
export function formatJson(report: LintReport): string {
  const document = {
    version: 1,
    files: report.files.map((file) => ({
      path: file.path,
      kind: file.kind ?? null,
      ...(file.dialect === 'json' ? {} : { dialect: file.dialect, policies: file.policies.map((p) => ({ id: p.id, kind: p.kind, range: p.range })) }),
      findings: file.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, range: f.range, ...(f.policy ? { policy: f.policy } : {}) })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
