import { defaultSeverity, PROJECT_URL, RULES, ruleDocsUrl, type Rule, type Severity } from '../../core';
import type { LintReport } from '../lint';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0 for GitHub code scanning: rules with help, results with 1-based regions. */
export function formatSarif(report: LintReport, toolVersion: string): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'iam-policy',
            fullName: 'IAM Policy Studio',
            version: toolVersion,
            semanticVersion: toolVersion,
            informationUri: PROJECT_URL,
            rules: RULES.map(describeRule),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: report.files.flatMap((file) =>
          file.findings.map((f) => ({
            ruleId: f.rule,
            ruleIndex: ruleIndex.get(f.rule) ?? -1,
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: toUri(file.path) },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
            properties: { kind: file.kind ?? file.policies.find((p) => p.id === f.policy)?.kind, ...(f.policy ? { policy: f.policy } : {}) },
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function describeRule(rule: Rule) {
  // SARIF has one default level per rule; per-kind severities (invalid-character) show their strictest.
  const severity = defaultSeverity(rule, 'trust');
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.summary },
    help: { text: rule.docs, markdown: rule.docs },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: LEVEL[severity] },
  };
}

/** Relative paths as URI references with forward slashes, as code scanning expects. */
function toUri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
