import type { Node } from 'jsonc-parser';
import { findProperty, nodeAtPath, propertyKey, spanOf, type JsonPath } from '../jsonTree';
import type { PolicyKind, Span } from '../types';
import { nearMiss, type SchemaProblem } from './schemaProblems';

const KIND_LABEL: Record<PolicyKind, string> = {
  trust: 'a trust policy',
  identity: 'an identity policy',
  resource: 'a resource policy',
};

/**
 * Where a schema problem is shown: the offending key for an unknown member, the object for a missing
 * member or a wrong value, except that the whole policy is marked by its opening brace only.
 */
export function problemSpan(root: Node, problem: SchemaProblem): Span {
  const target = nearestNode(root, problem.path);
  switch (problem.type) {
    case 'unknown-property': {
      const key = propertyKey(findProperty(target, problem.property) ?? target);
      return spanOf(key ?? target);
    }
    case 'exclusive': {
      // Mark the second of the pair: usually the one added by mistake.
      const key = propertyKey(findProperty(target, problem.properties[problem.properties.length - 1]) ?? target);
      return spanOf(key ?? target);
    }
    default:
      return target === root ? { offset: root.offset, length: 1 } : spanOf(target);
  }
}

/** The node at a path, or its closest existing ancestor (a value may have failed to parse). */
function nearestNode(root: Node, path: JsonPath): Node {
  for (let n = path.length; n >= 0; n--) {
    const node = nodeAtPath(root, path.slice(0, n));
    if (node) return node;
  }
  return root;
}

/** A label for what lives at a path: "the policy", "statement 2", "Principal", "item 3 of Action". */
export function pathLabel(path: JsonPath): string {
  if (path.length === 0) return 'The policy';
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return parent === 'Statement' ? `Statement ${last + 1}` : `Item ${last + 1} of "${String(parent)}"`;
  }
  return `"${last}"`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  array: 'a list',
  object: 'an object',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  null: 'null',
};

function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function quoted(items: readonly unknown[]): string[] {
  return items.map((i) => JSON.stringify(i));
}

/** A message that says what is wrong and what to do, for problems no specific rule claims. */
export function problemMessage(problem: SchemaProblem, kind: PolicyKind): string {
  const label = pathLabel(problem.path);
  switch (problem.type) {
    case 'missing':
      return problem.properties.length === 1
        ? `${label} is missing "${problem.properties[0]}".`
        : `${label} needs ${orList(quoted(problem.properties))}.`;
    case 'unknown-property':
      return unknownPropertyMessage(problem.property, problem.allowed, problem.path, kind);
    case 'wrong-type':
      return `${label} must be ${orList(problem.expected.map((t) => TYPE_NAMES[t] ?? t))}.`;
    case 'enum':
      return `${label} must be ${orList(quoted(problem.allowed))}.`;
    case 'const':
      return problem.path[problem.path.length - 1] === 'Principal' || problem.path[problem.path.length - 1] === 'NotPrincipal'
        ? `A principal given as a string must be "*"; name principals in an object, e.g. {"AWS": "arn:aws:iam::123456789012:root"}.`
        : `${label} must be ${JSON.stringify(problem.expected)}.`;
    case 'exclusive':
      return `${label} has both ${orList(quoted(problem.properties)).replace(/ or /, ' and ')}; use only one of them.`;
    case 'too-few':
      return tooFewMessage(label, problem.path);
    case 'other':
      return `${label} ${problem.message}.`;
  }
}

function tooFewMessage(label: string, path: JsonPath): string {
  const last = path[path.length - 1];
  if (last === 'Statement') return '"Statement" must contain at least one statement.';
  if (last === 'Principal' || last === 'NotPrincipal') {
    return `${label} must name at least one principal type: "AWS", "Service", "Federated" or "CanonicalUser".`;
  }
  return `${label} must list at least one value.`;
}

function unknownPropertyMessage(property: string, allowed: string[], path: JsonPath, kind: PolicyKind): string {
  const sameIgnoringCase = allowed.find((a) => a.toLowerCase() === property.toLowerCase());
  const singular = nearMiss(property, allowed);
  const where =
    path.length === 0
      ? 'the top level of a policy'
      : path[path.length - 1] === 'Principal' || path[path.length - 1] === 'NotPrincipal'
        ? 'a principal'
        : `a statement of ${KIND_LABEL[kind]}`;
  if (sameIgnoringCase) return `"${property}" must be written "${sameIgnoringCase}": element names are case-sensitive.`;
  if (singular) return `"${property}" is not allowed in ${where}; did you mean "${singular}"? (It takes a string or a list.)`;
  if (kind === 'identity' && (property === 'Principal' || property === 'NotPrincipal')) {
    return `"${property}" is not allowed in an identity policy: the principal is whoever the policy is attached to. Remove it, or treat this file as a resource or trust policy.`;
  }
  return `"${property}" is not allowed in ${where}. Allowed: ${allowed.join(', ')}.`;
}
