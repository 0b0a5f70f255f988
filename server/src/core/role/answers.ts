import type { RoleAnswers, RoleProblem, TrustedEntity } from './types';
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

/** Entities whose principals are AWS identities: the only ones MFA and an ExternalId apply to. */
export const isCaller = (entity: TrustedEntity) => entity.type === 'account' || entity.type === 'principal';
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

/** Every problem with the answers that can be told without the IAM data, in the order the wizard asks. */
export function answerProblems(answers: RoleAnswers): RoleProblem[] {
  const problems: RoleProblem[] = [];
  const add = (field: RoleProblem['field'], message: string | undefined) => message !== undefined && problems.push({ field, message });
  add('name', roleNameProblem(answers.name));
  if (answers.account !== undefined) add('account', accountIdProblem(answers.account));
  if (answers.trust.length === 0) add('trust', 'Say who can assume the role: an account, a role, a service, GitHub Actions, EKS, GitLab, SAML or another OIDC provider.');
  for (const entity of answers.trust) for (const message of entityProblems(entity)) add('trust', message);
  if (answers.account === undefined) {
    if (answers.trust.some(needsProviderArn)) add('account', "Give the role's account id: the trust policy names the OIDC provider of that account (arn:aws:iam::ACCOUNT:oidc-provider/...).");
    else if (answers.trust.some(isCaller)) add('account', "Give the role's account id: the trusted account's policy names the role's ARN.");
  }
  const callers = answers.trust.filter(isCaller);
  const others = answers.trust.filter((e) => !isCaller(e)).map((e) => e.type);
  if (answers.mfa && callers.length === 0) add('mfa', `MFA applies to people assuming the role from an AWS account or role; ${others.join(', ')} callers cannot present it.`);
  if (answers.externalId !== undefined && callers.length === 0) add('externalId', `An ExternalId applies to a third party's account assuming the role; ${others.join(', ')} callers cannot send one.`);
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
