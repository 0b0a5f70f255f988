import { createPolicyService, type AnalyzeOptions, type PolicyKind } from '../../server/src/core';

const service = createPolicyService();

export interface SeenFinding {
  rule: string;
  severity: string;
  /** The exact text the finding covers. */
  at: string;
  /** 1-based line of the start, to assert places in multi-line fixtures. */
  line: number;
  message: string;
  data?: Record<string, unknown>;
}

/** Analyses text and returns its kind and findings with the text they cover. */
export function lint(text: string, options: AnalyzeOptions & { allowComments?: boolean } = {}): { kind: PolicyKind | undefined; findings: SeenFinding[] } {
  const parsed = service.parse(text, { allowComments: options.allowComments ?? false });
  const analysis = service.analyze(parsed, options);
  return {
    kind: analysis.kind,
    findings: analysis.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      at: text.slice(f.offset, f.offset + f.length),
      line: text.slice(0, f.offset).split('\n').length,
      message: f.message,
      ...(f.data ? { data: f.data } : {}),
    })),
  };
}

/** The findings of one rule. */
export function findingsOf(rule: string, text: string, options: AnalyzeOptions = {}): SeenFinding[] {
  return lint(text, options).findings.filter((f) => f.rule === rule);
}

/** A policy document from statements, pretty-printed like users write them. */
export function policy(statements: unknown[], extra: Record<string, unknown> = { Version: '2012-10-17' }): string {
  return JSON.stringify({ ...extra, Statement: statements }, null, 2);
}

export const ACCOUNT_ROOT = 'arn:aws:iam::111122223333:root';

export function trustStatement(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Effect: 'Allow', Principal: { AWS: ACCOUNT_ROOT }, Action: 'sts:AssumeRole', ...extra };
}

export function identityStatement(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*', ...extra };
}
