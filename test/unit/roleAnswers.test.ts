import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NEW_ROLE_USAGE } from '../../server/src/cli/newRole';
import { findManagedPolicy, managedPolicies, suggestManagedPolicies } from '../../server/src/core/iam/managedPolicies';
import { parseTrustSpec, roleChecks, type TrustedEntity } from '../../server/src/core/role';
import { resolveManagedPolicies } from '../../server/src/core/role/permissions';

/** The single-answer checks the wizard runs inline, `--trust` parsing, and managed policy names. */

const EKS_ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';

describe('roleChecks: single answers', () => {
  /** [check name, call, problem expected (a pattern it matches) or undefined]. */
  const CASES: [string, () => string | undefined, RegExp | undefined][] = [
    ['role name', () => roleChecks.roleNameProblem('Deployer'), undefined],
    ['role name of every allowed character', () => roleChecks.roleNameProblem('a+b=c,d.e@f_g-h'), undefined],
    ['role name of 64', () => roleChecks.roleNameProblem('a'.repeat(64)), undefined],
    ['empty role name', () => roleChecks.roleNameProblem(''), /Give the role a name/],
    ['role name of 65', () => roleChecks.roleNameProblem('a'.repeat(65)), /at most 64 characters; this one has 65/],
    ['role name with space and /', () => roleChecks.roleNameProblem('a b/c'), /not " " "\/"/],
    ['role name with a non-ASCII letter', () => roleChecks.roleNameProblem('rôle'), /not "ô"/],
    ['account id', () => roleChecks.accountIdProblem('012345678901'), undefined],
    ['account id of 11 digits', () => roleChecks.accountIdProblem('12345678901'), /has 11 \(leading zeros count\)/],
    ['account id of 13 digits', () => roleChecks.accountIdProblem('1234567890123'), /is 12 digits, like 111122223333/],
    ['account id with letters', () => roleChecks.accountIdProblem('12345678901a'), /is 12 digits/],
    ['max session 3599', () => roleChecks.maxSessionDurationProblem(3599), /3,600 to 43,200/],
    ['max session 3600', () => roleChecks.maxSessionDurationProblem(3600), undefined],
    ['max session 43200', () => roleChecks.maxSessionDurationProblem(43200), undefined],
    ['max session 43201', () => roleChecks.maxSessionDurationProblem(43201), /not 43201/],
    ['max session 1.5', () => roleChecks.maxSessionDurationProblem(1.5), /not 1\.5/],
    ['max session NaN', () => roleChecks.maxSessionDurationProblem(Number.NaN), /not NaN/],
    ['session 899', () => roleChecks.sessionDurationProblem(899), /900 to 43,200/],
    ['session 900', () => roleChecks.sessionDurationProblem(900), undefined],
    ['session 3601 over the default maximum', () => roleChecks.sessionDurationProblem(3601), /raise the maximum/],
    ['session 43200 under a maximum of 43200', () => roleChecks.sessionDurationProblem(43200, 43200), undefined],
    ['session 43201', () => roleChecks.sessionDurationProblem(43201, 43200), /900 to 43,200/],
    ['role ARN', () => roleChecks.principalArnProblem('arn:aws:iam::111122223333:role/Deployer'), undefined],
    ['role ARN with a path', () => roleChecks.principalArnProblem('arn:aws:iam::111122223333:role/team/Deployer'), undefined],
    ['user ARN', () => roleChecks.principalArnProblem('arn:aws:iam::111122223333:user/alice'), undefined],
    ['assumed-role session ARN', () => roleChecks.principalArnProblem('arn:aws:sts::111122223333:assumed-role/Deployer/s'), /not a session of it/],
    ['account root ARN', () => roleChecks.principalArnProblem('arn:aws:iam::111122223333:root'), /not an IAM role or user ARN/],
    ['role ARN with ROLE_NAME', () => roleChecks.principalArnProblem('arn:aws:iam::111122223333:role/ROLE_NAME'), /Replace ROLE_NAME/],
    ['service principal', () => roleChecks.servicePrincipalProblem('lambda.amazonaws.com'), undefined],
    ['China service principal', () => roleChecks.servicePrincipalProblem('ec2.amazonaws.com.cn'), undefined],
    ['bare service name', () => roleChecks.servicePrincipalProblem('lambda'), /like lambda\.amazonaws\.com/],
    ['GitHub repository', () => roleChecks.githubRepositoryProblem('my-org/my.repo_1'), undefined],
    ['GitHub owner of 39', () => roleChecks.githubRepositoryProblem(`${'a'.repeat(39)}/r`), undefined],
    ['GitHub owner of 40', () => roleChecks.githubRepositoryProblem(`${'a'.repeat(40)}/r`), /not a GitHub repository/],
    ['GitHub repository *', () => roleChecks.githubRepositoryProblem('*'), /Name one repository/],
    ['GitHub OWNER/REPO', () => roleChecks.githubRepositoryProblem('OWNER/REPO'), /Replace OWNER, REPO/],
    ['GitHub repository without owner', () => roleChecks.githubRepositoryProblem('repo'), /like my-org\/my-repo/],
    ['branch', () => roleChecks.branchProblem('feature/login'), undefined],
    ['branch pattern', () => roleChecks.branchProblem('release/*'), undefined],
    ['branch *', () => roleChecks.branchProblem('*'), /Name a branch/],
    ['branch a*b', () => roleChecks.branchProblem('a*b'), /only end with \*/],
    ['branch with ..', () => roleChecks.branchProblem('a..b'), /not a git branch name/],
    ['branch with a space', () => roleChecks.branchProblem('a b'), /not a git branch name/],
    ['branch ending .lock', () => roleChecks.branchProblem('main.lock'), /not a git branch name/],
    ['branch starting /', () => roleChecks.branchProblem('/main'), /not a git branch name/],
    ['empty branch', () => roleChecks.branchProblem(''), /not a git branch name/],
    ['environment', () => roleChecks.environmentProblem('production'), undefined],
    ['environment with :', () => roleChecks.environmentProblem('a:b'), /no wildcards, colons/],
    ['GitLab project in a subgroup', () => roleChecks.gitlabProjectProblem('group/sub/project'), undefined],
    ['GitLab project *', () => roleChecks.gitlabProjectProblem('group/*'), /Name one project/],
    ['GitLab GROUP/PROJECT', () => roleChecks.gitlabProjectProblem('GROUP/PROJECT'), /Replace GROUP, PROJECT/],
    ['EKS issuer', () => roleChecks.eksIssuerProblem(EKS_ISSUER), undefined],
    ['EKS issuer with https:// and /', () => roleChecks.eksIssuerProblem(`https://${EKS_ISSUER}/`), undefined],
    ['EKS issuer of another host', () => roleChecks.eksIssuerProblem('https://example.com/id/ABC'), /not an EKS OIDC issuer.*describe-cluster/],
    ['namespace', () => roleChecks.kubernetesNameProblem('kube-system', 'namespace'), undefined],
    ['namespace upper-case', () => roleChecks.kubernetesNameProblem('Prod', 'namespace'), /Kubernetes namespace name/],
    ['service account ending -', () => roleChecks.kubernetesNameProblem('sa-', 'service account'), /starting and ending with a letter or digit/],
    ['service account *', () => roleChecks.kubernetesNameProblem('*', 'service account'), /no wildcards/],
    ['SAML provider', () => roleChecks.samlProviderArnProblem('arn:aws:iam::111122223333:saml-provider/My.IdP-1'), undefined],
    ['SAML provider of an OIDC ARN', () => roleChecks.samlProviderArnProblem('arn:aws:iam::111122223333:oidc-provider/x'), /not a SAML provider ARN/],
    ['OIDC issuer with a path', () => roleChecks.oidcIssuerProblem('https://token.example.com/tenant/v2'), undefined],
    ['OIDC issuer without a dot', () => roleChecks.oidcIssuerProblem('https://localhost'), /not an OIDC issuer URL/],
    ['OIDC issuer over http', () => roleChecks.oidcIssuerProblem('http://token.example.com'), /not an OIDC issuer URL/],
    ['subject', () => roleChecks.claimValueProblem('user:42', 'subject'), undefined],
    ['subject pattern', () => roleChecks.claimValueProblem('team-*', 'subject'), undefined],
    ['subject of wildcards only', () => roleChecks.claimValueProblem('*?', 'subject'), /only wildcards/],
    ['empty audience', () => roleChecks.claimValueProblem('  ', 'audience'), /Give the audience/],
    ['audience fill-in', () => roleChecks.claimValueProblem('CLIENT_ID', 'audience'), /Replace CLIENT_ID/],
    ['ExternalId', () => roleChecks.externalIdProblem('Xk29fjQ0aP3mZ8rT'), undefined],
    ['ExternalId of 1', () => roleChecks.externalIdProblem('a'), /2 to 1,224 characters/],
    ['ExternalId of 1,225', () => roleChecks.externalIdProblem('a'.repeat(1225)), /2 to 1,224 characters/],
    ['ExternalId with a space', () => roleChecks.externalIdProblem('ab cd'), /" " cannot be sent/],
    ['placeholder ExternalId', () => roleChecks.externalIdProblem('your-external-id'), /placeholder, not a secret/],
    ['<external-id>', () => roleChecks.externalIdProblem('<external-id>'), /placeholder/],
  ];
  for (const [name, check, expected] of CASES) {
    it(`${name}: ${expected ? 'a problem' : 'fine'}`, () => {
      const problem = check();
      if (!expected) return assert.equal(problem, undefined);
      assert.ok(problem !== undefined && problem.trim() !== '', 'expected a problem');
      assert.match(problem, expected);
    });
  }
  it('an OIDC issuer with a port is refused (IAM: the provider URL should not contain a port)', () => {
    assert.notEqual(roleChecks.oidcIssuerProblem('https://token.example.com:8443'), undefined);
  });
  it('withoutScheme strips https:// and a trailing /', () => {
    assert.equal(roleChecks.withoutScheme(`HTTPS://${EKS_ISSUER}/`), EKS_ISSUER);
    assert.equal(roleChecks.withoutScheme('token.example.com'), 'token.example.com');
  });
});

describe('parseTrustSpec', () => {
  const ROLE_ARN = 'arn:aws:iam::111122223333:role/Deployer';
  /** [--trust value, the entity it reads as]. */
  const FORMS: [string, TrustedEntity][] = [
    ['account:111122223333', { type: 'account', accounts: ['111122223333'] }],
    ['account:111122223333, 444455556666,', { type: 'account', accounts: ['111122223333', '444455556666'] }],
    [`role:${ROLE_ARN}`, { type: 'principal', arns: [ROLE_ARN] }],
    [`role:${ROLE_ARN},arn:aws:iam::111122223333:role/Other`, { type: 'principal', arns: [ROLE_ARN, 'arn:aws:iam::111122223333:role/Other'] }],
    ['user:arn:aws:iam::111122223333:user/alice', { type: 'principal', arns: ['arn:aws:iam::111122223333:user/alice'] }],
    ['service:ec2.amazonaws.com', { type: 'service', services: ['ec2.amazonaws.com'] }],
    ['service:lambda.amazonaws.com,pods.eks.amazonaws.com', { type: 'service', services: ['lambda.amazonaws.com', 'pods.eks.amazonaws.com'] }],
    ['github:my-org/my-repo', { type: 'github', repository: 'my-org/my-repo' }],
    ['github:my-org/my-repo:main', { type: 'github', repository: 'my-org/my-repo', branch: 'main' }],
    ['github:my-org/my-repo:release/*', { type: 'github', repository: 'my-org/my-repo', branch: 'release/*' }],
    ['github:my-org/my-repo@env:production', { type: 'github', repository: 'my-org/my-repo', environment: 'production' }],
    [`eks:${EKS_ISSUER}:default:my-sa`, { type: 'eks', issuer: EKS_ISSUER, namespace: 'default', serviceAccount: 'my-sa' }],
    [`eks:https://${EKS_ISSUER}:default:my-sa`, { type: 'eks', issuer: `https://${EKS_ISSUER}`, namespace: 'default', serviceAccount: 'my-sa' }],
    ['gitlab:my-group/my-project', { type: 'gitlab', project: 'my-group/my-project' }],
    ['gitlab:my-group/sub/my-project:main', { type: 'gitlab', project: 'my-group/sub/my-project', branch: 'main' }],
    ['saml:arn:aws:iam::111122223333:saml-provider/MyIdP', { type: 'saml', providerArn: 'arn:aws:iam::111122223333:saml-provider/MyIdP' }],
    ['oidc:https://token.example.com,aud=my-app,sub=user:42', { type: 'oidc', issuer: 'https://token.example.com', audience: 'my-app', subject: 'user:42' }],
    ['oidc:token.example.com, sub=a=b , aud=x', { type: 'oidc', issuer: 'token.example.com', audience: 'x', subject: 'a=b' }],
  ];
  for (const [spec, entity] of FORMS) it(spec, () => assert.deepEqual(parseTrustSpec(spec), entity));

  it('covers every SPEC kind of NEW_ROLE_USAGE', () => {
    const trustSection = NEW_ROLE_USAGE.slice(NEW_ROLE_USAGE.indexOf('--trust SPEC'), NEW_ROLE_USAGE.indexOf('\n  --mfa'));
    const documented = new Set([...trustSection.matchAll(/(?<![@\w])([a-z]+):[A-Z]/g)].map((m) => m[1]));
    assert.deepEqual([...documented].sort(), ['account', 'eks', 'github', 'gitlab', 'oidc', 'role', 'saml', 'service', 'user']);
    const tested = new Set(FORMS.map(([spec]) => spec.slice(0, spec.indexOf(':'))));
    assert.deepEqual([...tested].sort(), [...documented].sort());
    assert.ok(trustSection.includes('@env:'), 'the environment form is documented');
  });

  /** [--trust value, what the error says]. */
  const ERRORS: [string, RegExp][] = [
    ['', /--trust : the kinds are/],
    ['account', /--trust account: say which account/],
    ['account:', /say which account/],
    ['github:', /say which github/],
    ['frobnicate:x', /the kinds are account:, role:, user:, service:, github:, eks:, gitlab:, saml: and oidc:/],
    [':111122223333', /the kinds are/],
    ['ACCOUNT:111122223333', /the kinds are/],
    [`eks:${EKS_ISSUER}`, /write eks:ISSUER:NAMESPACE:SERVICE_ACCOUNT/],
    ['eks:a:b', /write eks:ISSUER:NAMESPACE:SERVICE_ACCOUNT/],
    ['oidc:https://token.example.com', /write oidc:ISSUER,aud=AUDIENCE,sub=SUBJECT/],
    ['oidc:https://token.example.com,aud=x', /write oidc:ISSUER,aud=AUDIENCE,sub=SUBJECT/],
    ['oidc:https://token.example.com,sub=x', /write oidc:ISSUER,aud=AUDIENCE,sub=SUBJECT/],
  ];
  for (const [spec, message] of ERRORS) {
    it(`"${spec}" is an error`, () => {
      const parsed = parseTrustSpec(spec);
      assert.ok('error' in parsed, JSON.stringify(parsed));
      assert.match(parsed.error, message);
    });
  }

  it('empty values inside a known kind parse, and the builder reports them', () => {
    assert.deepEqual(parseTrustSpec('account:,'), { type: 'account', accounts: [] });
    assert.deepEqual(parseTrustSpec('github:o/r@env:'), { type: 'github', repository: 'o/r', environment: '' });
    assert.deepEqual(parseTrustSpec('github:o/r:'), { type: 'github', repository: 'o/r', branch: '' });
    assert.deepEqual(parseTrustSpec('oidc:,aud=,sub='), { type: 'oidc', issuer: '', audience: '', subject: '' });
  });

  it('a GitHub repo with a branch and an environment reads the environment', () => {
    assert.deepEqual(parseTrustSpec('github:o/r:main@env:prod'), { type: 'github', repository: 'o/r:main', environment: 'prod' });
  });

  it(
    'an oidc pair that is not aud= or sub= is an error, not ignored',
    () => {
      const parsed = parseTrustSpec('oidc:token.example.com,aud=a,sub=s,subject=t');
      assert.ok('error' in parsed, JSON.stringify(parsed));
    },
  );
});

describe('managed policies', () => {
  const resolve = (...names: string[]) => resolveManagedPolicies(names);

  it('names, paths and ARNs of AWS managed policies resolve to their ARN', () => {
    assert.deepEqual(resolve('SecurityAudit'), { arns: ['arn:aws:iam::aws:policy/SecurityAudit'], problems: [], warnings: [] });
    for (const name of ['AWSLambdaBasicExecutionRole', 'service-role/AWSLambdaBasicExecutionRole', '/service-role/AWSLambdaBasicExecutionRole', 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']) {
      assert.deepEqual(resolve(name), { arns: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'], problems: [], warnings: [] }, name);
    }
    assert.deepEqual(resolve('job-function/ViewOnlyAccess').arns, ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess']);
    assert.deepEqual(resolve('ViewOnlyAccess').arns, ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess']);
    assert.deepEqual(resolve(' securityaudit ').arns, ['arn:aws:iam::aws:policy/SecurityAudit'], 'names are case-insensitive and trimmed');
  });

  it('the same policy twice is attached once', () => {
    assert.deepEqual(resolve('SecurityAudit', 'arn:aws:iam::aws:policy/SecurityAudit', 'securityaudit').arns, ['arn:aws:iam::aws:policy/SecurityAudit']);
  });

  it('a wrong path is a problem', () => {
    const { arns, problems } = resolve('service-role/SecurityAudit');
    assert.deepEqual(arns, []);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].field, 'managedPolicies');
    assert.match(problems[0].message, /"service-role\/SecurityAudit" is not an AWS managed policy; did you mean SecurityAudit\?/);
    assert.equal(findManagedPolicy('job-function/SecurityAudit'), undefined);
  });

  it('a misspelt name suggests the right one', () => {
    const { problems } = resolve('SecurityAudti');
    assert.match(problems[0].message, /did you mean SecurityAudit/);
    assert.equal(suggestManagedPolicies('SecurityAudti')[0], 'SecurityAudit');
    assert.match(resolve('AWSLambdaBasicExecutionRol').problems[0].message, /did you mean AWSLambdaBasicExecutionRole/);
  });

  it('a service-linked role policy (aws-service-role/) is a problem', () => {
    const serviceLinked = managedPolicies().find((p) => p.path === '/aws-service-role/');
    assert.ok(serviceLinked, 'the list has service-linked role policies');
    assert.ok(serviceLinked.serviceLinkedOnly);
    for (const name of [serviceLinked.name, `aws-service-role/${serviceLinked.name}`, serviceLinked.arn]) {
      const { arns, problems } = resolve(name);
      assert.deepEqual(arns, [], name);
      assert.match(problems[0].message, /belongs to a service-linked role \(\/aws-service-role\/\) and cannot be attached/);
    }
    assert.ok(
      managedPolicies()
        .filter((p) => p.path !== '/aws-service-role/')
        .every((p) => !p.serviceLinkedOnly),
    );
  });

  it('customer managed policy ARNs pass through', () => {
    const arns = ['arn:aws:iam::111122223333:policy/Mine', 'arn:aws:iam::111122223333:policy/team/Other'];
    assert.deepEqual(resolve(...arns), { arns, problems: [], warnings: [] });
  });

  it('more than 20 managed policies is a problem, 20 is not', () => {
    const customer = (count: number) => Array.from({ length: count }, (_, i) => `arn:aws:iam::111122223333:policy/P${i}`);
    assert.deepEqual(resolve(...customer(20)).problems, []);
    const { problems } = resolve(...customer(21));
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /at most 20 managed policies.*21 were given/);
    assert.deepEqual(resolve(...customer(20), 'SecurityAudit', 'SecurityAudit').problems.length, 1, 'the 21st policy counts once');
  });

  it('a customer managed ARN given twice is attached once', () => {
    assert.deepEqual(resolve('arn:aws:iam::111122223333:policy/Mine', 'arn:aws:iam::111122223333:policy/Mine').arns, ['arn:aws:iam::111122223333:policy/Mine']);
  });

  it('the generated list has the usual policies with their paths', () => {
    const path = (name: string) => findManagedPolicy(name)?.path;
    assert.equal(path('AdministratorAccess'), '/');
    assert.equal(path('ReadOnlyAccess'), '/');
    assert.equal(path('AWSLambdaBasicExecutionRole'), '/service-role/');
    assert.equal(path('ViewOnlyAccess'), '/job-function/');
    assert.ok(managedPolicies().length > 1000);
  });

  it(
    'a customer managed ARN with a bad account id is reported as a bad ARN, not as "not an AWS managed policy"',
    () => {
      const { problems } = resolve('arn:aws:iam::11112222333:policy/Mine');
      assert.equal(problems.length, 1);
      assert.doesNotMatch(problems[0].message, /is not an AWS managed policy/);
    },
  );
});
