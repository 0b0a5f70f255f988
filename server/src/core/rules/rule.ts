import type { Node } from 'jsonc-parser';
import type { PolicyUnit } from '../host/types';
import type { PolicyModel } from '../policyModel';
import type { SchemaProblem } from '../schema/schemaProblems';
import type { PolicyKind, Severity, Span } from '../types';

/** What a rule sees: the parsed policy (its tree and the host text), the policy model (when the root is an object), and its kind. */
export interface RuleContext {
  parsed: PolicyUnit;
  /** Undefined when the document's root is not an object (then only document-level rules run). */
  policy: PolicyModel | undefined;
  kind: PolicyKind;
  report: (at: Span | Node, message: string, data?: Record<string, unknown>) => void;
}

/**
 * A rule: a stable id (RULES.md), its default severity, its docs, and how it finds problems: by
 * looking at the document (`check`), or by claiming schema problems it names more precisely than
 * the generic `schema` rule (`claim` returns the message, or undefined to leave it).
 */
export interface Rule {
  id: string;
  /** One severity, or one per kind (e.g. `public-principal`: error in trust, warning in resource). */
  severity: Severity | Readonly<Record<PolicyKind, Severity>>;
  /** The kinds the rule applies to; all when absent. */
  kinds?: readonly PolicyKind[];
  /** One line: what the rule reports. Used for SARIF short descriptions and completion docs. */
  summary: string;
  /** Markdown: why it matters and how to fix it, with an example. Rendered into docs/rules/<id>.md. */
  docs: string;
  /**
   * What the rule's findings say is missing, which a value not known here could supply: the
   * statement's `Condition`, `Action` or `Principal`, or `Statement` (another statement, such as a
   * Deny). A finding is dropped when that element of its statement is open or holds an unknown value
   * (a Terraform `var.conditions`, a `dynamic "condition"` block), or, for `Statement`, when the policy
   * may hold statements not seen here.
   */
  absent?: readonly AbsentElement[];
  check?(context: RuleContext): void;
  claim?(problem: SchemaProblem, kind: PolicyKind): string | undefined;
}

export type AbsentElement = 'Condition' | 'Action' | 'Principal' | 'Statement';

export function defaultSeverity(rule: Rule, kind: PolicyKind): Severity {
  return typeof rule.severity === 'string' ? rule.severity : rule.severity[kind];
}

/** Whether a path is `Statement` (single object) or `Statement/N`, optionally followed by `rest`. */
export function isStatementPath(path: readonly (string | number)[], ...rest: string[]): boolean {
  if (path[0] !== 'Statement') return false;
  const tail = typeof path[1] === 'number' ? path.slice(2) : path.slice(1);
  return tail.length === rest.length && rest.every((r, i) => tail[i] === r);
}
