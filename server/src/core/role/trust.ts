import { isSourceAwareService } from '../iam/confusedDeputy';
import type { RoleAnswers, TrustedEntity } from './types';
import { withoutScheme } from './validate';

/** A policy statement as the builder writes it (serialised with JSON.stringify). */
export interface StatementJson {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: Record<string, string | string[]>;
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

type Conditions = NonNullable<StatementJson['Condition']>;

/** One value alone, several as a list: how people write policies. */
export const oneOrMany = (values: readonly string[]): string | string[] => {
  const unique = [...new Set(values)];
  return unique.length === 1 ? unique[0] : unique;
};

/** StringLike where a value holds a wildcard (a branch pattern), StringEquals otherwise. */
const stringOperator = (value: string) => (/[*?]/.test(value) ? 'StringLike' : 'StringEquals');

function addCondition(conditions: Conditions, operator: string, key: string, value: string): Conditions {
  conditions[operator] = { ...conditions[operator], [key]: value };
  return conditions;
}

/** `arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com` */
export const oidcProviderArn = (account: string, issuer: string) => `arn:aws:iam::${account}:oidc-provider/${withoutScheme(issuer)}`;

/** The caller-side protections, for statements whose principals are people or a third party. */
function callerConditions(answers: RoleAnswers, externalId: string | undefined): Conditions {
  const conditions: Conditions = {};
  if (answers.mfa) addCondition(conditions, 'Bool', 'aws:MultiFactorAuthPresent', 'true');
  if (externalId !== undefined) addCondition(conditions, 'StringEquals', 'sts:ExternalId', externalId);
  return conditions;
}

function webIdentity(sid: string, providerArn: string, issuer: string, audience: string, subject: string): StatementJson {
  const conditions = addCondition({}, 'StringEquals', `${issuer}:aud`, audience);
  addCondition(conditions, stringOperator(subject), `${issuer}:sub`, subject);
  return { Sid: sid, Effect: 'Allow', Principal: { Federated: providerArn }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: conditions };
}

/**
 * The services of a statement, grouped by what their trust needs: EKS Pod Identity also tags the
 * session, and only source-aware services may be pinned to the account with aws:SourceAccount
 * (compute services send no source, so the key would lock them out).
 */
function serviceStatements(services: readonly string[], account: string | undefined): StatementJson[] {
  const pods: string[] = services.filter((s) => s === 'pods.eks.amazonaws.com');
  const pinned = account === undefined ? [] : services.filter((s) => isSourceAwareService(s));
  const others = services.filter((s) => !pods.includes(s) && !pinned.includes(s));
  const statements: StatementJson[] = [];
  if (others.length > 0) statements.push({ Sid: 'TrustService', Effect: 'Allow', Principal: { Service: oneOrMany(others) }, Action: 'sts:AssumeRole' });
  if (pinned.length > 0 && account !== undefined) {
    statements.push({
      Sid: 'TrustServiceForThisAccount',
      Effect: 'Allow',
      Principal: { Service: oneOrMany(pinned) },
      Action: 'sts:AssumeRole',
      // Against the confused deputy: the service acts for this account's resources only.
      Condition: { StringEquals: { 'aws:SourceAccount': account } },
    });
  }
  if (pods.length > 0) statements.push({ Sid: 'TrustEksPodIdentity', Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] });
  return statements;
}

/** The GitHub subject: a branch, an environment, or any ref of the repository. */
export function githubSubject(entity: Extract<TrustedEntity, { type: 'github' }>): string {
  const repo = `repo:${entity.repository}`;
  if (entity.environment !== undefined) return `${repo}:environment:${entity.environment}`;
  return entity.branch !== undefined ? `${repo}:ref:refs/heads/${entity.branch}` : `${repo}:*`;
}

export function gitlabSubject(entity: Extract<TrustedEntity, { type: 'gitlab' }>): string {
  const project = `project_path:${entity.project}`;
  return entity.branch !== undefined ? `${project}:ref_type:branch:ref:${entity.branch}` : `${project}:*`;
}

/**
 * The trust statements for one entity. `account` is the role's own account (checked present
 * where a provider ARN needs it); `externalId` the resolved ExternalId, if any.
 */
export function trustStatements(entity: TrustedEntity, answers: RoleAnswers, account: string, externalId: string | undefined): StatementJson[] {
  switch (entity.type) {
    case 'account':
    case 'principal': {
      const arns = entity.type === 'account' ? entity.accounts.map((id) => `arn:aws:iam::${id}:root`) : entity.arns;
      const conditions = callerConditions(answers, externalId);
      const statement: StatementJson = { Sid: entity.type === 'account' ? 'TrustAccount' : 'TrustPrincipal', Effect: 'Allow', Principal: { AWS: oneOrMany(arns) }, Action: 'sts:AssumeRole' };
      return [Object.keys(conditions).length > 0 ? { ...statement, Condition: conditions } : statement];
    }
    case 'service':
      return serviceStatements(entity.services, answers.account);
    case 'github':
      return [webIdentity('TrustGitHubActions', oidcProviderArn(account, 'token.actions.githubusercontent.com'), 'token.actions.githubusercontent.com', 'sts.amazonaws.com', githubSubject(entity))];
    case 'eks': {
      const issuer = withoutScheme(entity.issuer);
      return [webIdentity('TrustEksServiceAccount', oidcProviderArn(account, issuer), issuer, 'sts.amazonaws.com', `system:serviceaccount:${entity.namespace}:${entity.serviceAccount}`)];
    }
    case 'gitlab':
      return [webIdentity('TrustGitLab', oidcProviderArn(account, 'gitlab.com'), 'gitlab.com', 'https://gitlab.com', gitlabSubject(entity))];
    case 'saml':
      return [
        {
          Sid: 'TrustSaml',
          Effect: 'Allow',
          Principal: { Federated: entity.providerArn },
          Action: 'sts:AssumeRoleWithSAML',
          Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
        },
      ];
    case 'oidc': {
      const issuer = withoutScheme(entity.issuer);
      return [webIdentity('TrustOidc', oidcProviderArn(account, issuer), issuer, entity.audience, entity.subject)];
    }
  }
}
