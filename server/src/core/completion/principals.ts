import type { Node } from 'jsonc-parser';
import { SERVICE_PRINCIPALS } from '../iam/servicePrincipals';
import { keysWithValues } from '../jsonTree';
import { escapeMarkdown } from '../markdown';
import { accountChoices, accountDetail, type Account } from './accounts';
import type { PolicyKind } from '../types';
import { choice, tabStop, type Suggestion } from './suggestion';

/** Accounts offered with their root, role and user ARNs; more would bury the templates. */
const MAX_ACCOUNTS = 20;
/** Further accounts of the workspace, offered by their root ARN alone. */
const MAX_WORKSPACE_ACCOUNTS = 200;

const KEY_DOCS: Record<string, string> = {
  AWS: 'AWS accounts (`arn:aws:iam::111122223333:root`), IAM roles and users, assumed-role sessions, or `*`.',
  Service: 'AWS services, such as `lambda.amazonaws.com`.',
  Federated: 'An identity provider: an OIDC or SAML provider ARN, or `cognito-identity.amazonaws.com`.',
  CanonicalUser: 'An S3 canonical user id (64 hexadecimal characters), for S3 bucket policies.',
};

/** Keys of a Principal object that are not there yet; `CanonicalUser` only in resource policies. */
export function principalKeySuggestions(principal: Node | undefined, kind: PolicyKind): Suggestion[] {
  const keys = kind === 'resource' ? ['AWS', 'Service', 'Federated', 'CanonicalUser'] : ['AWS', 'Service', 'Federated'];
  const present = keysWithValues(principal);
  return keys
    .filter((k) => !present.has(k))
    .map((key) => ({ label: key, kind: 'property', text: key, value: '"$1"', retrigger: true, documentation: KEY_DOCS[key] }));
}

/** The value of `Principal` itself: an object to start from, or `*` in resource policies. */
export function principalValueSuggestions(kind: PolicyKind): Suggestion[] {
  const objects: Suggestion[] = ['AWS', 'Service', 'Federated'].map((key) => ({
    label: `{ "${key}": ... }`,
    kind: 'snippet',
    text: `{\n\t"${key}": "$1"\n}`,
    snippet: true,
    json: true,
    documentation: KEY_DOCS[key],
  }));
  if (kind !== 'resource') return objects;
  return [...objects, { label: '*', kind: 'principal', text: '*', detail: 'everyone', documentation: EVERYONE_DOC }];
}

const EVERYONE_DOC =
  'Anyone, including anonymous callers from any AWS account. Only safe with conditions that narrow it, such as `aws:PrincipalOrgID` or `aws:SourceVpce`.';

/** An account as a principal: `arn:aws:iam::ID:root`. */
function rootPrincipal(account: Account): Suggestion {
  const arn = `arn:aws:iam::${account.id}:root`;
  const name = account.name ? ` (${escapeMarkdown(account.name)})` : '';
  return { label: arn, kind: 'principal', detail: accountDetail(account), text: arn, documentation: `Account ${account.id}${name}: any of its users and roles that its own IAM policies allow.` };
}

/** Values under `AWS`: each known account's root, role and user ARNs, then templates. */
function awsPrincipals(kind: PolicyKind, accounts: readonly Account[]): Suggestion[] {
  const suggestions: Suggestion[] = [];
  const detailed = accounts.filter((a) => a.source !== 'workspace').slice(0, MAX_ACCOUNTS);
  const brief = accounts.filter((a) => !detailed.includes(a)).slice(0, MAX_WORKSPACE_ACCOUNTS);
  for (const account of detailed) {
    const name = account.name ? ` (${escapeMarkdown(account.name)})` : '';
    suggestions.push(
      rootPrincipal(account),
      { label: `arn:aws:iam::${account.id}:role/…`, kind: 'principal', detail: accountDetail(account), text: `arn:aws:iam::${account.id}:role/${tabStop(1, 'ROLE_NAME')}`, snippet: true, documentation: `A role of account ${account.id}${name}.` },
      { label: `arn:aws:iam::${account.id}:user/…`, kind: 'principal', detail: accountDetail(account), text: `arn:aws:iam::${account.id}:user/${tabStop(1, 'USER_NAME')}`, snippet: true, documentation: `An IAM user of account ${account.id}${name}.` },
    );
  }
  suggestions.push(...brief.map(rootPrincipal));
  suggestions.push(
    { label: 'arn:aws:iam::ACCOUNT_ID:root', kind: 'snippet', detail: 'an account', text: `arn:aws:iam::${tabStop(1, 'ACCOUNT_ID')}:root`, snippet: true, documentation: 'Any user or role of the account that its own IAM policies allow.' },
    { label: 'arn:aws:iam::ACCOUNT_ID:role/ROLE_NAME', kind: 'snippet', detail: 'a role', text: `arn:aws:iam::${tabStop(1, 'ACCOUNT_ID')}:role/${tabStop(2, 'ROLE_NAME')}`, snippet: true, documentation: 'One IAM role. If the role is deleted and re-created, the policy must be saved again.' },
    { label: 'arn:aws:iam::ACCOUNT_ID:user/USER_NAME', kind: 'snippet', detail: 'a user', text: `arn:aws:iam::${tabStop(1, 'ACCOUNT_ID')}:user/${tabStop(2, 'USER_NAME')}`, snippet: true, documentation: 'One IAM user.' },
    {
      label: 'arn:aws:sts::ACCOUNT_ID:assumed-role/ROLE_NAME/SESSION',
      kind: 'snippet',
      detail: 'a role session',
      text: `arn:aws:sts::${tabStop(1, 'ACCOUNT_ID')}:assumed-role/${tabStop(2, 'ROLE_NAME')}/${tabStop(3, 'SESSION')}`,
      snippet: true,
      documentation: 'One session of a role, by its session name.',
    },
  );
  if (kind === 'resource') suggestions.push({ label: '*', kind: 'principal', detail: 'everyone', text: '*', documentation: EVERYONE_DOC });
  return suggestions;
}

/** The account field of a federated principal: a choice of known accounts, or a fill-in. */
function accountField(accounts: readonly Account[]): string {
  return accounts.length > 0 ? choice(1, accountChoices(accounts)) : tabStop(1, 'ACCOUNT_ID');
}

function federatedPrincipals(accounts: readonly Account[]): Suggestion[] {
  const account = accountField(accounts);
  const oidc = (host: string) => `arn:aws:iam::${account}:oidc-provider/${host}`;
  const hostLabel = (host: string) => `arn:aws:iam::ACCOUNT_ID:oidc-provider/${host}`;
  return [
    {
      label: hostLabel('token.actions.githubusercontent.com'),
      kind: 'principal',
      detail: 'GitHub Actions (OIDC)',
      text: oidc('token.actions.githubusercontent.com'),
      snippet: true,
      documentation: 'GitHub Actions workflows. Use `sts:AssumeRoleWithWebIdentity`, and test `token.actions.githubusercontent.com:aud` and `:sub` (the repository).',
    },
    {
      label: hostLabel('oidc.eks.REGION.amazonaws.com/id/CLUSTER_ID'),
      kind: 'principal',
      detail: 'Amazon EKS service accounts (IRSA)',
      text: oidc(`oidc.eks.${tabStop(2, 'REGION')}.amazonaws.com/id/${tabStop(3, 'CLUSTER_ID')}`),
      snippet: true,
      documentation: "The cluster's OIDC issuer (`aws eks describe-cluster --query cluster.identity.oidc.issuer`). Test `:sub` (system:serviceaccount:NAMESPACE:NAME) and `:aud`.",
    },
    {
      label: hostLabel('gitlab.com'),
      kind: 'principal',
      detail: 'GitLab CI/CD (OIDC)',
      text: oidc('gitlab.com'),
      snippet: true,
      documentation: 'GitLab.com pipelines. Test `gitlab.com:sub` (project_path:GROUP/PROJECT:...) and `gitlab.com:aud`.',
    },
    {
      label: hostLabel('app.terraform.io'),
      kind: 'principal',
      detail: 'HCP Terraform (OIDC)',
      text: oidc('app.terraform.io'),
      snippet: true,
      documentation: 'HCP Terraform runs. Test `app.terraform.io:sub` (organization:ORG:project:...) and `app.terraform.io:aud`.',
    },
    {
      label: 'arn:aws:iam::ACCOUNT_ID:saml-provider/PROVIDER_NAME',
      kind: 'principal',
      detail: 'SAML 2.0 identity provider',
      text: `arn:aws:iam::${account}:saml-provider/${tabStop(2, 'PROVIDER_NAME')}`,
      snippet: true,
      documentation: 'A SAML provider (Okta, Entra ID, AD FS...). Use `sts:AssumeRoleWithSAML` and test `SAML:aud`.',
    },
    {
      label: 'cognito-identity.amazonaws.com',
      kind: 'principal',
      detail: 'Amazon Cognito identity pools',
      text: 'cognito-identity.amazonaws.com',
      documentation: 'Users of a Cognito identity pool. Test `cognito-identity.amazonaws.com:aud` (the pool id) and `:amr`.',
    },
    { label: 'accounts.google.com', kind: 'principal', detail: 'Google (web identity)', text: 'accounts.google.com', documentation: 'Google sign-in. Test `accounts.google.com:aud` (your OAuth client id).' },
    { label: 'www.amazon.com', kind: 'principal', detail: 'Login with Amazon', text: 'www.amazon.com', documentation: 'Login with Amazon. Test `www.amazon.com:app_id`.' },
    { label: 'graph.facebook.com', kind: 'principal', detail: 'Facebook (web identity)', text: 'graph.facebook.com', documentation: 'Facebook login. Test `graph.facebook.com:app_id`.' },
  ];
}

function servicePrincipals(kind: PolicyKind): Suggestion[] {
  const fitting = SERVICE_PRINCIPALS.filter((s) => kind === 'identity' || s.usedIn.includes(kind));
  const rest = SERVICE_PRINCIPALS.filter((s) => !fitting.includes(s));
  return [...fitting, ...rest].map((s) => ({ label: s.principal, kind: 'principal', text: s.principal, documentation: escapeMarkdown(s.description) }));
}

/** Values for one key of a Principal object. */
export function principalSuggestions(key: string, kind: PolicyKind, accounts: readonly Account[]): Suggestion[] {
  switch (key) {
    case 'AWS':
      return awsPrincipals(kind, accounts);
    case 'Service':
      return servicePrincipals(kind);
    case 'Federated':
      return federatedPrincipals(accounts);
    default:
      return [];
  }
}
