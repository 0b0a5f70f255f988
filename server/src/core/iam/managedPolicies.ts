import { MANAGED_POLICIES } from './generated/managedPolicies';
import { closest } from './suggest';

/** An AWS managed policy, as the role builder and the wizard show it. */
export interface ManagedPolicyInfo {
  name: string;
  /** `/`, `/service-role/`, `/job-function/`... */
  path: string;
  arn: string;
  /** What it allows, computed from its latest version: services and actions per access level. */
  summary: string;
  /** Policies under `/aws-service-role/` belong to service-linked roles and cannot be attached to yours. */
  serviceLinkedOnly: boolean;
}

let byName: Map<string, ManagedPolicyInfo> | undefined;

function policies(): Map<string, ManagedPolicyInfo> {
  byName ??= new Map(
    MANAGED_POLICIES.map(([name, path, summary]) => [
      name.toLowerCase(),
      { name, path: `/${path}`, arn: `arn:aws:iam::aws:policy/${path}${name}`, summary, serviceLinkedOnly: path === 'aws-service-role/' },
    ]),
  );
  return byName;
}

/** Every AWS managed policy, sorted by name. */
export function managedPolicies(): ManagedPolicyInfo[] {
  return [...policies().values()];
}

/**
 * The managed policy a name, `path/name` or ARN names (IAM names are case-insensitive). A path,
 * when given, must be the policy's own: `service-role/SecurityAudit` names nothing.
 */
export function findManagedPolicy(text: string): ManagedPolicyInfo | undefined {
  const match = /^(?:arn:aws[a-z-]*:iam::aws:policy)?\/?((?:[^/]+\/)*)([^/]+)$/i.exec(text.trim());
  if (!match) return undefined;
  const policy = policies().get(match[2].toLowerCase());
  if (!policy) return undefined;
  return match[1] === '' || `/${match[1]}`.toLowerCase() === policy.path.toLowerCase() ? policy : undefined;
}

/** The names closest to a misspelt one, best first. */
export function suggestManagedPolicies(text: string, limit = 3): string[] {
  const name = text.slice(text.lastIndexOf('/') + 1);
  return closest(name, [...policies().values()].map((p) => p.name), limit);
}
