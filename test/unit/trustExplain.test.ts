import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPolicyService, type StatementExplanation } from '../../server/src/core';
import { readPolicy } from '../../server/src/core/policyModel';
import { explainTrustPolicy } from '../../server/src/core/trust/explain';
import { policy } from './helpers';

const service = createPolicyService();

const OWN = '111122223333';
const OTHER = '444455556666';
const GITHUB = 'token.actions.githubusercontent.com';
const GITHUB_PROVIDER = `arn:aws:iam::${OWN}:oidc-provider/${GITHUB}`;
const EKS = 'oidc.eks.eu-west-1.amazonaws.com/id/5E1F2A3B4C5D6E7F8A9B0C1D2E3F4A5B';
const IDENTITY_POOL = 'us-east-1:0f1e2d3c-4b5a-4697-8876-a1b2c3d4e5f6';

/** The explanations of a document read as a trust policy. */
function explain(text: string): StatementExplanation[] {
  const explained = service.explainTrust(service.parse(text), { kindSetting: 'trust' });
  assert.ok(explained, 'not explained as a trust policy');
  return explained;
}
/** The summary of each statement. */
const summaries = (text: string) => explain(text).map((e) => e.summary);

const allow = (principal: unknown, action: unknown, condition?: Record<string, unknown>) => ({
  Effect: 'Allow',
  Principal: principal,
  Action: action,
  ...(condition ? { Condition: condition } : {}),
});
const web = (provider: string, condition: Record<string, unknown>) => policy([allow({ Federated: provider }, 'sts:AssumeRoleWithWebIdentity', condition)]);
const github = (sub: unknown, operator = 'StringEquals') =>
  web(GITHUB_PROVIDER, { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' }, [operator]: { [`${GITHUB}:sub`]: sub } });

describe('explainTrust: AWS principals', () => {
  it('explains an account root with MFA in the last hour, merging the two MFA conditions', () => {
    const text = policy([
      allow({ AWS: `arn:aws:iam::${OTHER}:root` }, 'sts:AssumeRole', {
        Bool: { 'aws:MultiFactorAuthPresent': 'true' },
        NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' },
      }),
    ]);
    const [explained] = explain(text);
    assert.equal(explained.summary, 'Any principal in account 444455556666 whose own policies allow sts:AssumeRole on this role, with MFA in the last 60 minutes');
    assert.deepEqual(explained.conditions, ['with MFA', 'with MFA in the last 60 minutes']);
    assert.deepEqual(explained.actions, ['sts:AssumeRole']);
    assert.equal(explained.effect, 'Allow');
    assert.equal(explained.index, 0);
  });

  it('explains a third party that must present an ExternalId', () => {
    const text = policy([{ Sid: 'VendorAudit', ...allow({ AWS: OTHER }, 'sts:AssumeRole', { StringEquals: { 'sts:ExternalId': 'Xk4tR9vQ2mLp7Wz3Nc8Bh5Yd' } }) }]);
    const [explained] = explain(text);
    assert.equal(explained.summary, 'Any principal in account 444455556666 whose own policies allow sts:AssumeRole on this role, that present the agreed ExternalId');
    assert.equal(explained.sid, 'VendorAudit');
    assert.equal(text.slice(explained.span.offset, explained.span.offset + explained.span.length)[0], '{');
  });

  it('explains roles and users, and the same role name in many accounts once', () => {
    const accounts = ['111111111111', '222222222222', '333333333333', '555555555555', '666666666666'];
    const text = policy([
      allow({ AWS: [...accounts.map((a) => `arn:aws:iam::${a}:role/Deploy`), `arn:aws:iam::${OTHER}:user/alice`] }, 'sts:AssumeRole'),
      allow({ AWS: [`arn:aws:iam::${OTHER}:role/ci/Builder`, `arn:aws:iam::${OWN}:role/ci/Builder`] }, 'sts:AssumeRole'),
    ]);
    assert.deepEqual(summaries(text), [
      'The role Deploy in 5 accounts (111111111111, 222222222222, 333333333333, …) or the IAM user alice in account 444455556666',
      'The role Builder in 2 accounts (444455556666, 111122223333)',
    ]);
  });

  it('explains other conditions as tests, and an organization guard', () => {
    const text = policy([
      allow({ AWS: OTHER }, 'sts:AssumeRole', {
        StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' },
        IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.7/32'] },
      }),
    ]);
    assert.deepEqual(summaries(text), [
      'Any principal in account 444455556666 whose own policies allow sts:AssumeRole on this role, only from the organization o-a1b2c3d4e5, when aws:SourceIp is in "203.0.113.0/24" or "198.51.100.7/32"',
    ]);
  });

  it('explains service roles, with and without the source of a confused-deputy-prone service', () => {
    assert.deepEqual(summaries(policy([allow({ Service: 'lambda.amazonaws.com' }, 'sts:AssumeRole')])), ['Lambda functions (lambda.amazonaws.com) given this role']);
    assert.deepEqual(summaries(policy([allow({ Service: ['ec2.amazonaws.com', 'ecs-tasks.amazonaws.com'] }, 'sts:AssumeRole')])), [
      'EC2 instances (ec2.amazonaws.com) given this role or ECS tasks (ecs-tasks.amazonaws.com) given this role',
    ]);
    assert.deepEqual(summaries(policy([allow({ Service: 'backup.amazonaws.com' }, 'sts:AssumeRole')])), ['The service backup.amazonaws.com given this role']);
    assert.deepEqual(summaries(policy([allow({ Service: 'states.amazonaws.com' }, 'sts:AssumeRole')])), [
      "Step Functions state machines (states.amazonaws.com) acting for any account's resources",
    ]);
    const sourced = policy([allow({ Service: 'config.amazonaws.com' }, 'sts:AssumeRole', { StringEquals: { 'aws:SourceAccount': OWN } })]);
    assert.deepEqual(summaries(sourced), ['AWS Config (config.amazonaws.com), acting for 111122223333']);
    const podIdentity = explain(policy([allow({ Service: 'pods.eks.amazonaws.com' }, ['sts:AssumeRole', 'sts:TagSession'])]));
    assert.deepEqual(podIdentity.map((e) => [e.summary, e.actions]), [['EKS pods (EKS Pod Identity) (pods.eks.amazonaws.com) given this role', ['sts:AssumeRole', 'sts:TagSession']]]);
  });

  it('explains "*" and {"AWS": "*"} as anyone, and NotPrincipal as everyone except', () => {
    assert.deepEqual(summaries(policy([allow('*', 'sts:AssumeRole')])), ['Anyone in any AWS account']);
    assert.deepEqual(summaries(policy([allow({ AWS: '*' }, 'sts:AssumeRole', { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } })])), [
      'Anyone in any AWS account, only from the organization o-a1b2c3d4e5',
    ]);
    const notPrincipal = policy([{ Effect: 'Allow', NotPrincipal: { AWS: `arn:aws:iam::${OTHER}:role/Intern` }, Action: 'sts:AssumeRole' }]);
    assert.deepEqual(summaries(notPrincipal), [`Everyone except arn:aws:iam::${OTHER}:role/Intern`]);
  });

  it('explains a Deny statement with its effect and its condition as a test', () => {
    const text = policy([
      { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
      allow({ AWS: `arn:aws:iam::${OTHER}:root` }, 'sts:AssumeRole'),
    ]);
    const explained = explain(text);
    assert.deepEqual(explained.map((e) => [e.index, e.effect, e.summary]), [
      [0, 'Deny', 'Anyone in any AWS account, when aws:MultiFactorAuthPresent is "false" (or is absent)'],
      [1, 'Allow', 'Any principal in account 444455556666 whose own policies allow sts:AssumeRole on this role'],
    ]);
  });
});

describe('explainTrust: federated principals', () => {
  it('explains GitHub Actions subjects: branch, environment, pull requests, any repository of an owner', () => {
    assert.deepEqual(summaries(github('repo:acme-corp/web:ref:refs/heads/main')), ['GitHub Actions runs of acme-corp/web on branch main']);
    assert.deepEqual(summaries(github('repo:acme-corp/web:environment:production')), ['GitHub Actions runs of acme-corp/web in environment production']);
    assert.deepEqual(summaries(github('repo:acme-corp/web:pull_request')), ['GitHub Actions runs of acme-corp/web for pull requests']);
    assert.deepEqual(summaries(github('repo:acme-corp/*', 'StringLike')), ['GitHub Actions runs of any repository of acme-corp']);
    assert.deepEqual(summaries(github('repo:acme-corp/web:*', 'StringLike')), ['GitHub Actions runs of acme-corp/web (any branch, tag, environment or pull request)']);
    assert.deepEqual(summaries(github('repo:acme-corp@1234567/web@7654321:ref:refs/heads/main')), ['GitHub Actions runs of acme-corp/web on branch main']);
    assert.deepEqual(summaries(github(['repo:acme-corp/web:ref:refs/tags/v*', 'repo:acme-corp/api:ref:refs/heads/*'], 'StringLike')), [
      'GitHub Actions runs of acme-corp/web for tag v* or acme-corp/api on any branch',
    ]);
  });

  it('explains GitHub without a subject as any repository on GitHub', () => {
    assert.deepEqual(summaries(web(GITHUB_PROVIDER, { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' } })), ['GitHub Actions runs of any repository on GitHub']);
  });

  it('explains EKS service accounts, GitLab projects and HCP Terraform workspaces', () => {
    const eks = web(`arn:aws:iam::${OWN}:oidc-provider/${EKS}`, { StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com', [`${EKS}:sub`]: 'system:serviceaccount:payments:api' } });
    assert.deepEqual(summaries(eks), ['Pods of EKS cluster 5E1F2A3B4C5D6E7F8A9B0C1D2E3F4A5B (eu-west-1) running as service account payments/api']);

    const gitlab = web(`arn:aws:iam::${OWN}:oidc-provider/gitlab.com`, {
      StringEquals: { 'gitlab.com:aud': 'https://gitlab.com', 'gitlab.com:sub': 'project_path:acme-corp/infra:ref_type:branch:ref:main' },
    });
    assert.deepEqual(summaries(gitlab), ['GitLab CI/CD jobs of project acme-corp/infra on branch main']);

    const terraform = web(`arn:aws:iam::${OWN}:oidc-provider/app.terraform.io`, {
      StringEquals: { 'app.terraform.io:aud': 'aws.workload.identity' },
      StringLike: { 'app.terraform.io:sub': 'organization:acme-corp:project:platform:workspace:network:run_phase:apply' },
    });
    assert.deepEqual(summaries(terraform), ['HCP Terraform runs of organization acme-corp, project platform, workspace network (apply phase)']);
  });

  it('explains Cognito signed-in and guest users of one identity pool, and any pool without aud', () => {
    const cognito = (amr: unknown, aud = true) =>
      web('cognito-identity.amazonaws.com', {
        ...(aud ? { StringEquals: { 'cognito-identity.amazonaws.com:aud': IDENTITY_POOL } } : {}),
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
      });
    assert.deepEqual(summaries(cognito('authenticated')), [`Signed-in users of the Cognito identity pool ${IDENTITY_POOL}`]);
    assert.deepEqual(summaries(cognito('unauthenticated')), [`Guest (unauthenticated) users of the Cognito identity pool ${IDENTITY_POOL}`]);
    assert.deepEqual(summaries(cognito(['authenticated', 'unauthenticated'])), [`Signed-in and guest users of the Cognito identity pool ${IDENTITY_POOL}`]);
    assert.deepEqual(summaries(cognito('authenticated', false)), ['Signed-in users of any Cognito identity pool in any account']);
  });

  it('explains SAML console sign-in and Google sign-in', () => {
    const saml = policy([
      allow({ Federated: `arn:aws:iam::${OWN}:saml-provider/AcmeOkta` }, 'sts:AssumeRoleWithSAML', { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }),
    ]);
    assert.deepEqual(summaries(saml), ['Users signed in through the SAML provider AcmeOkta (account 111122223333) to the AWS console']);
    const google = web('accounts.google.com', { StringEquals: { 'accounts.google.com:aud': '412365987034-acmecorpweb.apps.googleusercontent.com' } });
    assert.deepEqual(summaries(google), ['Users signed in with Google to the app 412365987034-acmecorpweb.apps.googleusercontent.com']);
  });
});

describe('explainTrust: what is not a trust policy, and broken documents', () => {
  it('returns undefined for identity policies and documents that are not objects', () => {
    const identity = policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-corp-reports/*' }]);
    assert.equal(service.explainTrust(service.parse(identity)), undefined);
    assert.equal(service.explainTrust(service.parse(identity), { kindSetting: 'identity' }), undefined);
    for (const text of ['"just a string"', '[1, 2]', '']) {
      assert.equal(service.explainTrust(service.parse(text), { kindSetting: 'trust' }), undefined, JSON.stringify(text));
    }
  });

  it('recognizes a trust policy without a kind setting', () => {
    const text = policy([allow({ Service: 'lambda.amazonaws.com' }, 'sts:AssumeRole')]);
    assert.deepEqual(service.explainTrust(service.parse(text))?.map((e) => e.summary), ['Lambda functions (lambda.amazonaws.com) given this role']);
  });

  it('never throws on unparseable or malformed documents', () => {
    const BROKEN = [
      '{"Version": "2012-10-17", "Statement": [',
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ',
      '{}',
      '{"Statement": "nope"}',
      '{"Statement": [null, 1, "x", []]}',
      '{"Statement": [{"Effect": "Allow", "Principal": 42, "Action": "sts:AssumeRole"}]}',
      '{"Statement": [{"Effect": "Allow", "Principal": {"Federated": ["", 7]}, "Action": ["sts:AssumeRoleWithWebIdentity"], "Condition": {"StringLike": 3}}]}',
      '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Condition": {"StringEquals": {"": [{}]}}}]}',
    ];
    for (const text of BROKEN) {
      assert.doesNotThrow(() => service.explainTrust(service.parse(text), { kindSetting: 'trust' }), text);
    }
    assert.deepEqual(explain('{}'), []);
    assert.deepEqual(explain('{"Statement": "nope"}'), []);
    assert.deepEqual(summaries('{"Statement": [{"Effect": "Allow", "Principal": 42, "Action": "sts:AssumeRole"}]}'), ['No principal that IAM accepts']);
  });

  it('explainTrustPolicy skips statements whose Effect is neither Allow nor Deny', () => {
    const parsed = service.parse(policy([{ Effect: 'allow', Principal: '*', Action: 'sts:AssumeRole' }, allow({ AWS: OTHER }, 'sts:AssumeRole')]));
    const root = parsed.units[0]?.root;
    assert.ok(root);
    const explained = explainTrustPolicy(readPolicy(root));
    assert.deepEqual(explained.map((e) => e.index), [1]);
  });
});
