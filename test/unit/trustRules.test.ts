import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES, type AnalyzeOptions } from '../../server/src/core';
import { SOURCE_AWARE_SERVICES, SOURCELESS_SERVICES } from '../../server/src/core/iam/confusedDeputy';
import { findingsOf, lint, policy, type SeenFinding } from './helpers';

const trust: AnalyzeOptions = { kindSetting: 'trust' };

const OWN = '111122223333';
const OTHER = '444455556666';
const GITHUB = 'token.actions.githubusercontent.com';
const GITHUB_PROVIDER = `arn:aws:iam::${OWN}:oidc-provider/${GITHUB}`;
const EKS = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F2A3B4C5D6E7F8A9B0C1D2E3F4A5B';
const EKS_PROVIDER = `arn:aws:iam::${OWN}:oidc-provider/${EKS}`;
const GITLAB_PROVIDER = `arn:aws:iam::${OWN}:oidc-provider/gitlab.com`;
const TERRAFORM_PROVIDER = `arn:aws:iam::${OWN}:oidc-provider/app.terraform.io`;
const SAML_PROVIDER = `arn:aws:iam::${OWN}:saml-provider/AcmeOkta`;
const IDENTITY_POOL = 'us-east-1:0f1e2d3c-4b5a-4697-8876-a1b2c3d4e5f6';
const EXTERNAL_ID = 'Xk4tR9vQ2mLp7Wz3Nc8Bh5Yd';

/** The rules of issue [4], and trust-has-resource from [1]. */
const TRUST_RULES = [...RULES.filter((r) => r.id.startsWith('trust-')).map((r) => r.id), 'unfilled-placeholder'];

/** Every finding of a policy analysed as a trust policy. */
const all = (text: string): SeenFinding[] => lint(text, trust).findings;
/** The findings of one rule, as a trust policy. */
const of = (rule: string, text: string): SeenFinding[] => findingsOf(rule, text, trust);
/** The trust-rule findings as [rule, covered text]. */
const trustFindings = (text: string): [string, string][] => all(text).filter((f) => TRUST_RULES.includes(f.rule)).map((f) => [f.rule, f.at]);

const allow = (principal: unknown, action: unknown, condition?: Record<string, unknown>) => ({
  Effect: 'Allow',
  Principal: principal,
  Action: action,
  ...(condition ? { Condition: condition } : {}),
});
const serviceRole = (service: string, condition?: Record<string, unknown>) => policy([allow({ Service: service }, 'sts:AssumeRole', condition)]);
const accountTrust = (condition?: Record<string, unknown>, principal: string = OTHER) => policy([allow({ AWS: principal }, 'sts:AssumeRole', condition)]);
const web = (provider: string, condition?: Record<string, unknown>) => policy([allow({ Federated: provider }, 'sts:AssumeRoleWithWebIdentity', condition)]);
const github = (sub: Record<string, unknown> | undefined, aud = true) =>
  web(GITHUB_PROVIDER, { ...(aud ? { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' } } : {}), ...sub });
const quoted = (value: string) => JSON.stringify(value);

describe('valid trust policies: no trust finding', () => {
  const VALID: Record<string, string> = {
    'Lambda execution role': serviceRole('lambda.amazonaws.com'),
    'EC2 instance profile role': serviceRole('ec2.amazonaws.com'),
    'ECS task execution role': serviceRole('ecs-tasks.amazonaws.com'),
    'Step Functions role with aws:SourceAccount and ArnLike aws:SourceArn': serviceRole('states.amazonaws.com', {
      StringEquals: { 'aws:SourceAccount': OWN },
      ArnLike: { 'aws:SourceArn': `arn:aws:states:us-east-1:${OWN}:stateMachine:*` },
    }),
    'AWS Config role with aws:SourceAccount': serviceRole('config.amazonaws.com', { StringEquals: { 'AWS:SourceAccount': OWN } }),
    'cross-account with an ExternalId': accountTrust({ StringEquals: { 'sts:ExternalId': EXTERNAL_ID } }, `arn:aws:iam::${OTHER}:root`),
    'cross-account with MFA and MFA age': accountTrust({
      Bool: { 'aws:MultiFactorAuthPresent': 'true' },
      NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' },
    }),
    'a role ARN principal (no condition needed)': accountTrust(undefined, `arn:aws:iam::${OTHER}:role/DeployPipeline`),
    'cross-account narrowed to an organization': accountTrust({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }),
    'cross-account narrowed to a role by aws:PrincipalArn': accountTrust({ ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${OTHER}:role/Auditor` } }),
    'GitHub with aud and an exact sub': github({ StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com', [`${GITHUB}:sub`]: 'repo:acme-corp/web:ref:refs/heads/main' } }, false),
    'GitHub with StringLike repo:acme-corp/web:*': github({ StringLike: { [`${GITHUB}:sub`]: 'repo:acme-corp/web:*' } }),
    'GitHub with the immutable subject form': github({
      StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com', [`${GITHUB}:sub`]: 'repo:acme-corp@1234567/web@7654321:ref:refs/heads/main' },
    }, false),
    'GitHub immutable form with a pattern after the ids': github({ StringLike: { [`${GITHUB}:sub`]: 'repo:acme-corp@1234567/web@7654321:*' } }),
    'GitHub with a StringLike list of subjects': github({
      StringLike: { [`${GITHUB}:sub`]: ['repo:acme-corp/web:ref:refs/heads/main', 'repo:acme-corp/web:environment:prod', 'repo:acme-corp/api:ref:refs/tags/v*'] },
    }),
    'GitHub Enterprise issuer with an enterprise slug': web(`arn:aws:iam::${OWN}:oidc-provider/${GITHUB}/acme`, {
      StringEquals: { [`${GITHUB}/acme:aud`]: 'sts.amazonaws.com', [`${GITHUB}/acme:sub`]: 'repo:acme-corp/web:ref:refs/heads/main' },
    }),
    'EKS IRSA': web(EKS_PROVIDER, { StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com', [`${EKS}:sub`]: 'system:serviceaccount:payments:api' } }),
    'EKS Pod Identity': policy([allow({ Service: 'pods.eks.amazonaws.com' }, ['sts:AssumeRole', 'sts:TagSession'])]),
    'GitLab': web(GITLAB_PROVIDER, {
      StringEquals: { 'gitlab.com:aud': 'https://gitlab.com' },
      StringLike: { 'gitlab.com:sub': 'project_path:acme-corp/infra:ref_type:branch:ref:main' },
    }),
    'HCP Terraform': web(TERRAFORM_PROVIDER, {
      StringEquals: { 'app.terraform.io:aud': 'aws.workload.identity' },
      StringLike: { 'app.terraform.io:sub': 'organization:acme-corp:project:platform:workspace:network:run_phase:*' },
    }),
    'SAML console sign-in': policy([
      allow({ Federated: SAML_PROVIDER }, 'sts:AssumeRoleWithSAML', { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }),
    ]),
    'Cognito identity pool, signed-in users': web('cognito-identity.amazonaws.com', {
      StringEquals: { 'cognito-identity.amazonaws.com:aud': IDENTITY_POOL },
      'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
    }),
    'Google sign-in': web('accounts.google.com', { StringEquals: { 'accounts.google.com:aud': '412365987034-acmecorpweb.apps.googleusercontent.com' } }),
    'account principal guarded by a Deny without MFA': policy([
      { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
      allow({ AWS: `arn:aws:iam::${OTHER}:root` }, 'sts:AssumeRole'),
    ]),
    'CloudFormation placeholders': policy([
      allow({ AWS: 'arn:aws:iam::${AWS::AccountId}:root' }, 'sts:AssumeRole', { StringEquals: { 'sts:ExternalId': '${ExternalId}' } }),
      allow({ Service: 'states.amazonaws.com' }, 'sts:AssumeRole', { StringEquals: { 'aws:SourceAccount': '${AWS::AccountId}' } }),
      allow({ Federated: `arn:aws:iam::\${AWS::AccountId}:oidc-provider/${GITHUB}` }, 'sts:AssumeRoleWithWebIdentity', {
        StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' },
        StringLike: { [`${GITHUB}:sub`]: 'repo:${GitHubOrg}/${RepositoryName}:*' },
      }),
    ]),
  };

  for (const [name, text] of Object.entries(VALID)) {
    it(name, () => assert.deepEqual(all(text), []));
  }
});

describe('trust-invalid-action', () => {
  it('reports a permission in a trust policy, with no suggestion', () => {
    const [finding] = of('trust-invalid-action', policy([allow({ Service: 'lambda.amazonaws.com' }, ['sts:AssumeRole', 's3:GetObject'])]));
    assert.equal(finding.severity, 'error');
    assert.equal(finding.at, '"s3:GetObject"');
    assert.match(finding.message, /^"s3:GetObject" cannot appear in a trust policy \(IAM rejects it\);.*permission policy/);
    assert.deepEqual(finding.data, { suggestions: [] });
  });

  it('reports sts:GetCallerIdentity with the closest trust action, and sts:Get* as matching nothing', () => {
    const found = of('trust-invalid-action', accountTrust({ StringEquals: { 'sts:ExternalId': EXTERNAL_ID } }).replace('"sts:AssumeRole"', '["sts:AssumeRole", "sts:GetCallerIdentity", "sts:Get*"]'));
    assert.deepEqual(found.map((f) => f.at), ['"sts:GetCallerIdentity"', '"sts:Get*"']);
    assert.deepEqual(found[0].data, { suggestions: ['sts:SetSourceIdentity'] });
    assert.match(found[0].message, /did you mean "sts:SetSourceIdentity"\?$/);
    assert.match(found[1].message, /^"sts:Get\*" matches no action a trust policy can name; use "sts:AssumeRole", /);
  });

  it('accepts sts:*, sts:AssumeRole*, *, lower case and the session actions', () => {
    for (const action of ['sts:*', 'sts:AssumeRole*', '*', 'STS:assumerole', ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity', 'sts:SetContext']]) {
      assert.deepEqual(of('trust-invalid-action', policy([allow({ Service: 'lambda.amazonaws.com' }, action)])), [], JSON.stringify(action));
    }
  });
});

describe('trust-action-principal-mismatch', () => {
  it('replaces sts:AssumeRole for an OIDC provider', () => {
    const text = policy([allow({ Federated: GITHUB_PROVIDER }, 'sts:AssumeRole', { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com', [`${GITHUB}:sub`]: 'repo:acme-corp/web:ref:refs/heads/main' } })]);
    const [finding] = of('trust-action-principal-mismatch', text);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.at, '"sts:AssumeRole"');
    assert.equal(
      finding.message,
      'An OIDC provider or web identity assumes a role with sts:AssumeRoleWithWebIdentity, which this statement does not allow; "sts:AssumeRole" is for AWS accounts, users, roles and services. Use "sts:AssumeRoleWithWebIdentity".',
    );
    assert.deepEqual(finding.data, { replaceWith: 'sts:AssumeRoleWithWebIdentity' });
  });

  it('replaces sts:AssumeRoleWithWebIdentity for a SAML provider', () => {
    const text = policy([allow({ Federated: SAML_PROVIDER }, 'sts:AssumeRoleWithWebIdentity', { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } })]);
    const found = of('trust-action-principal-mismatch', text);
    assert.deepEqual(found.map((f) => [f.at, f.data]), [['"sts:AssumeRoleWithWebIdentity"', { replaceWith: 'sts:AssumeRoleWithSAML' }]]);
    assert.match(found[0].message, /^A SAML provider assumes a role with sts:AssumeRoleWithSAML/);
  });

  it('adds the missing action when a statement trusts both an AWS and a federated principal', () => {
    const text = policy([allow({ AWS: `arn:aws:iam::${OTHER}:role/Admin`, Federated: SAML_PROVIDER }, ['sts:AssumeRoleWithSAML', 'sts:TagSession'], { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } })]);
    const found = of('trust-action-principal-mismatch', text);
    assert.deepEqual(found.map((f) => [f.at, f.data]), [['"AWS"', { addAction: 'sts:AssumeRole' }]]);
    assert.match(found[0].message, /AWS accounts, users, roles and services assume a role with sts:AssumeRole.*Add "sts:AssumeRole" to the Action\.$/);
  });

  it('leaves Deny statements alone: a Deny that names fewer actions is a narrower guardrail, not a mistake', () => {
    const text = policy([
      allow({ Federated: GITHUB_PROVIDER }, 'sts:AssumeRoleWithWebIdentity', { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com', [`${GITHUB}:sub`]: 'repo:acme-corp/web:ref:refs/heads/main' } }),
      { Effect: 'Deny', Principal: { Federated: GITHUB_PROVIDER }, Action: 'sts:AssumeRole', Condition: { StringLike: { [`${GITHUB}:sub`]: 'repo:acme-corp/sandbox:*' } } },
    ]);
    assert.deepEqual(of('trust-action-principal-mismatch', text), []);
  });

  it('does not report matching actions, sts:* or sts:AssumeRole* for mixed principals', () => {
    assert.deepEqual(of('trust-action-principal-mismatch', github({ StringEquals: { [`${GITHUB}:sub`]: 'repo:acme-corp/web:ref:refs/heads/main' } })), []);
    for (const action of ['sts:*', 'sts:AssumeRole*']) {
      const text = policy([allow({ AWS: `arn:aws:iam::${OTHER}:role/Admin`, Federated: SAML_PROVIDER }, action, { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } })]);
      assert.deepEqual(of('trust-action-principal-mismatch', text), [], action);
    }
  });
});

describe('trust-cross-account-unconditioned', () => {
  it('reports a 12-digit account and an account root with no condition', () => {
    for (const principal of [OTHER, `arn:aws:iam::${OTHER}:root`]) {
      const [finding] = of('trust-cross-account-unconditioned', accountTrust(undefined, principal));
      assert.equal(finding.severity, 'warning');
      assert.equal(finding.at, quoted(principal));
      assert.deepEqual(finding.data, { account: OTHER });
      assert.match(finding.message, /^Every user and role in account 444455556666 whose own policies allow sts:AssumeRole on this role can assume it, with no condition\. Require an ExternalId/);
    }
  });

  it('reports conditions that do not narrow who assumes', () => {
    const NOT_NARROWING: Record<string, Record<string, unknown>> = {
      'StringLike ExternalId "*"': { StringLike: { 'sts:ExternalId': '*' } },
      'BoolIfExists MFA': { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } },
      'StringNotEquals organization': { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      'ForAllValues organization': { 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      'aws:SourceIp only': { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
      'every role of the account by aws:PrincipalArn': { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${OTHER}:role/*` } },
      'MFA false': { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
    };
    for (const [name, condition] of Object.entries(NOT_NARROWING)) {
      assert.deepEqual(of('trust-cross-account-unconditioned', accountTrust(condition)).map((f) => f.at), [`"${OTHER}"`], name);
    }
  });

  it('does not report narrowing conditions, role principals, Denies or service principals', () => {
    const NARROWING: Record<string, Record<string, unknown>> = {
      ExternalId: { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } },
      MFA: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      'MFA age': { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
      'principal tag': { StringEquals: { 'aws:PrincipalTag/team': 'platform' } },
      'source identity': { StringLike: { 'sts:SourceIdentity': 'alice@acme-corp.example' } },
    };
    for (const [name, condition] of Object.entries(NARROWING)) {
      assert.deepEqual(of('trust-cross-account-unconditioned', accountTrust(condition)), [], name);
    }
    const deny = policy([{ Effect: 'Deny', Principal: { AWS: OTHER }, Action: 'sts:AssumeRole' }]);
    assert.deepEqual(of('trust-cross-account-unconditioned', deny), []);
  });

  it('a Deny guard only counts when it is the Deny\'s single test and applies to everyone', () => {
    const guarded = (deny: Record<string, unknown>) => policy([{ Effect: 'Deny', Action: 'sts:AssumeRole', ...deny }, allow({ AWS: OTHER }, 'sts:AssumeRole')]);
    const mfa = { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } };
    assert.deepEqual(of('trust-cross-account-unconditioned', guarded({ Principal: '*', Condition: mfa })), []);
    assert.deepEqual(of('trust-cross-account-unconditioned', guarded({ Principal: { AWS: '*' }, Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })), []);
    // ANDed with a second test, the Deny applies to fewer requests; on one principal, not to the others.
    assert.equal(of('trust-cross-account-unconditioned', guarded({ Principal: '*', Condition: { ...mfa, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })).length, 1);
    assert.equal(of('trust-cross-account-unconditioned', guarded({ Principal: { AWS: `arn:aws:iam::${OTHER}:role/Intern` }, Condition: mfa })).length, 1);
  });
});

describe('trust-external-id-weak', () => {
  const weak = (condition: Record<string, unknown>) => of('trust-external-id-weak', accountTrust(condition));

  it('reports StringLike without a wildcard, offering StringEquals', () => {
    const [finding] = weak({ StringLike: { 'sts:ExternalId': EXTERNAL_ID } });
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.at, '"StringLike"');
    assert.equal(finding.message, 'StringLike on sts:ExternalId: the ExternalId is a secret to compare exactly, not a pattern. Use StringEquals with the exact value.');
    assert.deepEqual(finding.data, { replaceWith: 'StringEquals', key: 'sts:ExternalId' });
  });

  it('reports StringLike with a wildcard, without a mechanical fix', () => {
    const found = weak({ StringLike: { 'sts:ExternalId': 'acme-*' } });
    assert.deepEqual(found.map((f) => [f.at, f.data]), [['"StringLike"', {}]]);
    assert.match(found[0].message, /a pattern lets other ExternalIds in/);
  });

  it('reports IfExists, ForAllValues and negated operators', () => {
    const ifExists = weak({ StringEqualsIfExists: { 'sts:ExternalId': EXTERNAL_ID } });
    assert.deepEqual(ifExists.map((f) => [f.at, f.data]), [['"StringEqualsIfExists"', { replaceWith: 'StringEquals', key: 'sts:ExternalId' }]]);
    assert.match(ifExists[0].message, /IfExists lets requests without an ExternalId in/);
    const forAll = weak({ 'ForAllValues:StringEquals': { 'sts:ExternalId': EXTERNAL_ID } });
    assert.deepEqual(forAll.map((f) => [f.at, f.data?.replaceWith]), [['"ForAllValues:StringEquals"', 'StringEquals']]);
    const negated = weak({ StringNotEquals: { 'sts:ExternalId': EXTERNAL_ID } });
    assert.deepEqual(negated.map((f) => f.at), ['"StringNotEquals"']);
    assert.match(negated[0].message, /^StringNotEquals on sts:ExternalId lets every other ExternalId in/);
  });

  it('reports placeholder values at the value, offering a random one', () => {
    for (const value of ['EXTERNAL_ID', '<external-id>', 'changeme', 'your-external-id-here', 'xxxxxxxx']) {
      const found = weak({ StringEquals: { 'sts:ExternalId': value } });
      assert.deepEqual(found.map((f) => [f.at, f.data]), [[quoted(value), { regenerate: true }]], value);
      assert.match(found[0].message, /is a placeholder, not a secret/);
    }
  });

  it('reports values STS does not accept: too short, too long, bad characters', () => {
    const [short] = weak({ StringEquals: { 'sts:ExternalId': '7' } });
    assert.equal(short.at, '"7"');
    assert.match(short.message, /2 to 1,224 characters; "7" has 1/);
    const long = 'a'.repeat(1225);
    const [tooLong] = weak({ StringEquals: { 'sts:ExternalId': long } });
    assert.equal(tooLong.at, quoted(long));
    assert.match(tooLong.message, /has 1225, so STS never accepts it/);
    const [bad] = weak({ StringEquals: { 'sts:ExternalId': 'acme corp#7731' } });
    assert.equal(bad.at, '"acme corp#7731"');
    assert.match(bad.message, /" " "#" cannot be sent/);
  });

  it('accepts an exact value of 2 to 1,224 allowed characters, and a template parameter', () => {
    for (const value of ['a1', 'a'.repeat(1224), 'acme+corp=1,2.x@y:z/w-v_u', EXTERNAL_ID, '${ExternalId}', ['Xk4tR9vQ2mLp', 'Pz8Lm3Qv7Tn2']]) {
      assert.deepEqual(weak({ StringEquals: { 'sts:ExternalId': value } }), [], String(value).slice(0, 30));
    }
  });
});

describe('trust-oidc-missing-aud', () => {
  it('reports GitHub without aud at the provider', () => {
    const found = of('trust-oidc-missing-aud', github({ StringEquals: { [`${GITHUB}:sub`]: 'repo:acme-corp/web:ref:refs/heads/main' } }, false));
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.equal(found[0].at, quoted(GITHUB_PROVIDER));
    assert.equal(found[0].message, `No condition on ${GITHUB}:aud: a token GitHub Actions issued for another audience can be used. Add ${GITHUB}:aud with StringEquals.`);
    assert.deepEqual(found[0].data, { issuer: GITHUB, provider: 'github' });
  });

  it('reports a Cognito identity pool without aud: any account\'s pool', () => {
    const found = of('trust-oidc-missing-aud', web('cognito-identity.amazonaws.com', { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } }));
    assert.deepEqual(found.map((f) => [f.at, f.data]), [['"cognito-identity.amazonaws.com"', { issuer: 'cognito-identity.amazonaws.com', provider: 'cognito' }]]);
    assert.match(found[0].message, /^No condition on cognito-identity\.amazonaws\.com:aud: an identity pool in any AWS account can get credentials for this role\./);
  });

  it('reports Login with Amazon without app_id, and an aud that does not narrow', () => {
    const [amazon] = of('trust-oidc-missing-aud', web('www.amazon.com', { StringEquals: { 'www.amazon.com:user_id': 'amzn1.account.AF6RHOEXAMPLE' } }));
    assert.equal(amazon.at, '"www.amazon.com"');
    assert.match(amazon.message, /^No condition on www\.amazon\.com:app_id: a token Login with Amazon issued/);
    const open = github({ StringLike: { [`${GITHUB}:aud`]: '*', [`${GITHUB}:sub`]: 'repo:acme-corp/web:*' } }, false);
    assert.deepEqual(of('trust-oidc-missing-aud', open).map((f) => f.at), [quoted(GITHUB_PROVIDER)]);
  });

  it('does not report a tested aud (IfExists counts: aud is in every token)', () => {
    assert.deepEqual(of('trust-oidc-missing-aud', github({ StringLike: { [`${GITHUB}:sub`]: 'repo:acme-corp/web:*' } })), []);
    const ifExists = github({ StringEqualsIfExists: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GITHUB}:sub`]: 'repo:acme-corp/web:*' } }, false);
    assert.deepEqual(of('trust-oidc-missing-aud', ifExists), []);
  });
});

describe('trust-oidc-missing-sub', () => {
  it('reports GitHub, GitLab, EKS, HCP Terraform and unknown issuers without sub, at the provider', () => {
    const unknownIssuer = 'auth.acme-corp.example.com';
    const CASES: [string, string, string, string][] = [
      [GITHUB_PROVIDER, GITHUB, 'github', 'any repository on GitHub'],
      [GITLAB_PROVIDER, 'gitlab.com', 'gitlab', 'any project on GitLab'],
      [EKS_PROVIDER, EKS, 'eks', 'any service account of the cluster'],
      [TERRAFORM_PROVIDER, 'app.terraform.io', 'terraform', 'any HCP Terraform workspace'],
      [`arn:aws:iam::${OWN}:oidc-provider/${unknownIssuer}`, unknownIssuer, 'oidc', 'any identity this provider issues tokens to'],
    ];
    for (const [provider, issuer, id, who] of CASES) {
      const found = of('trust-oidc-missing-sub', web(provider, { StringEquals: { [`${issuer}:aud`]: 'sts.amazonaws.com' } }));
      assert.equal(found.length, 1, id);
      assert.equal(found[0].severity, 'error');
      assert.equal(found[0].at, quoted(provider));
      assert.equal(found[0].message, `No condition on ${issuer}:sub: ${who} can assume this role. Add ${issuer}:sub with the subject you trust.`);
      assert.deepEqual(found[0].data, { issuer, provider: id });
    }
  });

  it('reports StringLike "*" at the "*"', () => {
    const found = of('trust-oidc-missing-sub', github({ StringLike: { [`${GITHUB}:sub`]: '*' } }));
    assert.deepEqual(found.map((f) => f.at), ['"*"']);
    assert.match(found[0].message, /^"\*" does not narrow token\.actions\.githubusercontent\.com:sub: any repository on GitHub can assume this role\. Pin the subject\.$/);
    assert.deepEqual(of('trust-oidc-wildcard-sub', github({ StringLike: { [`${GITHUB}:sub`]: '*' } })), []);
  });

  it('counts ForAllValues:StringLike with a pinned repository, not StringNotLike', () => {
    assert.deepEqual(of('trust-oidc-missing-sub', github({ 'ForAllValues:StringLike': { [`${GITHUB}:sub`]: 'repo:acme-corp/web:*' } })), []);
    const notLike = github({ StringNotLike: { [`${GITHUB}:sub`]: 'repo:acme-corp/sandbox:*' } });
    assert.deepEqual(of('trust-oidc-missing-sub', notLike).map((f) => f.at), [quoted(GITHUB_PROVIDER)]);
  });

  it('counts GitHub\'s repository and repository_id claims as pinning the repository, but not actor', () => {
    const aud = { [`${GITHUB}:aud`]: 'sts.amazonaws.com' };
    assert.deepEqual(of('trust-oidc-missing-sub', github({ StringEquals: { ...aud, [`${GITHUB}:repository`]: 'acme-corp/web' } })), []);
    assert.deepEqual(of('trust-oidc-missing-sub', github({ StringEquals: { ...aud, [`${GITHUB}:repository_id`]: '7654321' } })), []);
    const actor = github({ StringEquals: { ...aud, [`${GITHUB}:actor`]: 'octocat' } });
    assert.deepEqual(of('trust-oidc-missing-sub', actor).map((f) => f.at), [quoted(GITHUB_PROVIDER)]);
    const orgWide = of('trust-oidc-wildcard-sub', github({ StringEquals: aud, StringLike: { [`${GITHUB}:repository`]: 'acme-corp/*' } }));
    assert.deepEqual(orgWide.map((f) => f.at), ['"acme-corp/*"']);
  });

  it('never reports Cognito or Google (their sub is an end user)', () => {
    const cognito = web('cognito-identity.amazonaws.com', { StringEquals: { 'cognito-identity.amazonaws.com:aud': IDENTITY_POOL } });
    const google = web('accounts.google.com', { StringEquals: { 'accounts.google.com:aud': '412365987034-acmecorpweb.apps.googleusercontent.com' } });
    assert.deepEqual(of('trust-oidc-missing-sub', cognito), []);
    assert.deepEqual(of('trust-oidc-missing-sub', google), []);
  });
});

describe('trust-oidc-wildcard-sub', () => {
  const wide = (text: string) => of('trust-oidc-wildcard-sub', text).map((f) => [f.at, f.data?.scope, f.message]);
  const gh = (sub: unknown) => github({ StringLike: { [`${GITHUB}:sub`]: sub } });

  it('reports repo:* and repo:acme-*/web:* as any owner', () => {
    for (const sub of ['repo:*', 'repo:acme-*/web:*']) {
      const [finding] = of('trust-oidc-wildcard-sub', gh(sub));
      assert.equal(finding.severity, 'warning');
      assert.deepEqual([finding.at, finding.data], [quoted(sub), { scope: 'any-owner' }]);
      assert.ok(finding.message.startsWith(`"${sub}" lets any repository of any GitHub user or organization assume this role. Pin the `), finding.message);
    }
  });

  it('reports repo:acme-corp/* as every repository of the owner', () => {
    const found = wide(gh('repo:acme-corp/*'));
    assert.deepEqual(found.map((f) => f.slice(0, 2)), [['"repo:acme-corp/*"', 'owner']]);
    assert.match(found[0][2] as string, /^"repo:acme-corp\/\*" lets any repository of acme-corp assume this role\. Pin the /);
  });

  it('judges a list by its loosest value, and separate entries by the tightest', () => {
    const list = gh(['repo:acme-corp/web:ref:refs/heads/main', 'repo:acme-corp/*', 'repo:acme-corp/api:*']);
    assert.deepEqual(wide(list).map((f) => f[0]), ['"repo:acme-corp/*"']);
    const both = github({
      StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com', [`${GITHUB}:sub`]: 'repo:acme-corp/web:ref:refs/heads/main' },
      StringLike: { [`${GITHUB}:sub`]: 'repo:acme-corp/*' },
    }, false);
    assert.deepEqual(wide(both), []);
    assert.deepEqual(of('trust-oidc-missing-sub', both), []);
  });

  it('reports EKS, GitLab and HCP Terraform subjects open to a whole namespace, group or organization', () => {
    const eks = (sub: string) => web(EKS_PROVIDER, { StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${EKS}:sub`]: sub } });
    const anyNamespace = wide(eks('system:serviceaccount:*'));
    assert.deepEqual(anyNamespace.map((f) => f.slice(0, 2)), [['"system:serviceaccount:*"', 'any-owner']]);
    assert.match(anyNamespace[0][2] as string, /lets any service account in any namespace of the cluster assume this role\. Pin the namespace and the service account/);
    assert.deepEqual(wide(eks('system:serviceaccount:apps:*')).map((f) => f.slice(0, 2)), [['"system:serviceaccount:apps:*"', 'owner']]);
    assert.match(wide(eks('system:serviceaccount:apps:*'))[0][2] as string, /lets any service account in the namespace apps assume/);
    // A prefix pattern on the service account name is as open as the namespace: anyone who can create one there matches.
    assert.deepEqual(wide(eks('system:serviceaccount:apps:api-*')).map((f) => f.slice(0, 2)), [['"system:serviceaccount:apps:api-*"', 'owner']]);
    assert.deepEqual(wide(eks('system:serviceaccount:apps:api')), []);

    const gitlab = web(GITLAB_PROVIDER, { StringEquals: { 'gitlab.com:aud': 'https://gitlab.com' }, StringLike: { 'gitlab.com:sub': 'project_path:acme-corp/*' } });
    assert.deepEqual(wide(gitlab).map((f) => f.slice(0, 2)), [['"project_path:acme-corp/*"', 'owner']]);
    assert.match(wide(gitlab)[0][2] as string, /lets any project of the group acme-corp assume/);

    const terraform = web(TERRAFORM_PROVIDER, { StringEquals: { 'app.terraform.io:aud': 'aws.workload.identity' }, StringLike: { 'app.terraform.io:sub': 'organization:acme-corp:*' } });
    assert.deepEqual(wide(terraform).map((f) => f.slice(0, 2)), [['"organization:acme-corp:*"', 'owner']]);
    assert.match(wide(terraform)[0][2] as string, /lets any workspace of the organization acme-corp assume/);
  });

  it('does not report a pinned repository with a pattern after it, or the immutable form', () => {
    for (const sub of ['repo:acme-corp/web:*', 'repo:acme-corp/web:ref:refs/heads/release-*', 'repo:acme-corp@1234567/web@7654321:*', 'repo:*@1234567/web@7654321:*']) {
      assert.deepEqual(wide(gh(sub)), [], sub);
    }
    // Under StringEquals a "*" is literal: it pins (and matches nothing).
    assert.deepEqual(of('trust-oidc-wildcard-sub', github({ StringEquals: { [`${GITHUB}:sub`]: 'repo:acme-corp/*' } })), []);
  });
});

describe('trust-saml-missing-aud', () => {
  const saml = (condition?: Record<string, unknown>) => policy([allow({ Federated: SAML_PROVIDER }, 'sts:AssumeRoleWithSAML', condition)]);

  it('reports a SAML provider without SAML:aud, or with one that does not narrow', () => {
    for (const condition of [undefined, { StringLike: { 'SAML:aud': '*' } }, { StringNotEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }]) {
      const found = of('trust-saml-missing-aud', saml(condition));
      assert.deepEqual(found.map((f) => [f.severity, f.at, f.data]), [['warning', quoted(SAML_PROVIDER), {}]], JSON.stringify(condition));
      assert.match(found[0].message, /^No condition on SAML:aud: .*Add "SAML:aud": "https:\/\/signin\.aws\.amazon\.com\/saml" \(StringEquals\)\.$/);
    }
  });

  it('does not report SAML:aud with StringEquals, a regional endpoint, or a Deny', () => {
    assert.deepEqual(of('trust-saml-missing-aud', saml({ StringEquals: { 'SAML:aud': 'https://us-east-1.signin.aws.amazon.com/saml' } })), []);
    assert.deepEqual(of('trust-saml-missing-aud', policy([{ Effect: 'Deny', Principal: { Federated: SAML_PROVIDER }, Action: 'sts:AssumeRoleWithSAML' }])), []);
  });
});

describe('trust-service-confused-deputy', () => {
  it('reports Step Functions, AWS Config and EventBridge Scheduler without a source condition (info)', () => {
    for (const service of ['states.amazonaws.com', 'config.amazonaws.com', 'scheduler.amazonaws.com']) {
      const found = of('trust-service-confused-deputy', serviceRole(service));
      assert.deepEqual(found.map((f) => [f.severity, f.at, f.data]), [['info', quoted(service), { service }]]);
      assert.equal(found[0].message, `${service} sends aws:SourceAccount and aws:SourceArn when it assumes a role: test them, so that another account's resources cannot make the service use this role (confused deputy).`);
    }
  });

  it('never reports compute services', () => {
    for (const service of ['ec2.amazonaws.com', 'lambda.amazonaws.com', 'ecs-tasks.amazonaws.com', 'codebuild.amazonaws.com', 'edgelambda.amazonaws.com']) {
      assert.deepEqual(of('trust-service-confused-deputy', serviceRole(service)), [], service);
    }
  });

  it('does not report with aws:SourceArn, aws:SourceAccount (any case) or a Deny on the source', () => {
    assert.deepEqual(of('trust-service-confused-deputy', serviceRole('states.amazonaws.com', { ArnLike: { 'aws:SourceArn': `arn:aws:states:us-east-1:${OWN}:stateMachine:*` } })), []);
    assert.deepEqual(of('trust-service-confused-deputy', serviceRole('config.amazonaws.com', { StringEquals: { 'AWS:SourceAccount': OWN } })), []);
    const denied = policy([
      allow({ Service: 'scheduler.amazonaws.com' }, 'sts:AssumeRole'),
      { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringNotEquals: { 'aws:SourceAccount': OWN } } },
    ]);
    assert.deepEqual(of('trust-service-confused-deputy', denied), []);
  });

  it('still reports a source condition that does not narrow', () => {
    const open = serviceRole('states.amazonaws.com', { ArnLike: { 'aws:SourceArn': 'arn:aws:states:*:*:stateMachine:*' } });
    assert.deepEqual(of('trust-service-confused-deputy', open).map((f) => f.at), ['"states.amazonaws.com"']);
  });

  it('reports the regional form of a listed service principal', () => {
    assert.deepEqual(of('trust-service-confused-deputy', serviceRole('logs.us-east-1.amazonaws.com')).map((f) => f.at), ['"logs.us-east-1.amazonaws.com"']);
  });

  it('lists no service as both source-aware and sourceless, and documents each with an AWS page', () => {
    for (const service of SOURCELESS_SERVICES) {
      assert.ok(!Object.hasOwn(SOURCE_AWARE_SERVICES, service), `${service} is on both lists`);
    }
    for (const [service, url] of Object.entries(SOURCE_AWARE_SERVICES)) {
      assert.match(service, /^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com$/, service);
      assert.match(url, /^https:\/\/docs\.aws\.amazon\.com\/\S+$/, service);
    }
  });
});

describe('unfilled-placeholder', () => {
  it('reports the words quick fixes leave in a GitHub subject', () => {
    const found = of('unfilled-placeholder', github({ StringEquals: { [`${GITHUB}:sub`]: 'repo:OWNER/REPO:ref:refs/heads/main' } }));
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.equal(found[0].at, '"repo:OWNER/REPO:ref:refs/heads/main"');
    assert.equal(found[0].message, `Replace the placeholders OWNER, REPO in ${GITHUB}:sub with the real value; as it is, the condition matches nothing.`);
    assert.deepEqual(found[0].data, { placeholders: ['OWNER', 'REPO'] });
  });

  it('reports o-xxxxxxxxxx, ROLE_NAME and ACCOUNT_ID in the keys the fixes fill in', () => {
    const text = policy([
      allow({ AWS: OTHER }, 'sts:AssumeRole', {
        StringEquals: { 'aws:PrincipalOrgID': 'o-xxxxxxxxxx' },
        ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${OTHER}:role/ROLE_NAME` },
      }),
      allow({ Service: 'states.amazonaws.com' }, 'sts:AssumeRole', { StringEquals: { 'aws:SourceAccount': 'ACCOUNT_ID' } }),
    ]);
    assert.deepEqual(of('unfilled-placeholder', text).map((f) => [f.at, f.data]), [
      ['"o-xxxxxxxxxx"', { placeholders: ['o-xxxxxxxxxx'] }],
      [`"arn:aws:iam::${OTHER}:role/ROLE_NAME"`, { placeholders: ['ROLE_NAME'] }],
      ['"ACCOUNT_ID"', { placeholders: ['ACCOUNT_ID'] }],
    ]);
    assert.match(of('unfilled-placeholder', text)[0].message, /^Replace the placeholder o-xxxxxxxxxx in aws:PrincipalOrgID with the real value/);
  });

  it('does not report ordinary values or keys it does not watch', () => {
    const text = policy([
      allow({ Federated: GITHUB_PROVIDER }, 'sts:AssumeRoleWithWebIdentity', {
        StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com', [`${GITHUB}:sub`]: 'repo:acme-corp/owner-tools:environment:prod' },
      }),
      allow({ AWS: OTHER }, 'sts:AssumeRole', { StringEquals: { 'aws:PrincipalTag/team': 'OWNER', 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }),
      allow({ AWS: `arn:aws:iam::${OTHER}:role/REPO_OWNER_SYNC` }, 'sts:AssumeRole'),
    ]);
    assert.deepEqual(of('unfilled-placeholder', text), []);
    assert.deepEqual(trustFindings(text), []);
  });

  it('does not report a fill-in word that is only part of a real name', () => {
    const text = github({ StringLike: { [`${GITHUB}:sub`]: 'repo:acme-corp/REGION-config:*' } });
    assert.deepEqual(of('unfilled-placeholder', text), []);
  });
});

describe('review regressions: verdicts that were wrong once', () => {
  it('does not report a Deny guardrail for web identities, nor offer to change its action', () => {
    const text = policy([
      allow({ Federated: GITHUB_PROVIDER }, 'sts:AssumeRoleWithWebIdentity', { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GITHUB}:sub`]: 'repo:acme-corp/*' } }),
      { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringNotLike: { [`${GITHUB}:sub`]: 'repo:acme-corp/web:ref:refs/heads/main' } } },
    ]);
    assert.deepEqual(of('trust-action-principal-mismatch', text), []);
  });

  it('judges a statement of session actions only with the one that assumes (SAML:aud and the action are there)', () => {
    const text = policy([
      allow({ Federated: SAML_PROVIDER }, 'sts:AssumeRoleWithSAML', { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }),
      allow({ Federated: SAML_PROVIDER }, 'sts:TagSession', { StringLike: { 'aws:RequestTag/Department': '*' } }),
    ]);
    assert.deepEqual(trustFindings(text), []);
  });

  it('treats wildcards with nothing but syntax around them as open', () => {
    const cognito = web('cognito-identity.amazonaws.com', { StringLike: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:*' } });
    assert.equal(of('trust-oidc-missing-aud', cognito).length, 1);
    for (const condition of [
      { StringLike: { 'aws:PrincipalOrgID': 'o-*' } },
      { ArnLike: { 'aws:PrincipalArn': 'arn:*' } },
      { StringLike: { 'aws:userid': '*:*' } },
      { StringLike: { 'sts:SourceIdentity': '*@*' } },
      { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-*/*' } },
    ]) {
      assert.equal(of('trust-cross-account-unconditioned', accountTrust(condition)).length, 1, JSON.stringify(condition));
    }
  });

  it('reads the subject shapes of issuers it does not know (GitHub Enterprise Server, self-managed GitLab)', () => {
    const ghes = 'github.acme-corp.example/_services/token';
    const text = web(`arn:aws:iam::${OWN}:oidc-provider/${ghes}`, { StringEquals: { [`${ghes}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${ghes}:sub`]: 'repo:*' } });
    assert.deepEqual(of('trust-oidc-wildcard-sub', text).map((f) => f.at), ['"repo:*"']);
    const gitlab = 'gitlab.acme-corp.example';
    const selfManaged = web(`arn:aws:iam::${OWN}:oidc-provider/${gitlab}`, { StringEquals: { [`${gitlab}:aud`]: 'https://gitlab.acme-corp.example' }, StringLike: { [`${gitlab}:sub`]: 'project_path:*' } });
    assert.deepEqual(of('trust-oidc-wildcard-sub', selfManaged).map((f) => f.at), ['"project_path:*"']);
  });

  it('takes a repository_id with a wildcard for what it is: repositories anyone can own', () => {
    const text = github({ StringLike: { [`${GITHUB}:repository_id`]: '12*' } });
    assert.deepEqual(of('trust-oidc-wildcard-sub', text).map((f) => f.at), ['"12*"']);
  });

  it('does not count a Deny with ForAnyValue: and a negated test (false when the key is absent)', () => {
    const text = policy([
      allow({ AWS: OTHER }, 'sts:AssumeRole'),
      { Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { 'ForAnyValue:StringNotEquals': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/' } } },
    ]);
    assert.equal(of('trust-cross-account-unconditioned', text).length, 1);
  });

  it('accepts the source ARNs AWS recommends: a pinned account with wildcards around it, or an S3 bucket', () => {
    assert.deepEqual(of('trust-service-confused-deputy', serviceRole('logs.amazonaws.com', { ArnLike: { 'aws:SourceArn': `arn:aws:logs:*:${OWN}:*` } })), []);
    assert.deepEqual(of('trust-service-confused-deputy', serviceRole('config.amazonaws.com', { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::acme-config-bucket' } })), []);
    assert.equal(of('trust-service-confused-deputy', serviceRole('states.amazonaws.com', { ArnLike: { 'aws:SourceArn': 'arn:aws:states:*:*:stateMachine:*' } })).length, 1);
  });

  it('reads a federated template reference by its action when no claim key names the issuer', () => {
    const text = policy([allow({ Federated: '${GitHubOidcProviderArn}' }, 'sts:AssumeRoleWithWebIdentity')]);
    assert.deepEqual(trustFindings(text).map(([rule]) => rule).sort(), ['trust-oidc-missing-aud', 'trust-oidc-missing-sub']);
  });

  it('reads an account root written with CloudFormation references as an account', () => {
    const text = accountTrust(undefined, 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root');
    assert.equal(of('trust-cross-account-unconditioned', text)[0]?.data?.account, '${AWS::AccountId}');
  });
});

describe('provider ARNs written with CloudFormation references (!Sub)', () => {
  it('reads an OIDC provider in ${AWS::AccountId} as the provider it names: a GitHub trust without sub is reported', () => {
    const provider = `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:oidc-provider/${GITHUB}`;
    const text = policy([allow({ Federated: provider }, 'sts:AssumeRoleWithWebIdentity')]);
    assert.deepEqual(trustFindings(text).map(([rule]) => rule).sort(), ['trust-oidc-missing-aud', 'trust-oidc-missing-sub']);
  });

  it('reads a SAML provider in ${AWS::AccountId} as SAML: no SAML:aud is reported', () => {
    const text = policy([allow({ Federated: 'arn:aws:iam::${AWS::AccountId}:saml-provider/Okta' }, 'sts:AssumeRoleWithSAML')]);
    assert.deepEqual(trustFindings(text).map(([rule]) => rule), ['trust-saml-missing-aud']);
  });

  it('answers at once on a principal of many references that does not match (no exponential backtracking)', { timeout: 10_000 }, () => {
    const text = policy([allow({ AWS: `arn:aws:iam::${'${a}'.repeat(60)}:rooX`, Federated: `arn:aws:iam::${'${a}'.repeat(60)}:oidc-providerX` }, 'sts:AssumeRole')]);
    assert.ok(Array.isArray(lint(text, trust).findings));
  });
});
