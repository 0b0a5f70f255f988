import type { Node } from 'jsonc-parser';
import { nodeAtPath, propertyValue, stringNodes } from '../jsonTree';
import type { PolicyKind } from '../types';
import type { SchemaProblem } from './schemaProblems';

/**
 * Services whose resource policies have no Resource element: the policy is attached to the one
 * resource it governs (ECR repository policies, as AWS documents and writes them).
 */
const NO_RESOURCE_SERVICES = new Set(['ecr', 'ecr-public']);

/**
 * Whether AWS accepts what the generic schema rejects here: a resource-policy statement without
 * Resource whose actions all belong to a service that does not use it.
 */
export function isWaived(problem: SchemaProblem, kind: PolicyKind, root: Node): boolean {
  if (kind !== 'resource' || problem.type !== 'missing' || !problem.properties.includes('Resource')) return false;
  const actions = stringNodes(propertyValue(nodeAtPath(root, problem.path), 'Action'));
  return actions.length > 0 && actions.every((node) => NO_RESOURCE_SERVICES.has(String(node.value).split(':')[0].toLowerCase()));
}
