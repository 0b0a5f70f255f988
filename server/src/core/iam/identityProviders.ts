import type { ConditionKeyType } from './data';
import { ARN_FIELD } from './placeholders';

/** Web identity issuers IAM knows without an OIDC provider: a trust names them directly (`"Federated": "accounts.google.com"`). */
export const WEB_IDENTITY_HOSTS: ReadonlySet<string> = new Set(['cognito-identity.amazonaws.com', 'cognito-identity.amazonaws.com.cn', 'www.amazon.com', 'graph.facebook.com', 'accounts.google.com']);

// The account may be a CloudFormation reference (`${AWS::AccountId}`), as in templates' `!Sub` trust policies.
const OIDC_PROVIDER = new RegExp(String.raw`^arn:${ARN_FIELD}:iam::(?:${ARN_FIELD})?:oidc-provider\/(.+)$`);
const SAML_PROVIDER = new RegExp(String.raw`^arn:${ARN_FIELD}:iam::(?:${ARN_FIELD})?:saml-provider\/.+$`);

/** A claim of a web identity or SAML token that trust policies can test as `<issuer>:<claim>`. */
export interface ClaimInfo {
  claim: string;
  type: ConditionKeyType;
  description: string;
}

export type ProviderId = 'github' | 'eks' | 'gitlab' | 'terraform' | 'cognito' | 'google' | 'amazon' | 'facebook' | 'saml';

export interface IdentityProvider {
  id: ProviderId;
  name: string;
  /** Matches the issuer part of a key (`token.actions.githubusercontent.com`), lower-cased. */
  issuer: RegExp;
  claims: readonly ClaimInfo[];
}

const AUD = (what: string): ClaimInfo => ({ claim: 'aud', type: 'String', description: `The audience of the token: ${what}.` });

const GITHUB_CLAIMS: readonly ClaimInfo[] = [
  AUD('sts.amazonaws.com for the official configure-aws-credentials action'),
  {
    claim: 'sub',
    type: 'String',
    description:
      'The subject: which repository and which ref, environment or event the workflow runs for, e.g. repo:OWNER/REPO:ref:refs/heads/main, repo:OWNER/REPO:environment:prod, repo:OWNER/REPO:pull_request, or the immutable form repo:OWNER@OWNER_ID/REPO@REPO_ID:.... Without it any repository on GitHub can assume the role.',
  },
  { claim: 'actor', type: 'String', description: 'The personal account that started the workflow run.' },
  { claim: 'actor_id', type: 'String', description: 'The id of the personal account that started the workflow run.' },
  { claim: 'enterprise_id', type: 'String', description: 'The id of the enterprise owning the repository.' },
  { claim: 'environment', type: 'String', description: 'The deployment environment of the job.' },
  { claim: 'job_workflow_ref', type: 'String', description: 'The reusable workflow of the job, OWNER/REPO/.github/workflows/FILE@REF.' },
  { claim: 'ref', type: 'String', description: 'The git ref that triggered the run, e.g. refs/heads/main.' },
  { claim: 'repository', type: 'String', description: 'The repository the workflow runs in, OWNER/REPO.' },
  { claim: 'repository_id', type: 'String', description: 'The immutable id of the repository (survives renames and re-creation).' },
  { claim: 'repository_owner_id', type: 'String', description: 'The immutable id of the repository owner.' },
  { claim: 'workflow', type: 'String', description: 'The name of the workflow.' },
];

const SUB_AUD = (sub: string, aud: string): ClaimInfo[] => [AUD(aud), { claim: 'sub', type: 'String', description: `The subject: ${sub}.` }];

/**
 * Identity providers whose claims we know. The bundled IAM data lacks GitHub's `sub`/`aud` and
 * every EKS key; other providers' extra claims come from the data (`sts` keys).
 */
export const IDENTITY_PROVIDERS: readonly IdentityProvider[] = [
  {
    id: 'github',
    name: 'GitHub Actions',
    issuer: /^token\.actions\.(githubusercontent\.com(\/[^:]+)?|[a-z0-9-]+\.ghe\.com)$/,
    claims: GITHUB_CLAIMS,
  },
  {
    id: 'eks',
    name: 'Amazon EKS (IAM roles for service accounts)',
    issuer: /^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/id\/[0-9a-z]+$/,
    claims: SUB_AUD('the Kubernetes service account, system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT', 'sts.amazonaws.com'),
  },
  {
    id: 'gitlab',
    name: 'GitLab CI/CD',
    issuer: /^gitlab\.com$/,
    claims: [
      ...SUB_AUD('project and ref, project_path:GROUP/PROJECT:ref_type:branch:ref:main', 'the aud configured in the job\'s id_tokens (often https://gitlab.com)'),
      { claim: 'namespace_id', type: 'String', description: 'The id of the group or user namespace of the project.' },
      { claim: 'pipeline_source', type: 'String', description: 'What started the pipeline (push, merge_request_event, schedule...).' },
      { claim: 'project_id', type: 'String', description: 'The id of the project.' },
      { claim: 'ref_protected', type: 'String', description: '"true" when the ref is protected.' },
      { claim: 'runner_environment', type: 'String', description: 'gitlab-hosted or self-hosted.' },
      { claim: 'user_access_level', type: 'String', description: 'The access level of the user who started the pipeline.' },
      { claim: 'user_email', type: 'String', description: 'The email of the user who started the pipeline.' },
      { claim: 'user_id', type: 'String', description: 'The id of the user who started the pipeline.' },
      { claim: 'user_login', type: 'String', description: 'The username of the user who started the pipeline.' },
    ],
  },
  {
    id: 'terraform',
    name: 'HCP Terraform',
    issuer: /^app\.terraform\.io$/,
    claims: SUB_AUD('organization:ORG:project:PROJECT:workspace:WORKSPACE:run_phase:plan|apply', 'aws.workload.identity by default'),
  },
  {
    id: 'cognito',
    name: 'Amazon Cognito identity pools',
    issuer: /^cognito-identity\.amazonaws\.com(\.cn)?$/,
    claims: [
      AUD('the identity pool id (REGION:GUID); test it with StringEquals, or any pool in any account can use the role'),
      { claim: 'sub', type: 'String', description: 'The Cognito identity id of the user.' },
      {
        claim: 'amr',
        type: 'ArrayOfString',
        description: 'How the user signed in: "authenticated" or "unauthenticated", plus the login providers. Multi-valued: use ForAnyValue:StringLike.',
      },
    ],
  },
  {
    id: 'google',
    name: 'Google',
    issuer: /^accounts\.google\.com$/,
    claims: [
      AUD('the OAuth client id of your application'),
      { claim: 'sub', type: 'String', description: 'The Google user id.' },
      { claim: 'oaud', type: 'String', description: 'The other audience of the token, when aud holds the authorized party.' },
      { claim: 'google/organization_number', type: 'Numeric', description: 'The Google Cloud organization number.' },
    ],
  },
  {
    id: 'amazon',
    name: 'Login with Amazon',
    issuer: /^www\.amazon\.com$/,
    claims: [
      { claim: 'app_id', type: 'String', description: 'The Login with Amazon application id.' },
      { claim: 'user_id', type: 'String', description: 'The Login with Amazon user id.' },
    ],
  },
  {
    id: 'facebook',
    name: 'Facebook',
    issuer: /^graph\.facebook\.com$/,
    claims: [
      { claim: 'app_id', type: 'String', description: 'The Facebook application id.' },
      { claim: 'id', type: 'String', description: 'The Facebook user id.' },
    ],
  },
  {
    id: 'saml',
    name: 'SAML 2.0',
    issuer: /^saml$/,
    claims: [
      AUD('the SAML endpoint the assertion was posted to, https://signin.aws.amazon.com/saml for console sign-in'),
      { claim: 'sub', type: 'String', description: 'The subject (NameID) of the assertion.' },
      { claim: 'sub_type', type: 'String', description: 'The format of the subject: persistent, transient or the full format URI.' },
      { claim: 'iss', type: 'String', description: 'The issuer of the assertion (the IdP\'s entity id).' },
      { claim: 'namequalifier', type: 'String', description: 'A hash of the issuer, the account id and the provider name: unique per user and provider.' },
      { claim: 'doc', type: 'String', description: 'The principal that was used to assume the role: ACCOUNT/PROVIDER.' },
    ],
  },
];

/** The provider whose issuer (the part of a key before the claim) this is, lower-cased. */
export function providerForIssuer(issuer: string): IdentityProvider | undefined {
  const lower = issuer.toLowerCase();
  return IDENTITY_PROVIDERS.find((p) => p.issuer.test(lower));
}

/**
 * The provider of a Federated principal: an OIDC provider ARN (`arn:aws:iam::1:oidc-provider/HOST`),
 * a SAML provider ARN, or a web identity host (`cognito-identity.amazonaws.com`).
 */
export function providerForFederated(principal: string): { issuer: string; provider: IdentityProvider | undefined } | undefined {
  const oidc = OIDC_PROVIDER.exec(principal);
  if (oidc) return { issuer: oidc[1], provider: providerForIssuer(oidc[1]) };
  if (SAML_PROVIDER.test(principal)) return { issuer: 'saml', provider: providerForIssuer('saml') };
  const host = providerForIssuer(principal);
  return host ? { issuer: principal, provider: host } : undefined;
}
