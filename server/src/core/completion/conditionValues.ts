import { FILL_IN_ORGANIZATION_ID, lookupConditionKey, readOperator } from '../iam';
import { REGIONS } from '../iam/regions';
import { SERVICE_PRINCIPALS } from '../iam/servicePrincipals';
import { escapeMarkdown } from '../markdown';
import { accountDetail, type Account } from './accounts';
import { boolOrder } from './conditions';
import { tabStop, type Suggestion } from './suggestion';

const value = (label: string, documentation?: string, detail?: string): Suggestion => ({ label, kind: 'value', text: label, ...(detail ? { detail } : {}), ...(documentation ? { documentation } : {}) });
const template = (label: string, text: string, documentation: string, detail?: string): Suggestion => ({ label, kind: 'snippet', text, snippet: true, documentation, ...(detail ? { detail } : {}) });

const ACCOUNT_KEYS = new Set(['aws:sourceaccount', 'aws:principalaccount', 'aws:resourceaccount', 'aws:vpceaccount', 'aws:sourceowner']);
const ORG_KEYS = new Set(['aws:principalorgid', 'aws:resourceorgid', 'aws:sourceorgid', 'aws:vpceorgid']);
const CALLED_VIA_KEYS = new Set(['aws:calledvia', 'aws:calledviafirst', 'aws:calledvialast']);
const SERVICE_NAME_KEYS = new Set(['aws:principalservicename', 'aws:principalservicenameslist']);
/** Lists of account ids are long in some workspaces: the first ones are the relevant ones. */
const MAX_ACCOUNT_VALUES = 200;
const PRINCIPAL_TYPES = ['Account', 'User', 'FederatedUser', 'AssumedRole', 'Anonymous'];

const GITHUB_SUBJECTS: Suggestion[] = [
  template('repo:OWNER/REPO:ref:refs/heads/main', `repo:${tabStop(1, 'OWNER')}/${tabStop(2, 'REPO')}:ref:refs/heads/${tabStop(3, 'main')}`, 'Workflows of one repository running on one branch.', 'one branch'),
  template('repo:OWNER/REPO:environment:NAME', `repo:${tabStop(1, 'OWNER')}/${tabStop(2, 'REPO')}:environment:${tabStop(3, 'production')}`, 'Jobs of one repository that use one GitHub environment (protect it with required reviewers).', 'one environment'),
  template('repo:OWNER/REPO:pull_request', `repo:${tabStop(1, 'OWNER')}/${tabStop(2, 'REPO')}:pull_request`, 'Workflows triggered by pull requests of one repository (including from forks, when they are allowed to run).', 'pull requests'),
  template('repo:OWNER/REPO:ref:refs/tags/TAG', `repo:${tabStop(1, 'OWNER')}/${tabStop(2, 'REPO')}:ref:refs/tags/${tabStop(3, 'v*')}`, 'Workflows of one repository running for tags (with StringLike for a pattern).', 'tags'),
];

function claimValues(claim: string, providerId: string | undefined, wildcards: boolean): Suggestion[] {
  const lower = claim.toLowerCase();
  if (providerId === 'saml' && lower === 'aud') {
    return [
      value('https://signin.aws.amazon.com/saml', 'The AWS sign-in endpoint: the audience of SAML assertions for console and CLI sign-in.'),
      template('https://REGION.signin.aws.amazon.com/saml', `https://${tabStop(1, 'REGION')}.signin.aws.amazon.com/saml`, 'A regional sign-in endpoint, when the identity provider posts to one.'),
    ];
  }
  if (lower === 'aud') {
    switch (providerId) {
      case 'github':
      case 'eks':
        return [value('sts.amazonaws.com', 'The audience the official tooling requests (configure-aws-credentials, the EKS pod identity webhook).')];
      case 'terraform':
        return [value('aws.workload.identity', "HCP Terraform's default audience for AWS.")];
      case 'gitlab':
        return [value('https://gitlab.com', 'The audience most jobs set in id_tokens (it must match the aud of the job).')];
      case 'cognito':
        return [template('REGION:IDENTITY_POOL_ID', `${tabStop(1, 'REGION')}:${tabStop(2, 'IDENTITY_POOL_ID')}`, 'The identity pool id, such as us-east-1:12345678-1234-1234-1234-123456789012.')];
      default:
        return [];
    }
  }
  if (lower === 'sub') {
    switch (providerId) {
      case 'github':
        return wildcards
          ? [...GITHUB_SUBJECTS, template('repo:OWNER/REPO:*', `repo:${tabStop(1, 'OWNER')}/${tabStop(2, 'REPO')}:*`, 'Any workflow of one repository (any branch, tag, environment or pull request).', 'whole repository')]
          : GITHUB_SUBJECTS;
      case 'eks':
        return [template('system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT', `system:serviceaccount:${tabStop(1, 'NAMESPACE')}:${tabStop(2, 'SERVICE_ACCOUNT')}`, 'One Kubernetes service account.')];
      case 'gitlab':
        return [template('project_path:GROUP/PROJECT:ref_type:branch:ref:main', `project_path:${tabStop(1, 'GROUP')}/${tabStop(2, 'PROJECT')}:ref_type:branch:ref:${tabStop(3, 'main')}`, 'Pipelines of one project on one branch.')];
      case 'terraform':
        return [
          template(
            'organization:ORGANIZATION:project:PROJECT:workspace:WORKSPACE:run_phase:apply',
            `organization:${tabStop(1, 'ORGANIZATION')}:project:${tabStop(2, 'PROJECT')}:workspace:${tabStop(3, 'WORKSPACE')}:run_phase:\${4|plan,apply|}`,
            'Runs of one workspace, in one phase.',
          ),
        ];
      default:
        return [];
    }
  }
  if (providerId === 'github' && lower === 'repository') return [template('OWNER/REPO', `${tabStop(1, 'OWNER')}/${tabStop(2, 'REPO')}`, 'One repository.')];
  if (providerId === 'cognito' && lower === 'amr') {
    return [value('authenticated', 'Users who signed in.'), value('unauthenticated', 'Guests of the identity pool.')];
  }
  return [];
}

const boolValues = (trueDoc: string, falseDoc: string, order: readonly string[] = ['true', 'false']) =>
  order.map((v) => (v === 'true' ? value('true', trueDoc) : value('false', falseDoc)));

/** Services that make requests on the caller's behalf with its credentials, as aws:CalledVia names them. */
const CALLED_VIA_SERVICES = ['athena.amazonaws.com', 'cloudformation.amazonaws.com', 'dynamodb.amazonaws.com', 'kms.amazonaws.com'];

/** Values for a condition key where we know them: Bool and Null, claims, accounts, Regions, generated ExternalIds. */
export function conditionValueSuggestions(operatorText: string, key: string, effect: string | undefined, accounts: readonly Account[], externalId: () => string): Suggestion[] {
  const reading = readOperator(operatorText);
  const operator = 'operator' in reading ? reading.operator : undefined;
  if (operator?.family === 'Null') return boolValues(`The key is absent from the request.`, `The key is present (with any value).`);
  const found = lookupConditionKey(key);
  const lower = key.toLowerCase();
  if (found.status === 'claim') return claimValues(key.slice(key.lastIndexOf(':') + 1), found.provider?.id, !!operator?.wildcards);
  if (lower === 'sts:externalid') {
    const id = externalId();
    return [
      {
        label: id,
        kind: 'value',
        text: id,
        detail: 'new random ExternalId',
        documentation: 'A fresh random ExternalId (32 letters and digits). Give the same value to the third party that assumes the role; it must send it with every AssumeRole call.',
      },
    ];
  }
  if (ACCOUNT_KEYS.has(lower)) return accounts.slice(0, MAX_ACCOUNT_VALUES).map((a) => value(a.id, a.name ? `Account ${escapeMarkdown(a.name)}.` : undefined, accountDetail(a)));
  if (ORG_KEYS.has(lower)) return [template(FILL_IN_ORGANIZATION_ID, tabStop(1, FILL_IN_ORGANIZATION_ID), 'Your organization id, from `aws organizations describe-organization`.')];
  if (lower === 'aws:requestedregion') return REGIONS.map((r) => value(r.code, undefined, r.name));
  if (lower === 'aws:principaltype') return PRINCIPAL_TYPES.map((t) => value(t));
  if (CALLED_VIA_KEYS.has(lower)) return CALLED_VIA_SERVICES.map((s) => value(s));
  if (SERVICE_NAME_KEYS.has(lower)) return SERVICE_PRINCIPALS.map((s) => value(s.principal, escapeMarkdown(s.description)));
  if (lower === 'aws:principalarn') {
    return [
      ...accounts.slice(0, 20).map((a) => template(`arn:aws:iam::${a.id}:role/…`, `arn:aws:iam::${a.id}:role/${tabStop(1, 'ROLE_NAME')}`, `A role of account ${a.id}.`, a.name || undefined)),
      template('arn:aws:iam::ACCOUNT_ID:role/ROLE_NAME', `arn:aws:iam::${tabStop(1, 'ACCOUNT_ID')}:role/${tabStop(2, 'ROLE_NAME')}`, 'One role; with ArnLike, `role/team-*` names several.'),
    ];
  }
  const type = found.status === 'global' || found.status === 'service' ? found.type : undefined;
  if (type === 'Bool' || operator?.family === 'Bool') return boolValues('The key is true.', 'The key is false.', boolOrder(key, effect));
  if (lower === 'aws:multifactorauthage') return [value('3600', 'MFA within the last hour.')];
  if (type === 'IPAddress' || operator?.family === 'IpAddress') return [template('203.0.113.0/24', tabStop(1, '203.0.113.0/24'), 'An IPv4 or IPv6 address or CIDR range.')];
  return [];
}
