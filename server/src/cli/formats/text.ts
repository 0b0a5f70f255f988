import { countBySeverity, type LintReport } from '../lint';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `path:line:col  severity  message  [rule]`, 1-based, then a summary line. */
export function formatText(report: LintReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const f of file.findings) {
      const where = `${file.path}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`${where}  ${f.severity}  ${f.message}  [${f.rule}]`);
    }
  }
  if (report.ignored.length > 0) {
    lines.push(`Ignored (by a config file): ${report.ignored.join(', ')}`);
  }
  if (report.skipped.length > 0) {
    lines.push(`Skipped (not IAM policies): ${report.skipped.join(', ')}`);
  }
  const counts = countBySeverity(report);
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.info, 'info'), plural(counts.hint, 'hint')];
  lines.push(
    `${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(report.files.length, 'policy file')}` +
      (report.skipped.length > 0 ? `, ${plural(report.skipped.length, 'file')} skipped` : ''),
  );
  return `${lines.join('\n')}\n`;
}
