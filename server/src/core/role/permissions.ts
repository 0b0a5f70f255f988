import { actionResourceTypes, hasWildcard, matchActions, parseActionPattern, suggestActions, suggestServices, hasService, arnProblem } from '../iam';
import { findManagedPolicy, suggestManagedPolicies } from '../iam/managedPolicies';
import { actionFitsResource } from '../rules/resourceMismatch';
import { oneOrMany, type StatementJson } from './trust';
import type { RoleProblem } from './types';

/** IAM's default quota of managed policies per role (it can be raised to 20). */
const MANAGED_POLICY_QUOTA = 20;

/** Resolves managed policy names and ARNs to ARNs, or says which one is unknown. */
export function resolveManagedPolicies(texts: readonly string[]): { arns: string[]; problems: RoleProblem[] } {
  const arns: string[] = [];
  const problems: RoleProblem[] = [];
  for (const text of texts) {
    const trimmed = text.trim();
    if (/^arn:aws[a-z-]*:iam::\d{12}:policy\//.test(trimmed)) {
      const problem = arnProblem(trimmed);
      if (problem) problems.push({ field: 'managedPolicies', message: `${trimmed}: ${problem}` });
      else arns.push(trimmed);
      continue;
    }
    const policy = findManagedPolicy(trimmed);
    if (!policy) {
      const near = suggestManagedPolicies(trimmed);
      problems.push({ field: 'managedPolicies', message: `"${trimmed}" is not an AWS managed policy${near.length > 0 ? `; did you mean ${near.join(', ')}?` : '.'} Customer managed policies are given by ARN.` });
    } else if (policy.serviceLinkedOnly) {
      problems.push({ field: 'managedPolicies', message: `${policy.name} belongs to a service-linked role (${policy.path}) and cannot be attached to a role you create.` });
    } else if (!arns.includes(policy.arn)) {
      arns.push(policy.arn);
    }
  }
  if (arns.length > MANAGED_POLICY_QUOTA) problems.push({ field: 'managedPolicies', message: `A role can have at most ${MANAGED_POLICY_QUOTA} managed policies (10 unless the quota was raised); ${arns.length} were given.` });
  return { arns, problems };
}

/** Why an action string names no known action, if so. */
function actionProblem(text: string): string | undefined {
  const pattern = parseActionPattern(text);
  if (text === '*') return 'Action "*" allows everything: attach AdministratorAccess deliberately instead, or name the actions.';
  if (!pattern) return `"${text}" is not an action: write service:Action, like s3:GetObject.`;
  if (hasWildcard(pattern.service)) return `"${text}": name the service (s3:Get*), not a pattern of services.`;
  if (!hasService(pattern.service)) {
    const near = suggestServices(pattern.service);
    return `"${pattern.service}" is not a service prefix${near.length > 0 ? `; did you mean ${near.join(', ')}?` : '.'}`;
  }
  if (matchActions(text).length > 0) return undefined;
  const near = hasWildcard(pattern.name) ? [] : suggestActions(pattern.service, pattern.name);
  return `${text} matches no action of ${pattern.service}${near.length > 0 ? `; did you mean ${near.join(', ')}?` : '.'}`;
}

/** `arn:aws:s3:::${BucketName}/${ObjectName}` for the messages: the ARN formats an action applies to. */
function formats(action: string): string {
  const templates = new Set(matchActions(action).flatMap((a) => actionResourceTypes(a).map((t) => t.arn)));
  return [...templates].slice(0, 3).join(', ');
}

/**
 * Statements granting the actions, each action with the resources it can apply to, so that no
 * statement pairs an action with an ARN it ignores (`s3:ListBucket` gets the bucket, `s3:GetObject`
 * the objects). `*` is used only where every action the pattern matches accepts nothing else.
 */
export function permissionStatements(actions: readonly string[], resources: readonly string[]): { statements: StatementJson[]; problems: RoleProblem[] } {
  const problems: RoleProblem[] = [];
  for (const resource of resources) {
    const problem = resource === '*' ? undefined : arnProblem(resource);
    if (problem) problems.push({ field: 'resources', message: `${resource}: ${problem}` });
  }
  const groups = new Map<string, { actions: string[]; resources: string[] }>();
  for (const action of [...new Set(actions.map((a) => a.trim()))]) {
    const problem = actionProblem(action);
    if (problem) {
      problems.push({ field: 'actions', message: problem });
      continue;
    }
    const starOnly = matchActions(action).every((a) => actionResourceTypes(a).length === 0);
    const fitting = starOnly ? ['*'] : resources.filter((r) => r === '*' || actionFitsResource(action, r));
    if (fitting.length === 0) {
      problems.push({ field: 'resources', message: `${action} applies to ${formats(action)}; ${resources.length === 0 ? 'give' : 'none of the resources given is one: add'} such an ARN${resources.length === 0 ? '' : ', or "*"'}.` });
      continue;
    }
    const key = JSON.stringify(fitting);
    const group = groups.get(key) ?? { actions: [], resources: fitting };
    group.actions.push(action);
    groups.set(key, group);
  }
  const used = new Set([...groups.values()].flatMap((g) => g.resources));
  for (const resource of resources) {
    if (!used.has(resource) && !problems.some((p) => p.message.startsWith(`${resource}:`))) {
      problems.push({ field: 'resources', message: `None of the actions applies to ${resource}: remove it, or add the actions meant for it.` });
    }
  }
  const statements = [...groups.values()].map((g): StatementJson => ({ Effect: 'Allow', Action: oneOrMany(g.actions), Resource: oneOrMany(g.resources) }));
  return { statements, problems };
}
