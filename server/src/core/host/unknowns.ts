import type { Node } from 'jsonc-parser';
import { isPlaceholder } from '../iam/placeholders';
import { findProperty, forEachNode, nodeAtPath, propertyKey, propertyValue } from '../jsonTree';
import type { PolicyModel, Statement } from '../policyModel';
import type { Rule } from '../rules/rule';
import type { SchemaProblem } from '../schema/schemaProblems';
import type { Finding } from '../types';
import type { PolicyUnit } from './types';

/**
 * Rules that judge a value's literal form (an Effect, a Version, a Sid, an operator): a value with
 * an interpolation (`"Allow${var.suffix}"`) is only known when Terraform runs, so they say nothing of it.
 */
const LITERAL_RULES = new Set(['invalid-effect', 'invalid-version', 'invalid-sid', 'duplicate-sid', 'unknown-condition-operator', 'invalid-character']);

/** Whether a unit holds anything not known here (every JSON policy file: no). */
export function hasUnknowns(unit: PolicyUnit): boolean {
  return unit.unknown.size > 0 || unit.open.size > 0 || unit.incomplete !== undefined;
}

/**
 * Drops the findings a value not known here could make wrong: those on an unknown value itself
 * (`var.effect` is not an invalid Effect), and those of rules that report something missing
 * (`absent`) where the element they look at could hold it.
 */
export function withoutUnknowns(unit: PolicyUnit, policy: PolicyModel | undefined, rule: Rule, findings: Finding[]): Finding[] {
  if (!hasUnknowns(unit) || findings.length === 0) return findings;
  const onUnknown = new Set<string>();
  for (const node of unit.unknown) {
    if (LITERAL_RULES.has(rule.id) || (node.type === 'string' && typeof node.value === 'string' && isPlaceholder(node.value))) onUnknown.add(`${node.offset}:${node.length}`);
  }
  return findings.filter((finding) => {
    // A rule that reports something missing only anchors its finding on a value (an OIDC provider
    // named by `var.provider_arn`, inferred from its claim keys): it is judged below, not dropped here.
    if (!rule.absent) return !onUnknown.has(`${finding.offset}:${finding.length}`);
    const statement = policy?.statements.find((s) => finding.offset >= s.node.offset && finding.offset + finding.length <= s.node.offset + s.node.length);
    return !rule.absent.some((element) => (element === 'Statement' ? mayHoldMore(unit, policy) : statement !== undefined && elementUnknown(unit, statement, element)));
  });
}

/** Whether statements not written here may join the policy. */
function mayHoldMore(unit: PolicyUnit, policy: PolicyModel | undefined): boolean {
  if (unit.incomplete !== undefined || !policy) return unit.incomplete !== undefined;
  if (unit.open.has(policy.root)) return true;
  const list = propertyValue(policy.root, 'Statement');
  if (!list) return false;
  if (unit.unknown.has(list) || unit.open.has(list)) return true;
  return list.type === 'array' && (list.children ?? []).some((s) => unit.unknown.has(s) || unit.open.has(s));
}

/**
 * Whether a statement's element could hold what a rule finds missing: it is open or unknown, or
 * holds an unknown part (the statement itself open counts too). In a Condition only operators and
 * keys count: an unknown value of a known key (`values = var.subjects`) adds no key.
 */
function elementUnknown(unit: PolicyUnit, statement: Statement, element: string): boolean {
  if (unit.open.has(statement.node)) return true;
  const node = propertyValue(statement.node, element);
  if (!node) return false;
  const unknown = (n: Node | undefined) => n !== undefined && (unit.unknown.has(n) || unit.open.has(n));
  if (element === 'Condition') {
    if (unknown(node)) return true;
    // `"${local.issuer}:sub"` is a subject key whatever the issuer: only a wholly unknown name could be any key.
    const anyName = (n: Node | undefined) => unknown(n) && typeof n?.value === 'string' && isPlaceholder(n.value);
    return (node.children ?? []).some((operator) => {
      const block = operator.children?.[1];
      return anyName(operator.children?.[0]) || unknown(block) || (block?.children ?? []).some((key) => anyName(key.children?.[0]));
    });
  }
  let found = false;
  forEachNode(node, (n) => {
    if (unknown(n)) found = true;
  });
  return found;
}

/**
 * Whether a schema problem is about something not known here: a value (or a container of it) that
 * is unknown, a key that is, or something missing from an open object or list.
 */
export function waivedAsUnknown(problem: SchemaProblem, unit: PolicyUnit, root: Node): boolean {
  if (!hasUnknowns(unit)) return false;
  for (let n = problem.path.length; n >= 0; n--) {
    const node = nodeAtPath(root, problem.path.slice(0, n));
    if (node && unit.unknown.has(node)) return true;
  }
  const target = nodeAtPath(root, problem.path);
  if (problem.type === 'unknown-property') {
    const property = findProperty(target, problem.property);
    const key = property && propertyKey(property);
    return key !== undefined && unit.unknown.has(key);
  }
  return (problem.type === 'missing' || problem.type === 'too-few') && target !== undefined && (unit.open.has(target) || (problem.type === 'missing' && unit.incomplete !== undefined && problem.path.length === 0));
}
