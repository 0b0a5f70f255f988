import { isSourceAwareService } from '../iam/confusedDeputy';
import { isCallerType, type RoleAnswers, type RoleProblem, type TrustedEntity } from './types';
import {
  accountIdProblem,
  branchProblem,
  claimValueProblem,
  eksIssuerProblem,
  environmentProblem,
  externalIdProblem,
  githubRepositoryProblem,
  gitlabProjectProblem,
  kubernetesNameProblem,
  maxSessionDurationProblem,
  oidcIssuerProblem,
  principalArnProblem,
  roleNameProblem,
  samlProviderArnProblem,
  servicePrincipalProblem,
  sessionDurationProblem,
} from './validate';

const isCaller = (entity: TrustedEntity) => isCallerType(entity.type);
/** Entities whose trust names an OIDC provider of the role's own account. */
const needsProviderArn = (entity: TrustedEntity) => entity.type === 'github' || entity.type === 'eks' || entity.type === 'gitlab' || entity.type === 'oidc';

function entityProblems(entity: TrustedEntity): (string | undefined)[] {
  switch (entity.type) {
    case 'account':
      return entity.accounts.length === 0 ? ['Name at least one account id.'] : entity.accounts.map(accountIdProblem);
    case 'principal':
      return entity.arns.length === 0 ? ['Name at least one role ARN.'] : entity.arns.map(principalArnProblem);
    case 'service':
      return entity.services.length === 0 ? ['Name at least one service principal.'] : entity.services.map(servicePrincipalProblem);
    case 'github':
      if (entity.branch !== undefined && entity.environment !== undefined) return ['Pin a GitHub trust to a branch or to an environment, not both: a job with an environment has the environment as its subject.'];
      return [githubRepositoryProblem(entity.repository), entity.branch !== undefined ? branchProblem(entity.branch) : undefined, entity.environment !== undefined ? environmentProblem(entity.environment) : undefined];
    case 'eks':
      return [eksIssuerProblem(entity.issuer), kubernetesNameProblem(entity.namespace, 'namespace'), kubernetesNameProblem(entity.serviceAccount, 'service account')];
    case 'gitlab':
      return [gitlabProjectProblem(entity.project), entity.branch !== undefined ? branchProblem(entity.branch) : undefined];
    case 'saml':
      return [samlProviderArnProblem(entity.providerArn)];
    case 'oidc':
      return [oidcIssuerProblem(entity.issuer), claimValueProblem(entity.audience, 'audience'), claimValueProblem(entity.subject, 'subject')];
  }
}

const isStringList = (value: unknown) => Array.isArray(value) && value.every((v) => typeof v === 'string');
const ENTITY_FIELDS: Record<TrustedEntity['type'], { lists?: string[]; strings?: string[]; optional?: string[] }> = {
  account: { lists: ['accounts'] },
  principal: { lists: ['arns'] },
  service: { lists: ['services'] },
  github: { strings: ['repository'], optional: ['branch', 'environment'] },
  eks: { strings: ['issuer', 'namespace', 'serviceAccount'] },
  gitlab: { strings: ['project'], optional: ['branch'] },
  saml: { strings: ['providerArn'] },
  oidc: { strings: ['issuer', 'audience', 'subject'] },
};

/**
 * What is wrong with the shape of answers from a caller we did not write (a command argument, a
 * request from another client): the builder reads only answers that pass.
 */
export function shapeProblem(answers: unknown): string | undefined {
  if (typeof answers !== 'object' || answers === null) return 'The answers must be an object.';
  const a = answers as Record<string, unknown>;
  if (typeof a.name !== 'string') return '"name" must be a string.';
  if (!Array.isArray(a.trust)) return '"trust" must be a list of trusted entities.';
  for (const entity of a.trust as unknown[]) {
    const e = entity as Record<string, unknown> | null;
    const fields = e && typeof e === 'object' && typeof e.type === 'string' && Object.hasOwn(ENTITY_FIELDS, e.type) ? ENTITY_FIELDS[e.type as TrustedEntity['type']] : undefined;
    if (!e || !fields) return `Each trusted entity needs a "type": ${Object.keys(ENTITY_FIELDS).join(', ')}.`;
    for (const key of fields.lists ?? []) if (!isStringList(e[key])) return `"${key}" of a ${String(e.type)} entity must be a list of strings.`;
    for (const key of fields.strings ?? []) if (typeof e[key] !== 'string') return `"${key}" of a ${String(e.type)} entity must be a string.`;
    for (const key of fields.optional ?? []) if (e[key] !== undefined && typeof e[key] !== 'string') return `"${key}" of a ${String(e.type)} entity must be a string.`;
  }
  if (a.account !== undefined && typeof a.account !== 'string') return '"account" must be a string.';
  for (const key of ['managedPolicies', 'actions', 'resources']) if (a[key] !== undefined && !isStringList(a[key])) return `"${key}" must be a list of strings.`;
  for (const key of ['maxSessionDuration', 'sessionDuration']) if (a[key] !== undefined && typeof a[key] !== 'number') return `"${key}" must be a number of seconds.`;
  if (a.mfa !== undefined && typeof a.mfa !== 'boolean') return '"mfa" must be true or false.';
  const id = a.externalId;
  if (id !== undefined && typeof id !== 'string' && !(typeof id === 'object' && id !== null && (id as { generate?: unknown }).generate === true)) {
    return '"externalId" must be a string or { "generate": true }.';
  }
  return undefined;
}

/** Every problem with answers of the right shape (see `shapeProblem`) that can be told without the IAM data, in the order the wizard asks. */
export function answerProblems(answers: RoleAnswers): RoleProblem[] {
  const problems: RoleProblem[] = [];
  const add = (field: RoleProblem['field'], message: string | undefined) => message !== undefined && problems.push({ field, message });
  add('name', roleNameProblem(answers.name));
  if (answers.account !== undefined) add('account', accountIdProblem(answers.account));
  if (answers.trust.length === 0) add('trust', 'Say who can assume the role: an account, a role, a service, GitHub Actions, EKS, GitLab, SAML or another OIDC provider.');
  for (const entity of answers.trust) for (const message of entityProblems(entity)) add('trust', message);
  if (answers.account === undefined) {
    if (answers.trust.some(needsProviderArn)) add('account', "Give the role's account id: the trust policy names the OIDC provider of that account (arn:aws:iam::ACCOUNT:oidc-provider/...).");
    else if (answers.trust.some((e) => e.type === 'service' && e.services.some(isSourceAwareService))) {
      add('account', "Give the role's account id: the service may act only for that account (aws:SourceAccount), against the confused deputy problem.");
    }
    else if (answers.trust.some(isCaller)) add('account', "Give the role's account id: the trusted account's policy names the role's ARN.");
  }
  const callers = answers.trust.filter(isCaller);
  const others = answers.trust.filter((e) => !isCaller(e)).map((e) => e.type);
  if (answers.mfa && callers.length === 0 && others.length > 0) add('mfa', `MFA applies to people assuming the role from an AWS account or role; ${others.join(', ')} callers cannot present it.`);
  if (answers.externalId !== undefined && callers.length === 0 && others.length > 0) add('externalId', `An ExternalId applies to a third party's account assuming the role; ${others.join(', ')} callers cannot send one.`);
  if (typeof answers.externalId === 'string') add('externalId', externalIdProblem(answers.externalId));
  if (answers.trust.some((e) => e.type === 'account') && !answers.mfa && answers.externalId === undefined) {
    add(
      'trust',
      'Trusting a whole account lets every user and role in it that is allowed sts:AssumeRole in. Require MFA (people), an ExternalId (a third party), or name the roles that may assume it (role:ARN) instead of the account.',
    );
  }
  if (answers.maxSessionDuration !== undefined) add('maxSessionDuration', maxSessionDurationProblem(answers.maxSessionDuration));
  if (answers.sessionDuration !== undefined) add('sessionDuration', sessionDurationProblem(answers.sessionDuration, answers.maxSessionDuration ?? 3600));
  if ((answers.resources ?? []).length > 0 && (answers.actions ?? []).length === 0) add('actions', 'Resources were given without actions: say which actions the role may perform on them.');
  return problems;
}
