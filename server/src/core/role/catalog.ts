import { actionResourceTypes, getService, serviceName, servicePrefixes } from '../iam';
import { managedPolicies, type ManagedPolicyInfo } from '../iam/managedPolicies';

/** What the wizard offers to pick from, sent once per wizard run. */
export interface RoleCatalog {
  /** AWS managed policies that can be attached to a role you create, sorted by name. */
  managedPolicies: Omit<ManagedPolicyInfo, 'serviceLinkedOnly'>[];
  services: { prefix: string; name: string }[];
}

/** An action as the wizard lists it, with the ARN formats of what it acts on. */
export interface CatalogAction {
  action: string;
  accessLevel: string;
  description: string;
  /** ARN templates (`arn:${Partition}:s3:::${BucketName}`); empty when the action takes only `*`. */
  resourceArns: string[];
}

export function roleCatalog(): RoleCatalog {
  return {
    managedPolicies: managedPolicies()
      .filter((p) => !p.serviceLinkedOnly)
      .map(({ name, path, arn, summary }) => ({ name, path, arn, summary })),
    services: servicePrefixes().map((prefix) => ({ prefix, name: serviceName(prefix) ?? prefix })),
  };
}

/** The actions of a service, sorted by name; empty for an unknown prefix. */
export function serviceActions(prefix: string): CatalogAction[] {
  const service = getService(prefix);
  if (!service) return [];
  return [...service.actions.values()]
    .map((a) => ({ action: `${service.prefix}:${a.name}`, accessLevel: a.accessLevel, description: a.description, resourceArns: [...new Set(actionResourceTypes(a).map((t) => t.arn))] }))
    .sort((a, b) => a.action.localeCompare(b.action));
}
