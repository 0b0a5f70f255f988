import { actionResourceTypes, arnProblem, firstPlaceholder, hasService, hasWildcard, matchActions, parseActionPattern, suggestActions, suggestServices } from '../iam';
import { findManagedPolicy, suggestManagedPolicies } from '../iam/managedPolicies';
import { actionFitsResource } from '../rules/resourceMismatch';
import { oneOrMany, type StatementJson } from './trust';
import type { RoleProblem } from './types';

/** Managed policies per role: 10 by default, at most 20 once the quota is raised. */
const MANAGED_POLICY_DEFAULT_QUOTA = 10;
const MANAGED_POLICY_MAX_QUOTA = 20;
/** A customer managed policy ARN: path and name of IAM's characters only (they end up in commands and templates). */
const CUSTOMER_POLICY_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::\d{12}:policy\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,128}$/;

/** Resolves managed policy names and ARNs to ARNs, or says which one is unknown. */
export function resolveManagedPolicies(texts: readonly string[]): { arns: string[]; problems: RoleProblem[]; warnings: string[] } {
  const arns: string[] = [];
  const problems: RoleProblem[] = [];
  for (const text of texts) {
    const trimmed = text.trim();
    if (/^arn:/.test(trimmed) && !/^arn:[^:]*:iam::aws:policy\//.test(trimmed)) {
      if (!CUSTOMER_POLICY_ARN.test(trimmed)) {
        problems.push({ field: 'managedPolicies', message: `"${trimmed}" is not a managed policy ARN, like arn:aws:iam::111122223333:policy/MyPolicy (names of letters, digits and + = , . @ _ -).` });
      } else if (!arns.includes(trimmed)) {
        arns.push(trimmed);
      }
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
  if (arns.length > MANAGED_POLICY_MAX_QUOTA) {
    problems.push({ field: 'managedPolicies', message: `A role can have at most ${MANAGED_POLICY_MAX_QUOTA} managed policies (${MANAGED_POLICY_DEFAULT_QUOTA} unless the quota was raised); ${arns.length} were given.` });
  }
  const warnings =
    arns.length > MANAGED_POLICY_DEFAULT_QUOTA && arns.length <= MANAGED_POLICY_MAX_QUOTA
      ? [`${arns.length} managed policies: IAM allows ${MANAGED_POLICY_DEFAULT_QUOTA} per role unless the account's quota was raised (up to ${MANAGED_POLICY_MAX_QUOTA}).`]
      : [];
  return { arns, problems, warnings };
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
export function permissionStatements(actions: readonly string[], resourceTexts: readonly string[]): { statements: StatementJson[]; problems: RoleProblem[] } {
  const problems: RoleProblem[] = [];
  const resources = [...new Set(resourceTexts.map((r) => r.trim()))];
  const malformed = new Set<string>();
  for (const resource of resources) {
    const placeholder = firstPlaceholder(resource);
    const problem = placeholder ? `replace ${placeholder} with the real value.` : resource === '*' ? undefined : arnProblem(resource);
    if (!problem) continue;
    malformed.add(resource);
    problems.push({ field: 'resources', message: `${resource}: ${problem}` });
  }
  const named = resources.filter((r) => r !== '*');
  const groups = new Map<string, { actions: string[]; resources: string[] }>();
  for (const action of [...new Set(actions.map((a) => a.trim()))]) {
    const problem = actionProblem(action);
    if (problem) {
      problems.push({ field: 'actions', message: problem });
      continue;
    }
    // "*" goes only to actions that no given ARN fits: a "*" for sts:GetCallerIdentity must not widen s3:GetObject.
    const starOnly = matchActions(action).every((a) => actionResourceTypes(a).length === 0);
    const fits = starOnly ? [] : named.filter((r) => actionFitsResource(action, r));
    const fitting = fits.length > 0 ? fits : starOnly || resources.includes('*') ? ['*'] : [];
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
  // Once an action is unknown, a resource meant for it looks unused: say only what is wrong first.
  const actionsKnown = !problems.some((p) => p.field === 'actions');
  for (const resource of resources) {
    if (actionsKnown && !used.has(resource) && !malformed.has(resource)) {
      problems.push({ field: 'resources', message: `None of the actions applies to ${resource}: remove it, or add the actions meant for it.` });
    }
  }
  const statements = [...groups.values()].map((g): StatementJson => ({ Effect: 'Allow', Action: oneOrMany(g.actions), Resource: oneOrMany(g.resources) }));
  return { statements, problems };
}
