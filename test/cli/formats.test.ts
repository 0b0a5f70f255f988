import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseJsonReport, runCli, type JsonReport } from './run';

/** Every finding of the JSON report, flattened in output order, with 1-based positions. */
function expectedLines(report: JsonReport) {
  return report.files.flatMap((file) =>
    file.findings.map((f) => ({
      path: file.path,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      startLine: f.range.start.line + 1,
      startColumn: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
    })),
  );
}

const count = (report: JsonReport, severity: string) =>
  report.files.reduce((n, f) => n + f.findings.filter((x) => x.severity === severity).length, 0);

describe('output formats on examples/', () => {
  let json: JsonReport;
  before(() => {
    json = parseJsonReport(runCli(['lint', '--format', 'json', 'examples/']));
  });

  it('text: one `path:line:col  severity  message  [rule]` line per finding, skipped files, a summary', () => {
    const result = runCli(['lint', 'examples/']);
    assert.equal(result.status, 1, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    const summary = lines.pop() ?? '';
    const skipped = lines.pop() ?? '';
    const expected = expectedLines(json);
    assert.deepEqual(
      lines,
      expected.map((f) => `${f.path}:${f.startLine}:${f.startColumn}  ${f.severity}  ${f.message}  [${f.rule}]`),
    );
    assert.match(lines.find((l) => l.includes('[trust-has-resource]')) ?? '', /^examples\/broken\/ops-role-trust\.json:11:7 {2}error {2}/);
    assert.match(skipped, /^Skipped \(not IAM policies\): /);
    const skippedFiles = skipped.replace(/^Skipped \(not IAM policies\): /, '').split(', ');
    assert.ok(skippedFiles.includes('examples/client-account/role-settings.json'), skipped);
    const [errors, warnings, infos, hints] = ['error', 'warning', 'info', 'hint'].map((s) => count(json, s));
    assert.match(summary, new RegExp(`^${expected.length} problems \\(${errors} errors?, ${warnings} warnings?, ${infos} infos?, ${hints} hints?\\) in ${json.files.length} policy files, ${skippedFiles.length} files? skipped$`));
  });

  it('sarif: 2.1.0, rules with help for every result, 1-based regions as in the JSON output', () => {
    const result = runCli(['lint', '--format', 'sarif', 'examples/']);
    assert.equal(result.status, 1, result.stderr);
    const sarif = JSON.parse(result.stdout) as Sarif;
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs.length, 1);
    const run = sarif.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    const rules = run.tool.driver.rules;
    for (const r of run.results) {
      const rule = rules.find((x) => x.id === r.ruleId);
      assert.ok(rule, `rule ${r.ruleId} is not described`);
      assert.ok(rule.help?.text, `rule ${r.ruleId} has no help text`);
      if (r.ruleIndex !== undefined) assert.equal(rules[r.ruleIndex]?.id, r.ruleId);
    }
    const level = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as Record<string, string>;
    assert.deepEqual(
      run.results.map((r) => {
        const { artifactLocation, region } = r.locations[0].physicalLocation;
        return { path: artifactLocation.uri, rule: r.ruleId, level: r.level, message: r.message.text, ...region };
      }),
      expectedLines(json).map(({ path, rule, severity, message, startLine, startColumn, endLine, endColumn }) => ({
        path,
        rule,
        level: level[severity],
        message,
        startLine,
        startColumn,
        endLine,
        endColumn,
      })),
    );
  });
});

interface Sarif {
  version: string;
  runs: {
    columnKind: string;
    tool: { driver: { rules: { id: string; help?: { text?: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }[];
    }[];
  }[];
}
