import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createPolicyService, graph } from '../../server/src/core';

const service = createPolicyService();
const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

const OWN = '111122223333';
const AUDITORS = '444455556666';
const VENDOR = '777788889999';
const GITHUB = 'token.actions.githubusercontent.com';
const GITHUB_PROVIDER = `arn:aws:iam::${OWN}:oidc-provider/${GITHUB}`;
const EKS = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F2A3B4C5D6E7F8A9B0C1D2E3F4A5B';
const EKS_PROVIDER = `arn:aws:iam::${OWN}:oidc-provider/${EKS}`;
const GITLAB_PROVIDER = `arn:aws:iam::${OWN}:oidc-provider/gitlab.com`;
const SAML_PROVIDER = `arn:aws:iam::${OWN}:saml-provider/AcmeOkta`;
const IDENTITY_POOL = 'us-east-1:0f1e2d3c-4b5a-4697-8876-a1b2c3d4e5f6';
/** Long and random enough for trust-external-id-weak to stay quiet. */
const EXTERNAL_ID = 'Xk4tR9vQ2mLp7Wz3Nc8Bh5Yd';
const MFA = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };

type Doc = Record<string, unknown> | string;

/** A policy document from statements. */
const doc = (...statements: Record<string, unknown>[]): Doc => ({ Version: '2012-10-17', Statement: statements });

/** One Allow statement of a trust policy. */
const allowTrust = (principal: unknown, condition?: Record<string, unknown>, action: unknown = 'sts:AssumeRole', extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Principal: principal,
  Action: action,
  ...(condition ? { Condition: condition } : {}),
  ...extra,
});
const trustDoc = (principal: unknown, condition?: Record<string, unknown>, action?: unknown): Doc => doc(allowTrust(principal, condition, action));

/** One Allow statement of an identity policy. */
const allowGrant = (resource: unknown, action: unknown = 'sts:AssumeRole', extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Action: action, Resource: resource, ...extra });

const webIdentity = 'sts:AssumeRoleWithWebIdentity';
const githubTrust = (condition: Record<string, unknown> | undefined) => trustDoc({ Federated: GITHUB_PROVIDER }, condition, webIdentity);
const githubSub = (sub: string, operator = 'StringEquals'): Record<string, unknown> => {
  const condition: Record<string, Record<string, string>> = { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' } };
  condition[operator] = { ...condition[operator], [`${GITHUB}:sub`]: sub };
  return condition;
};

function graphFile(path: string, content: Doc): graph.GraphFile[] {
  const text = typeof content === 'string' ? content : JSON.stringify(content, null, 2);
  return service.graphFacts(service.parse(text), { fileName: path }).map((facts) => ({ path, facts }));
}

/** The graph of files given as path -> document (an object or the exact text). */
function build(files: Record<string, Doc>, options: graph.GraphOptions = {}): graph.TrustGraph {
  return graph.buildTrustGraph(
    Object.entries(files).flatMap(([path, content]) => graphFile(path, content)),
    options,
  );
}

function nodeOf(g: graph.TrustGraph, id: string): graph.GraphNode {
  const node = g.nodes.find((n) => n.id === id);
  assert.ok(node, `no node ${id} in ${g.nodes.map((n) => n.id).join(', ')}`);
  return node;
}

/** The node, as the fields the picture shows. */
const shown = (node: graph.GraphNode) => ({ id: node.id, kind: node.kind, label: node.label, account: node.account, local: node.local });

const edgesInto = (g: graph.TrustGraph, to: string, kind: graph.GraphEdge['kind'] = 'trust') => g.edges.filter((e) => e.to === to && e.kind === kind);
const grants = (g: graph.TrustGraph) => g.edges.filter((e) => e.kind === 'grant');
const issuesOf = (g: graph.TrustGraph, kind: graph.IssueKind) => g.issues.filter((i) => i.kind === kind);

/** The role of `r-trust.json` at the workspace root: "this account". */
const ROLE = 'role::r';
/** The one trust edge into the role of a single trust policy, with its principal's node. */
function soleTrust(content: Doc): { edge: graph.GraphEdge; from: graph.GraphNode; g: graph.TrustGraph } {
  const g = build({ 'r-trust.json': content });
  const edges = edgesInto(g, ROLE);
  assert.equal(edges.length, 1, JSON.stringify(g.edges, null, 2));
  return { edge: edges[0], from: nodeOf(g, edges[0].from), g };
}

describe('trust graph: a node for each kind of principal', () => {
  const cases: [string, unknown, Partial<ReturnType<typeof shown>>, string?][] = [
    ['an account id', { AWS: AUDITORS }, { id: `account:${AUDITORS}`, kind: 'account', label: `account ${AUDITORS}`, account: AUDITORS }],
    ['an account root ARN (the same node as the id)', { AWS: `arn:aws:iam::${AUDITORS}:root` }, { id: `account:${AUDITORS}`, kind: 'account', label: `account ${AUDITORS}`, account: AUDITORS }],
    ['a role, by its name without the path', { AWS: `arn:aws:iam::${AUDITORS}:role/ops/Admin` }, { id: `role:${AUDITORS}:Admin`, kind: 'role', label: 'Admin', account: AUDITORS }],
    ['a user', { AWS: `arn:aws:iam::${AUDITORS}:user/alice` }, { id: `user:${AUDITORS}:alice`, kind: 'user', label: 'alice', account: AUDITORS }],
    ['an assumed-role session', { AWS: `arn:aws:sts::${AUDITORS}:assumed-role/Admin/bob` }, { id: `session:${AUDITORS}:Admin/bob`, kind: 'session', label: 'Admin/bob', account: AUDITORS }],
    ['a federated user', { AWS: `arn:aws:sts::${AUDITORS}:federated-user/carol` }, { id: `federated-user:${AUDITORS}:carol`, kind: 'federated-user', label: 'carol', account: AUDITORS }],
    ['a service', { Service: 'ec2.amazonaws.com' }, { id: 'service:ec2.amazonaws.com', kind: 'service', label: 'ec2.amazonaws.com' }],
    ['the GitHub OIDC provider', { Federated: GITHUB_PROVIDER }, { id: `oidc:${OWN}:${GITHUB}`, kind: 'oidc', label: GITHUB, account: OWN }, webIdentity],
    ['an EKS OIDC provider (id lower-cased, label as written)', { Federated: EKS_PROVIDER }, { id: `oidc:${OWN}:${EKS.toLowerCase()}`, kind: 'oidc', label: EKS, account: OWN }, webIdentity],
    ['the GitLab OIDC provider', { Federated: GITLAB_PROVIDER }, { id: `oidc:${OWN}:gitlab.com`, kind: 'oidc', label: 'gitlab.com', account: OWN }, webIdentity],
    ['Cognito identity pools', { Federated: 'cognito-identity.amazonaws.com' }, { id: 'oidc:cognito-identity.amazonaws.com', kind: 'oidc', label: 'cognito-identity.amazonaws.com' }, webIdentity],
    ['a SAML provider', { Federated: SAML_PROVIDER }, { id: `saml:${OWN}:AcmeOkta`, kind: 'saml', label: 'SAML AcmeOkta', account: OWN }, 'sts:AssumeRoleWithSAML'],
    ['"*"', '*', { id: 'public', kind: 'public', label: 'anyone (*)' }],
    ['{"AWS": "*"}', { AWS: '*' }, { id: 'public', kind: 'public', label: 'anyone (*)' }],
    ['a CloudFormation ${AWS::AccountId} root: this account', { AWS: 'arn:aws:iam::${AWS::AccountId}:root' }, { id: 'account:', kind: 'account', label: 'this account', local: true }],
    ['a CloudFormation ${AWS::AccountId} role: a role of this account', { AWS: 'arn:aws:iam::${AWS::AccountId}:role/Builder' }, { id: 'role::Builder', kind: 'role', label: 'Builder', local: true }],
    ['a role unique id (a deleted role)', { AWS: 'AROAEXAMPLEEXAMPLE1234' }, { id: 'principal:AROAEXAMPLEEXAMPLE1234', kind: 'reference', label: 'AROAEXAMPLEEXAMPLE1234' }],
    ['a template reference', { AWS: '${TrustedRoleArn}' }, { id: 'principal:${TrustedRoleArn}', kind: 'reference', label: '${TrustedRoleArn}' }],
  ];
  for (const [name, principal, expected, action] of cases) {
    it(name, () => {
      const { from, edge } = soleTrust(trustDoc(principal, undefined, action));
      assert.deepEqual(shown(from), { account: undefined, local: undefined, ...expected });
      assert.equal(edge.kind, 'trust');
      assert.equal(edge.to, ROLE);
      assert.equal(from.source, undefined, 'a principal is not defined by the trust policy naming it');
    });
  }

  it('the role itself: named by the file, "this account", with the whole file as its source', () => {
    const text = JSON.stringify(trustDoc({ Service: 'ec2.amazonaws.com' }), null, 2);
    const role = nodeOf(build({ 'r-trust.json': text }), ROLE);
    assert.deepEqual(shown(role), { id: ROLE, kind: 'role', label: 'r', account: undefined, local: true });
    assert.deepEqual(role.source, { path: 'r-trust.json', span: { offset: 0, length: text.length } });
  });

  it('several principals of one statement: one edge each, the account id and its root ARN as one node', () => {
    const g = build({ 'r-trust.json': trustDoc({ AWS: [AUDITORS, `arn:aws:iam::${VENDOR}:root`, `arn:aws:iam::${AUDITORS}:root`], Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] }, { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } }) });
    assert.deepEqual(
      [...new Set(edgesInto(g, ROLE).map((e) => e.from))].sort(),
      [`account:${AUDITORS}`, `account:${VENDOR}`, 'service:ec2.amazonaws.com', 'service:lambda.amazonaws.com'],
    );
    assert.equal(g.nodes.filter((n) => n.id === `account:${AUDITORS}`).length, 1);
  });

  it('the edge source is the principal value, and the statement is pointed at with its Sid', () => {
    const text = JSON.stringify(doc(allowTrust({ AWS: `arn:aws:iam::${AUDITORS}:root` }, MFA, 'sts:AssumeRole', { Sid: 'Auditors' })), null, 2);
    const { edge } = soleTrust(text);
    assert.equal(text.slice(edge.source.span.offset, edge.source.span.offset + edge.source.span.length), `"arn:aws:iam::${AUDITORS}:root"`);
    assert.equal(edge.statement.sid, 'Auditors');
    assert.equal(edge.statement.index, 0);
    assert.match(text.slice(edge.statement.span.offset, edge.statement.span.offset + edge.statement.span.length), /^\{[\s\S]*"Sid": "Auditors"[\s\S]*\}$/);
  });

  it('NotPrincipal with Allow: everyone, "except" the principals it names, high risk', () => {
    const { from, edge } = soleTrust(doc({ Effect: 'Allow', NotPrincipal: { AWS: [`arn:aws:iam::${AUDITORS}:root`, `arn:aws:iam::${AUDITORS}:user/bob`] }, Action: 'sts:AssumeRole' }));
    assert.equal(from.id, 'public');
    assert.deepEqual(edge.conditions, [`except arn:aws:iam::${AUDITORS}:root | arn:aws:iam::${AUDITORS}:user/bob`]);
    assert.equal(edge.risk, 'high');
  });

  it('draws nothing for Deny statements, NotPrincipal with Deny, canonical users, or statements allowing only session actions', () => {
    const g = build({
      'r-trust.json': doc(
        { Effect: 'Deny', Principal: { AWS: `arn:aws:iam::${AUDITORS}:root` }, Action: 'sts:AssumeRole' },
        { Effect: 'Deny', NotPrincipal: { AWS: `arn:aws:iam::${VENDOR}:root` }, Action: 'sts:AssumeRole' },
        allowTrust({ CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' }),
        allowTrust({ AWS: `arn:aws:iam::${VENDOR}:root` }, undefined, 'sts:TagSession'),
        allowTrust({ Service: 'ec2.amazonaws.com' }),
      ),
    });
    assert.deepEqual(
      edgesInto(g, ROLE).map((e) => e.from),
      ['service:ec2.amazonaws.com'],
    );
    assert.deepEqual(g.nodes.map((n) => n.id).sort(), [ROLE, 'service:ec2.amazonaws.com']);
  });

  it('draws no "can assume" edge for a principal whose assume action the statement does not allow', () => {
    // An account cannot call AssumeRoleWithSAML, a SAML provider cannot call AssumeRole, GitHub needs AssumeRoleWithWebIdentity.
    const saml = build({ 'r-trust.json': trustDoc({ AWS: `arn:aws:iam::${AUDITORS}:root` }, { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } }, 'sts:AssumeRoleWithSAML') });
    assert.deepEqual(edgesInto(saml, ROLE), []);
    const provider = build({ 'r-trust.json': trustDoc({ Federated: SAML_PROVIDER }, { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }, 'sts:AssumeRole') });
    assert.deepEqual(edgesInto(provider, ROLE), []);
    const github = build({ 'r-trust.json': trustDoc({ Federated: GITHUB_PROVIDER }, githubSub('repo:acme/web:ref:refs/heads/main'), 'sts:AssumeRole') });
    assert.deepEqual(edgesInto(github, ROLE), []);
    // Not silently: the graph says why the role has no edge.
    const unusable = github.issues.filter((i) => i.kind === 'unusable-trust');
    assert.equal(unusable.length, 1);
    assert.match(unusable[0].message, /does not allow sts:AssumeRoleWithWebIdentity/);
  });

  it("the role's own account trusting itself with no condition is low; another account the same way is medium", () => {
    const own = build({ [`${OWN}/r-trust.json`]: trustDoc({ AWS: `arn:aws:iam::${OWN}:root` }) });
    assert.equal(own.edges[0].risk, 'low');
    assert.deepEqual(own.edges[0].reasons, []);
    const template = build({ 'r-trust.json': trustDoc({ AWS: 'arn:aws:iam::${AWS::AccountId}:root' }) });
    assert.equal(template.edges[0].risk, 'low');
    const other = build({ [`${OWN}/r-trust.json`]: trustDoc({ AWS: `arn:aws:iam::${AUDITORS}:root` }) });
    assert.equal(other.edges[0].risk, 'medium');
  });
});

describe('trust graph: conditions in short form', () => {
  const conditionsOf = (content: Doc) => soleTrust(content).edge.conditions;
  const accountWith = (condition: Record<string, unknown>) => conditionsOf(trustDoc({ AWS: `arn:aws:iam::${AUDITORS}:root` }, condition));

  it('MFA, and "MFA ≤ 60 min" in place of "MFA" when the age is bounded too', () => {
    assert.deepEqual(accountWith(MFA), ['MFA']);
    assert.deepEqual(accountWith({ ...MFA, NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }), ['MFA ≤ 60 min']);
    assert.deepEqual(accountWith({ NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' }, ...MFA }), ['MFA ≤ 60 min']);
    // "false" does not require MFA: it is no MFA label.
    assert.ok(!accountWith({ Bool: { 'aws:MultiFactorAuthPresent': 'false' } }).includes('MFA'));
  });

  it('ExternalId (never its secret value) and org', () => {
    assert.deepEqual(accountWith({ StringEquals: { 'sts:ExternalId': EXTERNAL_ID } }), ['ExternalId']);
    assert.deepEqual(accountWith({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }), ['org o-a1b2c3d4e5']);
  });

  it('GitHub subjects: branch, environment, tag, pull request, wildcard; the sts.amazonaws.com audience is left out', () => {
    const cases: [string, string, string][] = [
      ['repo:acme/web:ref:refs/heads/main', 'StringEquals', 'acme/web:main'],
      ['repo:acme/web:environment:prod', 'StringEquals', 'acme/web env:prod'],
      ['repo:acme/web:ref:refs/tags/v1.2.3', 'StringEquals', 'acme/web tag:v1.2.3'],
      ['repo:acme/web:pull_request', 'StringEquals', 'acme/web PR'],
      ['repo:acme/web:*', 'StringLike', 'acme/web:*'],
      ['repo:acme/*', 'StringLike', 'acme/*:*'],
    ];
    for (const [sub, operator, label] of cases) assert.deepEqual(conditionsOf(githubTrust(githubSub(sub, operator))), [label], sub);
  });

  it('EKS namespace/service account, GitLab project:branch, Cognito pool', () => {
    const eks = trustDoc({ Federated: EKS_PROVIDER }, { StringEquals: { [`${EKS}:sub`]: 'system:serviceaccount:kube-system:external-dns', [`${EKS}:aud`]: 'sts.amazonaws.com' } }, webIdentity);
    assert.deepEqual(conditionsOf(eks), ['kube-system/external-dns']);
    const gitlab = trustDoc({ Federated: GITLAB_PROVIDER }, { StringEquals: { 'gitlab.com:sub': 'project_path:grp/proj:ref_type:branch:ref:main' } }, webIdentity);
    assert.deepEqual(conditionsOf(gitlab), ['grp/proj:main']);
    const cognito = trustDoc({ Federated: 'cognito-identity.amazonaws.com' }, { StringEquals: { 'cognito-identity.amazonaws.com:aud': IDENTITY_POOL } }, webIdentity);
    assert.deepEqual(conditionsOf(cognito).map((c) => c.slice(0, 'pool us-east-1:'.length)), ['pool us-east-1:']);
  });

  it('aws:SourceAccount and aws:SourceArn on a service', () => {
    const s3 = trustDoc({ Service: 's3.amazonaws.com' }, { StringEquals: { 'aws:SourceAccount': OWN }, ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::my-bucket' } });
    assert.deepEqual(conditionsOf(s3), [`source ${OWN}`, 'source my-bucket']);
  });

  it('SAML: console sign-in for the AWS sign-in audience', () => {
    const saml = trustDoc({ Federated: SAML_PROVIDER }, { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }, 'sts:AssumeRoleWithSAML');
    assert.deepEqual(conditionsOf(saml), ['console sign-in']);
  });

  it("an OIDC provider's claims are not put on another provider's edge, nor on an account's", () => {
    const g = build({
      'r-trust.json': doc(
        allowTrust(
          { Federated: [GITHUB_PROVIDER, EKS_PROVIDER] },
          { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com', [`${GITHUB}:sub`]: 'repo:acme/web:ref:refs/heads/main', [`${EKS}:sub`]: 'system:serviceaccount:ns:sa', [`${EKS}:aud`]: 'sts.amazonaws.com' } },
          webIdentity,
        ),
        allowTrust({ AWS: `arn:aws:iam::${AUDITORS}:root`, Service: 'ec2.amazonaws.com' }, { StringEquals: { [`${GITHUB}:sub`]: 'repo:acme/web:ref:refs/heads/main', 'sts:ExternalId': EXTERNAL_ID } }),
      ),
    });
    const conditions = Object.fromEntries(edgesInto(g, ROLE).map((e) => [e.from, e.conditions]));
    assert.deepEqual(conditions, {
      [`oidc:${OWN}:${GITHUB}`]: ['acme/web:main'],
      [`oidc:${OWN}:${EKS.toLowerCase()}`]: ['ns/sa'],
      [`account:${AUDITORS}`]: ['ExternalId'],
      'service:ec2.amazonaws.com': ['ExternalId'],
    });
  });

  it('an unconditioned edge has no conditions', () => {
    assert.deepEqual(conditionsOf(trustDoc({ Service: 'ec2.amazonaws.com' })), []);
  });
});

describe('trust graph: risk', () => {
  const riskOf = (content: Doc) => soleTrust(content).edge.risk;
  const accountRoot = { AWS: `arn:aws:iam::${AUDITORS}:root` };

  it('public is high, with a reason', () => {
    for (const principal of ['*', { AWS: '*' }]) {
      const { edge, g } = soleTrust(trustDoc(principal));
      assert.equal(edge.risk, 'high');
      assert.ok(edge.reasons.length > 0);
      assert.equal(nodeOf(g, ROLE).risk, 'high');
    }
  });

  it('GitHub without a sub condition is high; a wildcard sub is medium; a pinned repository is low', () => {
    assert.equal(riskOf(githubTrust({ StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' } })), 'high');
    assert.equal(riskOf(githubTrust(undefined)), 'high');
    assert.equal(riskOf(githubTrust(githubSub('repo:acme/*', 'StringLike'))), 'medium');
    assert.equal(riskOf(githubTrust(githubSub('repo:acme/web:ref:refs/heads/main'))), 'low');
    assert.equal(riskOf(githubTrust(githubSub('repo:acme/web:environment:prod'))), 'low');
  });

  it('an unconditioned cross-account root is medium; with ExternalId, MFA or org it is low', () => {
    assert.equal(riskOf(trustDoc(accountRoot)), 'medium');
    assert.equal(riskOf(trustDoc({ AWS: AUDITORS })), 'medium');
    assert.equal(riskOf(trustDoc(accountRoot, { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } })), 'low');
    assert.equal(riskOf(trustDoc(accountRoot, MFA)), 'low');
    assert.equal(riskOf(trustDoc(accountRoot, { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } })), 'low');
  });

  it('a service that needs no source condition (ec2) is low', () => {
    assert.equal(riskOf(trustDoc({ Service: 'ec2.amazonaws.com' })), 'low');
  });

  it('a finding on one principal does not raise the risk of the others in the statement', () => {
    const g = build({ 'r-trust.json': trustDoc({ AWS: `arn:aws:iam::${AUDITORS}:root`, Service: 'ec2.amazonaws.com' }) });
    const risks = Object.fromEntries(edgesInto(g, ROLE).map((e) => [e.from, e.risk]));
    assert.deepEqual(risks, { [`account:${AUDITORS}`]: 'medium', 'service:ec2.amazonaws.com': 'low' });
  });

  it('a Deny guarding every principal with MFA makes an unconditioned cross-account Allow low', () => {
    const guarded = doc(allowTrust(accountRoot), { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } });
    const { edge, g } = soleTrust(guarded);
    assert.equal(edge.from, `account:${AUDITORS}`);
    assert.equal(edge.risk, 'low');
    assert.deepEqual(edge.reasons, []);
    // The Deny's "*" is no principal that can assume the role.
    assert.equal(
      g.nodes.find((n) => n.id === 'public'),
      undefined,
    );
  });

  it('a role is as risky as its worst trust edge; grants do not count; a role with no trust edge has no risk', () => {
    const g = build({
      [`${OWN}/mixed-trust.json`]: doc(allowTrust({ Service: 'ec2.amazonaws.com' }), allowTrust({ AWS: `arn:aws:iam::${AUDITORS}:root` })),
      [`${OWN}/calm-trust.json`]: trustDoc({ Service: 'lambda.amazonaws.com' }),
      [`${OWN}/empty-trust.json`]: doc(allowTrust({ Service: 'ec2.amazonaws.com' }, undefined, 'sts:TagSession')),
      [`${OWN}/wide-policy.json`]: doc(allowGrant(`arn:aws:iam::${OWN}:role/*calm*`)),
    });
    assert.equal(nodeOf(g, `role:${OWN}:mixed`).risk, 'medium');
    assert.equal(nodeOf(g, `role:${OWN}:calm`).risk, 'low');
    assert.equal(grants(g).find((e) => e.to === `role:${OWN}:calm`)?.risk, 'medium');
    assert.equal(nodeOf(g, `role:${OWN}:empty`).risk, undefined);
  });
});

describe('trust graph: role identity from paths and settings', () => {
  const roleOf = (path: string, options: graph.GraphOptions = {}) => {
    const g = build({ [path]: trustDoc({ Service: 'ec2.amazonaws.com' }) }, options);
    const roles = g.nodes.filter((n) => n.kind === 'role');
    assert.equal(roles.length, 1);
    return shown(roles[0]);
  };
  const local = (name: string) => ({ id: `role::${name}`, kind: 'role', label: name, account: undefined, local: true });
  const inAccount = (name: string, account: string) => ({ id: `role:${account}:${name}`, kind: 'role', label: name, account, local: undefined });

  it('the name from the file name or the folder', () => {
    for (const path of ['deploy-trust-policy.json', 'deploy.trust.json', 'deploy_trust.json', 'deploy-trust.json', 'deploy/trust-policy.json', 'roles/deploy/assume-role-policy.json', 'deploy/trust.json', 'deploy-assume-role-policy.json']) {
      assert.deepEqual(roleOf(path), local('deploy'), path);
    }
    assert.deepEqual(roleOf('Deploy.Role-trust-policy.jsonc'), local('Deploy.Role'));
  });

  it('the roles setting: a glob to an ARN gives the name and the account; a glob to a name gives the name', () => {
    const roles = { 'special/*.json': 'arn:aws:iam::999988887777:role/Special', 'named/x-trust.json': 'Renamed', 'x-trust.json': ' Trimmed ' };
    assert.deepEqual(roleOf('special/anything.json', { roles }), inAccount('Special', '999988887777'));
    assert.deepEqual(roleOf('named/x-trust.json', { roles }), local('Renamed'));
    // A glob without "/" matches the base name in any folder.
    assert.deepEqual(roleOf('deep/down/x-trust.json', { roles }), local('Trimmed'));
    // The ARN's path is not part of the name; a name that is no role name is ignored.
    assert.deepEqual(roleOf('a-trust.json', { roles: { 'a-trust.json': 'arn:aws:iam::999988887777:role/teams/ops/OpsRole' } }), inAccount('OpsRole', '999988887777'));
    assert.deepEqual(roleOf('b-trust.json', { roles: { 'b-trust.json': 'not a role name!' } }), local('b'));
  });

  it('the account from a 12-digit folder, the nearest first', () => {
    assert.deepEqual(roleOf(`${OWN}/deploy-trust.json`), inAccount('deploy', OWN));
    assert.deepEqual(roleOf(`${OWN}/${AUDITORS}/deploy-trust.json`), inAccount('deploy', AUDITORS));
    // Not 12 digits: not an account.
    assert.deepEqual(roleOf('1111222233334/deploy-trust.json'), local('deploy'));
  });

  it('the account from a folder named like an account of the accounts setting', () => {
    const accounts = { [AUDITORS]: 'Auditors', [VENDOR]: 'Monitoring vendor' };
    assert.deepEqual(roleOf('auditors/deploy-trust.json', { accounts }), inAccount('deploy', AUDITORS));
    assert.deepEqual(roleOf('auditors-account/deploy-trust.json', { accounts }), inAccount('deploy', AUDITORS));
    assert.deepEqual(roleOf('Auditors_Accounts/roles/deploy-trust.json', { accounts }), inAccount('deploy', AUDITORS));
    assert.deepEqual(roleOf('monitoring-vendor/deploy-trust.json', { accounts }), inAccount('deploy', VENDOR));
    assert.deepEqual(roleOf('auditorsx/deploy-trust.json', { accounts }), local('deploy'));
  });

  it('else the default account, else this account', () => {
    assert.deepEqual(roleOf('other/deploy-trust.json', { defaultAccount: OWN }), inAccount('deploy', OWN));
    assert.deepEqual(roleOf('other/deploy-trust.json', { defaultAccount: 'not-an-account' }), local('deploy'));
    assert.deepEqual(roleOf('other/deploy-trust.json'), local('deploy'));
    // A folder wins over the default account, a role ARN over both.
    assert.deepEqual(roleOf(`${AUDITORS}/deploy-trust.json`, { defaultAccount: OWN }), inAccount('deploy', AUDITORS));
    assert.deepEqual(roleOf(`${AUDITORS}/deploy-trust.json`, { defaultAccount: OWN, roles: { '**/deploy-trust.json': `arn:aws:iam::${VENDOR}:role/D` } }), inAccount('D', VENDOR));
  });

  it('roleIdentity and fileAccount agree with the graph', () => {
    assert.deepEqual(graph.roleIdentity('auditors/deploy/trust-policy.json', { accounts: { [AUDITORS]: 'Auditors' } }), { name: 'deploy', account: AUDITORS });
    assert.deepEqual(graph.roleIdentity('deploy/trust-policy.json', {}), { name: 'deploy' });
    assert.equal(graph.fileAccount('x/y.json', {}), undefined);
  });

  it('two trust policies of one role: a duplicate-role warning, the first (by path) drawn', () => {
    const g = build({ 'b/deploy/trust-policy.json': trustDoc({ Service: 'lambda.amazonaws.com' }), 'a/deploy-trust.json': trustDoc({ Service: 'ec2.amazonaws.com' }) });
    const duplicates = issuesOf(g, 'duplicate-role');
    assert.equal(duplicates.length, 1);
    assert.equal(duplicates[0].severity, 'warning');
    assert.equal(duplicates[0].node, 'role::deploy');
    assert.equal(duplicates[0].source.path, 'b/deploy/trust-policy.json');
    assert.equal(nodeOf(g, 'role::deploy').source?.path, 'a/deploy-trust.json');
    assert.deepEqual(
      edgesInto(g, 'role::deploy').map((e) => e.from),
      ['service:ec2.amazonaws.com'],
    );
  });

  it('the same name in two accounts is two roles, no duplicate', () => {
    const g = build({ [`${OWN}/deploy-trust.json`]: trustDoc({ Service: 'ec2.amazonaws.com' }), [`${AUDITORS}/deploy-trust.json`]: trustDoc({ Service: 'ec2.amazonaws.com' }) });
    assert.deepEqual(issuesOf(g, 'duplicate-role'), []);
    assert.equal(g.nodes.filter((n) => n.kind === 'role').length, 2);
  });
});

describe('trust graph: grants (identity policies allowing sts:AssumeRole)', () => {
  /** Roles of account 111122223333, one of "this account", and an auditors' policy granting whatever is asked. */
  const WORKSPACE: Record<string, Doc> = {
    [`${OWN}/deploy-prod-trust.json`]: trustDoc({ AWS: `arn:aws:iam::${AUDITORS}:root` }, MFA),
    [`${OWN}/deploy-dev-trust.json`]: trustDoc({ AWS: `arn:aws:iam::${VENDOR}:root` }, MFA),
    [`${OWN}/build-trust.json`]: trustDoc({ Service: 'codebuild.amazonaws.com' }),
    'local-trust.json': trustDoc({ AWS: `arn:aws:iam::${AUDITORS}:root` }, MFA),
  };
  const OPTIONS: graph.GraphOptions = { accounts: { [AUDITORS]: 'Auditors' } };
  const POLICY = 'auditors/assume-policy.json';
  const withPolicy = (...statements: Record<string, unknown>[]) => build({ ...WORKSPACE, [POLICY]: doc(...statements) }, OPTIONS);
  const grantTargets = (g: graph.TrustGraph) =>
    grants(g)
      .map((e) => [e.to, e.risk])
      .sort();

  it('an identity policy granting the call is a policy node in its account, with the whole file as its source', () => {
    const g = withPolicy(allowGrant(`arn:aws:iam::${OWN}:role/deploy-prod`));
    const policy = nodeOf(g, `policy:${POLICY}`);
    assert.deepEqual(shown(policy), { id: `policy:${POLICY}`, kind: 'policy', label: 'assume-policy', account: AUDITORS, local: undefined });
    assert.equal(policy.source?.path, POLICY);
    assert.equal(grants(g)[0].from, policy.id);
  });

  it('an exact role ARN: an edge to that role of the workspace, low', () => {
    assert.deepEqual(grantTargets(withPolicy(allowGrant(`arn:aws:iam::${OWN}:role/deploy-prod`))), [[`role:${OWN}:deploy-prod`, 'low']]);
  });

  it('an ARN of a role with a path matches the role by name', () => {
    assert.deepEqual(grantTargets(withPolicy(allowGrant(`arn:aws:iam::${OWN}:role/teams/deploy-prod`))), [[`role:${OWN}:deploy-prod`, 'low']]);
  });

  it('a role of "this account" is matched by name', () => {
    assert.deepEqual(grantTargets(withPolicy(allowGrant(`arn:aws:iam::${OWN}:role/local`))), [['role::local', 'low']]);
  });

  it('a role not in the workspace: a node for it, not defined here', () => {
    const g = withPolicy(allowGrant('arn:aws:iam::999999999999:role/Foreign'));
    assert.deepEqual(grantTargets(g), [['role:999999999999:Foreign', 'low']]);
    const foreign = nodeOf(g, 'role:999999999999:Foreign');
    assert.equal(foreign.source, undefined);
    assert.equal(foreign.account, '999999999999');
  });

  it('a wildcard pattern: every matching role of the workspace, medium', () => {
    const g = withPolicy(allowGrant(`arn:aws:iam::${OWN}:role/deploy-*`));
    assert.deepEqual(grantTargets(g), [
      [`role:${OWN}:deploy-dev`, 'medium'],
      [`role:${OWN}:deploy-prod`, 'medium'],
    ]);
    assert.ok(grants(g).every((e) => e.reasons.length === 1));
  });

  it('a wildcard pattern in another account matches none of these roles', () => {
    const g = withPolicy(allowGrant(`arn:aws:iam::${VENDOR}:role/deploy-*`));
    assert.deepEqual(grantTargets(g), [[`role:${VENDOR}:deploy-*`, 'medium']]);
  });

  it('a pattern matching no role: a node for the pattern, medium', () => {
    const g = withPolicy(allowGrant(`arn:aws:iam::${OWN}:role/release-*`));
    assert.deepEqual(grantTargets(g), [[`role:${OWN}:release-*`, 'medium']]);
    assert.equal(nodeOf(g, `role:${OWN}:release-*`).label, 'release-*');
  });

  it('"*", arn:aws:iam::*:role/* and NotResource: the any-role node, high', () => {
    for (const statement of [allowGrant('*'), allowGrant('arn:aws:iam::*:role/*'), allowGrant('arn:*'), { Effect: 'Allow', Action: 'sts:AssumeRole', NotResource: `arn:aws:iam::${OWN}:role/deploy-prod` }]) {
      const g = withPolicy(statement);
      assert.deepEqual(grantTargets(g), [[graph.ANY_ROLE_ID, 'high']], JSON.stringify(statement));
      assert.deepEqual(shown(nodeOf(g, graph.ANY_ROLE_ID)), { id: graph.ANY_ROLE_ID, kind: 'role', label: 'any role (*)', account: undefined, local: undefined });
    }
    const notResource = withPolicy({ Effect: 'Allow', Action: 'sts:AssumeRole', NotResource: `arn:aws:iam::${OWN}:role/deploy-prod` });
    assert.deepEqual(grants(notResource)[0].conditions, [`except arn:aws:iam::${OWN}:role/deploy-prod`]);
  });

  it('actions that include sts:AssumeRole: sts:*, sts:Assume*, *, a NotAction without it', () => {
    for (const action of ['sts:*', 'sts:Assume*', 'sts:assumerole', '*', ['s3:GetObject', 'sts:AssumeRole']]) {
      assert.deepEqual(grantTargets(withPolicy(allowGrant(`arn:aws:iam::${OWN}:role/deploy-prod`, action))), [[`role:${OWN}:deploy-prod`, 'low']], JSON.stringify(action));
    }
    const notAction = withPolicy({ Effect: 'Allow', NotAction: 's3:*', Resource: `arn:aws:iam::${OWN}:role/deploy-prod` });
    assert.deepEqual(grantTargets(notAction), [[`role:${OWN}:deploy-prod`, 'low']]);
  });

  it('the grant keeps its conditions and points at its Resource value', () => {
    const g = withPolicy(allowGrant(`arn:aws:iam::${OWN}:role/deploy-prod`, 'sts:AssumeRole', { Sid: 'Prod', Condition: MFA }));
    const [edge] = grants(g);
    assert.deepEqual(edge.conditions, ['MFA']);
    assert.equal(edge.statement.sid, 'Prod');
    assert.equal(edge.source.path, POLICY);
  });

  it('NOT grants: Deny, NotAction covering sts:AssumeRole, other actions, non-role resources, SAML or web identity only', () => {
    const none: Record<string, unknown>[] = [
      { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${OWN}:role/deploy-prod` },
      { Effect: 'Allow', NotAction: 'sts:*', Resource: `arn:aws:iam::${OWN}:role/deploy-prod` },
      allowGrant(`arn:aws:iam::${OWN}:role/deploy-prod`, 'iam:PassRole'),
      allowGrant(`arn:aws:iam::${OWN}:role/deploy-prod`, 'sts:TagSession'),
      allowGrant('arn:aws:s3:::bucket/*'),
      allowGrant(`arn:aws:iam::${OWN}:user/bob`),
      allowGrant(`arn:aws:iam::${OWN}:policy/deploy`),
      allowGrant(`arn:aws:iam::${OWN}:role/deploy-prod`, 'sts:AssumeRoleWithSAML'),
      allowGrant(`arn:aws:iam::${OWN}:role/deploy-prod`, ['sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity']),
    ];
    for (const statement of none) {
      const g = withPolicy(statement);
      assert.deepEqual(grants(g), [], JSON.stringify(statement));
      assert.equal(
        g.nodes.find((n) => n.kind === 'policy'),
        undefined,
        'no policy node without a grant',
      );
    }
  });

  it('only the granting statements of a policy count', () => {
    const g = withPolicy(allowGrant('arn:aws:s3:::bucket/*', 's3:GetObject'), allowGrant(`arn:aws:iam::${OWN}:role/deploy-prod`), { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${OWN}:role/deploy-dev` });
    assert.deepEqual(grantTargets(g), [[`role:${OWN}:deploy-prod`, 'low']]);
  });
});

describe('trust graph: halves that do not match', () => {
  const OPTIONS: graph.GraphOptions = { accounts: { [AUDITORS]: 'Auditors' } };
  const auditRole = (principal: unknown) => ({ [`${OWN}/audit-trust.json`]: trustDoc(principal, MFA) });
  const auditorsGrant = { 'auditors/assume-policy.json': doc(allowGrant(`arn:aws:iam::${OWN}:role/audit`)) };

  it("a grant from the auditors' account to a role trusting another account: grant-not-trusted (warning)", () => {
    const g = build({ ...auditRole({ AWS: `arn:aws:iam::${VENDOR}:root` }), ...auditorsGrant }, OPTIONS);
    const [issue, ...more] = issuesOf(g, 'grant-not-trusted');
    assert.deepEqual(more, []);
    assert.equal(issue.severity, 'warning');
    assert.equal(issue.node, `role:${OWN}:audit`);
    assert.equal(issue.edge, grants(g)[0].id);
    assert.equal(issue.source.path, 'auditors/assume-policy.json');
    assert.match(issue.message, new RegExp(`trusts account ${VENDOR}, not account ${AUDITORS}`));
  });

  it('a grant to a role trusting only a service: grant-not-trusted', () => {
    const g = build({ ...auditRole({ Service: 'ec2.amazonaws.com' }), ...auditorsGrant }, OPTIONS);
    assert.equal(issuesOf(g, 'grant-not-trusted').length, 1);
    assert.match(issuesOf(g, 'grant-not-trusted')[0].message, /only services and identity providers/);
  });

  it('a grant from the trusted account: no issue at all', () => {
    for (const principal of [{ AWS: `arn:aws:iam::${AUDITORS}:root` }, { AWS: AUDITORS }, { AWS: `arn:aws:iam::${AUDITORS}:role/Auditor` }, { AWS: '*' }]) {
      const g = build({ ...auditRole(principal), ...auditorsGrant }, OPTIONS);
      assert.deepEqual(g.issues, [], JSON.stringify(principal));
    }
  });

  it('a grant to a role not in the workspace, or a wildcard grant, is not judged', () => {
    const foreign = build({ ...auditRole({ AWS: `arn:aws:iam::${VENDOR}:root` }), 'auditors/p.json': doc(allowGrant('arn:aws:iam::999999999999:role/audit')) }, OPTIONS);
    assert.deepEqual(issuesOf(foreign, 'grant-not-trusted'), []);
    const wildcard = build({ ...auditRole({ AWS: `arn:aws:iam::${VENDOR}:root` }), 'auditors/p.json': doc(allowGrant(`arn:aws:iam::${OWN}:role/aud*`)) }, OPTIONS);
    assert.deepEqual(issuesOf(wildcard, 'grant-not-trusted'), []);
  });

  it('trust of other accounts with no grant: one trust-without-grant info per role, naming the accounts', () => {
    const g = build({
      [`${OWN}/audit-trust.json`]: doc(allowTrust({ AWS: [`arn:aws:iam::${AUDITORS}:root`, `arn:aws:iam::${VENDOR}:user/bob`] }, MFA), allowTrust({ AWS: `arn:aws:iam::${VENDOR}:root` }, MFA)),
    });
    const issues = issuesOf(g, 'trust-without-grant');
    assert.equal(issues.length, 1);
    assert.equal(issues[0].severity, 'info');
    assert.equal(issues[0].node, `role:${OWN}:audit`);
    assert.match(issues[0].message, new RegExp(`trusts 2 accounts \\(${AUDITORS}, ${VENDOR}\\)`));
  });

  it("a grant from one of the trusted accounts removes that account from the info, a '*' grant too", () => {
    const both = doc(allowTrust({ AWS: [`arn:aws:iam::${AUDITORS}:root`, `arn:aws:iam::${VENDOR}:root`] }, MFA));
    const g = build({ [`${OWN}/audit-trust.json`]: both, ...auditorsGrant }, OPTIONS);
    const issues = issuesOf(g, 'trust-without-grant');
    assert.equal(issues.length, 1);
    assert.match(issues[0].message, new RegExp(`trusts account ${VENDOR},`));
    const star = build({ [`${OWN}/audit-trust.json`]: trustDoc({ AWS: `arn:aws:iam::${AUDITORS}:root` }, MFA), 'auditors/p.json': doc(allowGrant('*')) }, OPTIONS);
    assert.deepEqual(star.issues, []);
  });

  it('same-account trust, services and identity providers: no trust-without-grant', () => {
    const g = build({
      [`${OWN}/self-trust.json`]: trustDoc({ AWS: [`arn:aws:iam::${OWN}:root`, `arn:aws:iam::${OWN}:role/Admin`] }, MFA),
      [`${OWN}/svc-trust.json`]: trustDoc({ Service: 'ec2.amazonaws.com' }),
      [`${OWN}/gh-trust.json`]: githubTrust(githubSub('repo:acme/web:ref:refs/heads/main')),
      'cfn-trust.json': trustDoc({ AWS: 'arn:aws:iam::${AWS::AccountId}:root' }, MFA),
    });
    assert.deepEqual(g.issues, []);
  });
});

describe('trust graph: filter, grouping, determinism', () => {
  const OPTIONS: graph.GraphOptions = { accounts: { [AUDITORS]: 'Auditors', [VENDOR]: 'Vendor' }, defaultAccount: OWN };
  const WORKSPACE: Record<string, Doc> = {
    'client/audit-trust.json': trustDoc({ AWS: `arn:aws:iam::${AUDITORS}:root` }, MFA),
    'client/vendor-trust.json': trustDoc({ AWS: `arn:aws:iam::${VENDOR}:root` }, { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } }),
    'client/open-trust.json': trustDoc('*'),
    'client/loose-trust.json': trustDoc({ AWS: `arn:aws:iam::${VENDOR}:root` }),
    'client/ec2-trust.json': trustDoc({ Service: 'ec2.amazonaws.com' }),
    'ci/deploy-trust.json': githubTrust(githubSub('repo:acme/*', 'StringLike')),
    'auditors/assume-policy.json': doc(allowGrant(`arn:aws:iam::${OWN}:role/audit`, 'sts:AssumeRole', { Condition: MFA })),
    'auditors/vendor-policy.json': doc(allowGrant(`arn:aws:iam::${VENDOR}:role/deploy-*`)),
    'vendor/lambda-trust.json': trustDoc({ Service: 'lambda.amazonaws.com' }),
    'vendor/idle-trust.json': doc(allowTrust({ Service: 'ec2.amazonaws.com' }, undefined, 'sts:TagSession')),
  };
  const whole = build(WORKSPACE, OPTIONS);

  it('an empty filter keeps the graph', () => {
    assert.equal(graph.filterGraph(whole, {}), whole);
    assert.equal(graph.filterGraph(whole, { accounts: [], risks: [] }), whole);
  });

  it('by account: the edges touching it, their nodes, and its nodes without edges', () => {
    const vendor = graph.filterGraph(whole, { accounts: [VENDOR] });
    assert.ok(vendor.edges.length > 0);
    const byId = new Map(whole.nodes.map((n) => [n.id, n]));
    for (const edge of vendor.edges) assert.ok([byId.get(edge.from)?.account, byId.get(edge.to)?.account].includes(VENDOR), edge.id);
    assert.deepEqual(vendor.edges.map((e) => e.to).sort(), [`role:${OWN}:loose`, `role:${OWN}:vendor`, `role:${VENDOR}:deploy-*`, `role:${VENDOR}:lambda`].sort());
    assert.ok(vendor.nodes.some((n) => n.id === `role:${VENDOR}:idle`), 'a node of the account with no edge');
    const medium = graph.filterGraph(whole, { accounts: [VENDOR], risks: ['medium'] });
    assert.ok(!medium.nodes.some((n) => n.id === `role:${VENDOR}:idle`), 'not with a risk filter');
    assert.ok(!vendor.nodes.some((n) => n.id === `role:${OWN}:audit`));
    // Issues follow: the vendor roles' trust-without-grant are kept, the audit role's are not.
    for (const issue of vendor.issues) assert.ok(vendor.edges.some((e) => e.id === issue.edge) || vendor.nodes.some((n) => n.id === issue.node), issue.message);
    assert.ok(vendor.issues.length > 0);
    assert.ok(!vendor.issues.some((i) => i.node === `role:${OWN}:audit`));
  });

  it(
    'by account: the trust-without-grant info of a role trusting that account stays, whichever account its edge names',
    () => {
      const g = build({ [`${OWN}/r-trust.json`]: trustDoc({ AWS: [`arn:aws:iam::${AUDITORS}:root`, `arn:aws:iam::${VENDOR}:root`] }, MFA) });
      assert.equal(issuesOf(g, 'trust-without-grant').length, 1);
      for (const account of [AUDITORS, VENDOR]) {
        const filtered = graph.filterGraph(g, { accounts: [account] });
        assert.ok(filtered.nodes.some((n) => n.id === `role:${OWN}:r`));
        assert.equal(issuesOf(filtered, 'trust-without-grant').length, 1, account);
      }
    },
  );

  it('by "this" account: only unplaced nodes', () => {
    const g = build({ 'audit-trust.json': trustDoc({ AWS: `arn:aws:iam::${AUDITORS}:root` }, MFA), [`${OWN}/other-trust.json`]: trustDoc({ Service: 'ec2.amazonaws.com' }) });
    const local = graph.filterGraph(g, { accounts: ['this'] });
    assert.deepEqual(local.nodes.map((n) => n.id), [`account:${AUDITORS}`, 'role::audit']);
    assert.equal(graph.accountOf(nodeOf(g, 'role::audit')), 'this');
    assert.equal(graph.accountOf(nodeOf(g, 'service:ec2.amazonaws.com')), undefined);
  });

  it('by risk: only edges of those risks', () => {
    const high = graph.filterGraph(whole, { risks: ['high'] });
    assert.ok(high.edges.length > 0);
    assert.ok(high.edges.every((e) => e.risk === 'high'));
    assert.deepEqual(high.edges.map((e) => [e.from, e.to]), [['public', `role:${OWN}:open`]]);
    assert.deepEqual(high.nodes.map((n) => n.id).sort(), ['public', `role:${OWN}:open`]);
    const notLow = graph.filterGraph(whole, { risks: ['high', 'medium'] });
    assert.ok(notLow.edges.every((e) => e.risk !== 'low'));
    assert.ok(notLow.edges.some((e) => e.risk === 'medium'));
  });

  it('focus: the node and its edges in and out; combined with a risk filter', () => {
    const focus = `role:${OWN}:audit`;
    const g = graph.filterGraph(whole, { focus });
    assert.deepEqual(g.edges.map((e) => [e.kind, e.from]).sort(), [
      ['grant', 'policy:auditors/assume-policy.json'],
      ['trust', `account:${AUDITORS}`],
    ]);
    assert.deepEqual(g.nodes.map((n) => n.id).sort(), [`account:${AUDITORS}`, 'policy:auditors/assume-policy.json', focus].sort());
    // A focused role with no edge of that risk is still shown, alone.
    const alone = graph.filterGraph(whole, { focus, risks: ['high'] });
    assert.deepEqual([alone.nodes.map((n) => n.id), alone.edges], [[focus], []]);
  });

  it('groups 60 look-alike partner roles (examples/broken/partner-roles-trust.json) into one node for pictures', () => {
    const text = readFileSync(join(EXAMPLES, 'broken', 'partner-roles-trust.json'), 'utf8');
    const g = build({ 'partner-roles-trust.json': text });
    const partners = g.nodes.filter((n) => n.label === 'PartnerDeployRole');
    assert.equal(partners.length, 60);
    const grouped = graph.groupLookalikes(g);
    assert.equal(
      grouped.nodes.filter((n) => n.label === 'PartnerDeployRole').length,
      0,
    );
    const group = grouped.nodes.filter((n) => n.id.startsWith('group:'));
    assert.equal(group.length, 1);
    assert.equal(group[0].label, 'PartnerDeployRole in 60 accounts');
    assert.equal(group[0].kind, 'role');
    assert.deepEqual(
      grouped.edges.map((e) => [e.from, e.to, e.conditions]),
      [[group[0].id, 'role::partner-roles', ['ExternalId']]],
    );
    // The graph itself (and the JSON export) keeps them apart.
    assert.equal(g.nodes.filter((n) => n.label === 'PartnerDeployRole').length, 60);
  });

  const partners = (count: number, extra: Record<string, Doc> = {}) => {
    const accounts = Array.from({ length: count }, (_, i) => String(200000000000 + i));
    return build({ 'partner-trust.json': trustDoc({ AWS: accounts.map((a) => `arn:aws:iam::${a}:role/PartnerDeployRole`) }, { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } }), ...extra });
  };

  it(`does not group fewer than ${graph.GROUP_THRESHOLD}`, () => {
    const five = partners(5);
    assert.equal(graph.groupLookalikes(five), five);
    assert.equal(graph.groupLookalikes(partners(graph.GROUP_THRESHOLD)).nodes.filter((n) => n.id.startsWith('group:')).length, 1);
  });

  it('does not group a principal with another edge, nor principals reaching the role differently', () => {
    const g = partners(8, { 'other-trust.json': trustDoc({ AWS: 'arn:aws:iam::200000000000:role/PartnerDeployRole' }, { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } }) });
    const grouped = graph.groupLookalikes(g);
    const group = grouped.nodes.find((n) => n.id.startsWith('group:'));
    assert.equal(group?.label, 'PartnerDeployRole in 7 accounts');
    assert.ok(grouped.nodes.some((n) => n.id === 'role:200000000000:PartnerDeployRole'), 'the principal with two edges stays');
    assert.equal(grouped.edges.filter((e) => e.from === 'role:200000000000:PartnerDeployRole').length, 2);
    // Two conditions sets, 4 and 4: neither reaches the threshold.
    const accounts = Array.from({ length: 8 }, (_, i) => `arn:aws:iam::${300000000000 + i}:root`);
    const split = build({ 'split-trust.json': doc(allowTrust({ AWS: accounts.slice(0, 4) }, MFA), allowTrust({ AWS: accounts.slice(4) }, { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } })) });
    assert.equal(graph.groupLookalikes(split), split);
  });

  it('is deterministic: the same files in any order give the same graph', () => {
    const entries = Object.entries(WORKSPACE);
    const orders = [entries, [...entries].reverse(), [...entries.slice(4), ...entries.slice(0, 4)], [...entries].sort((a, b) => (a[0].length - b[0].length) || (a[0] < b[0] ? 1 : -1))];
    const graphs = orders.map((order) =>
      graph.buildTrustGraph(
        order.flatMap(([path, content]) => graphFile(path, content)),
        OPTIONS,
      ),
    );
    for (const g of graphs.slice(1)) assert.deepEqual(g, graphs[0]);
    assert.deepEqual(graphs[0].nodes.map((n) => n.id), [...graphs[0].nodes.map((n) => n.id)].sort());
    assert.equal(new Set(graphs[0].edges.map((e) => e.id)).size, graphs[0].edges.length, 'edge ids are unique');
  });

  it('every edge joins two nodes of the graph', () => {
    const ids = new Set(whole.nodes.map((n) => n.id));
    for (const edge of whole.edges) assert.ok(ids.has(edge.from) && ids.has(edge.to), edge.id);
  });
});

describe('trust graph: the examples workspace', () => {
  /** The examples' own settings (examples/.vscode/settings.json). */
  const OPTIONS: graph.GraphOptions = {
    accounts: { [OWN]: 'Client', [AUDITORS]: 'Auditors', [VENDOR]: 'Monitoring vendor' },
    defaultAccount: OWN,
    roles: { 'client-account/security-audit-role-trust.json': `arn:aws:iam::${OWN}:role/SecurityAuditRole` },
  };
  const read = (relative: string) => readFileSync(join(EXAMPLES, relative), 'utf8');
  const g = build(
    Object.fromEntries(
      ['client-account/security-audit-role-trust.json', 'auditors-account/auditors-group-policy.json', 'client-account/monitoring-vendor-role-trust.json', 'ci/github-actions-deploy-role-trust.json', 'eks/irsa-role-trust.json', 'broken/open-to-everyone-role-trust.json', 'developer/lambda-developer-policy.json'].map((p) => [p, read(p)]),
    ),
    OPTIONS,
  );
  const edge = (from: string, to: string, kind: graph.GraphEdge['kind'] = 'trust') => {
    const found = g.edges.find((e) => e.from === from && e.to === to && e.kind === kind);
    assert.ok(found, `no ${kind} edge ${from} -> ${to}`);
    return found;
  };

  it('the audit role in the client account, trusted by the auditors with MFA ≤ 60 min and granted by their group policy', () => {
    const role = `role:${OWN}:SecurityAuditRole`;
    assert.equal(nodeOf(g, role).account, OWN);
    assert.deepEqual([edge(`account:${AUDITORS}`, role).conditions, edge(`account:${AUDITORS}`, role).risk], [['MFA ≤ 60 min'], 'low']);
    const grant = edge('policy:auditors-account/auditors-group-policy.json', role, 'grant');
    assert.deepEqual([grant.conditions, grant.risk], [['MFA'], 'low']);
    assert.equal(nodeOf(g, 'policy:auditors-account/auditors-group-policy.json').account, AUDITORS);
    assert.ok(!g.issues.some((i) => i.node === role), JSON.stringify(g.issues));
  });

  it('the vendor role with its ExternalId, the GitHub and EKS roles with their subjects, the public role high', () => {
    assert.deepEqual(edge(`account:${VENDOR}`, `role:${OWN}:monitoring-vendor-role`).conditions, ['ExternalId']);
    assert.deepEqual(edge(`oidc:${OWN}:${GITHUB}`, `role:${OWN}:github-actions-deploy-role`).conditions, ['example-org/web-app:main']);
    assert.deepEqual(edge('oidc:111122223333:oidc.eks.eu-west-1.amazonaws.com/id/exampled539d4633e53de1b71example', `role:${OWN}:irsa-role`).conditions, ['kube-system/external-dns']);
    assert.equal(edge('public', `role:${OWN}:open-to-everyone-role`).risk, 'high');
    assert.equal(nodeOf(g, `role:${OWN}:open-to-everyone-role`).risk, 'high');
  });

  it('the developer policy (iam:PassRole, no sts:AssumeRole) is no grant', () => {
    assert.ok(!g.nodes.some((n) => n.id.includes('lambda-developer-policy')));
  });
});

describe('trust graph: review findings', () => {
  it('a risky statement is never hidden behind a safe one with the same words', () => {
    const subject = `${GITHUB}:sub`;
    const g = build({
      'r-trust.json': doc(
        allowTrust({ Federated: GITHUB_PROVIDER }, { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' }, StringLike: { [subject]: 'repo:acme/web:*' } }, webIdentity, { Sid: 'Main' }),
        allowTrust({ Federated: GITHUB_PROVIDER }, { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' }, StringNotLike: { [subject]: 'repo:acme/web:*' } }, webIdentity, { Sid: 'Others' }),
      ),
    });
    const edges = edgesInto(g, ROLE);
    assert.equal(edges.length, 2);
    assert.deepEqual(edges.map((e) => e.risk).sort(), ['high', 'low']);
    // The negated test reads as what it is, not as the subject it excludes.
    assert.deepEqual(edges.find((e) => e.statement.sid === 'Others')?.conditions, ['sub !~ repo:acme/web:*']);
    assert.equal(nodeOf(g, ROLE).risk, 'high');
  });

  it('CloudFormation role ARNs in a grant are grants', () => {
    for (const resource of ['arn:${AWS::Partition}:iam::111122223333:role/deploy', 'arn:aws:iam::${AWS::AccountId}:role/deploy']) {
      const g = build({ [`${OWN}/deploy-trust.json`]: trustDoc({ AWS: `arn:aws:iam::${OWN}:root` }), [`${OWN}/p.json`]: doc(allowGrant(resource)) });
      assert.deepEqual(grants(g).map((e) => e.to), [`role:${OWN}:deploy`], resource);
    }
  });

  it('${AWS::AccountId} in a trust policy is the role\'s account when the graph knows it', () => {
    const g = build({ 'deploy-trust.json': trustDoc({ AWS: 'arn:aws:iam::${AWS::AccountId}:root' }), 'p.json': doc(allowGrant(`arn:aws:iam::${OWN}:role/deploy`)) }, { defaultAccount: OWN });
    assert.deepEqual(edgesInto(g, `role:${OWN}:deploy`).map((e) => [e.from, e.risk]), [[`account:${OWN}`, 'low']]);
    assert.deepEqual(issuesOf(g, 'grant-not-trusted'), []);
    assert.ok(!g.nodes.some((n) => n.local), 'no "this account" node left');
  });

  it('two accounts\' GitHub providers are two nodes', () => {
    const provider = (account: string) => `arn:aws:iam::${account}:oidc-provider/${GITHUB}`;
    const g = build({
      '111111111111/a-trust.json': trustDoc({ Federated: provider('111111111111') }, githubSub('repo:acme/a:ref:refs/heads/main'), webIdentity),
      '222222222222/b-trust.json': trustDoc({ Federated: provider('222222222222') }, githubSub('repo:acme/b:ref:refs/heads/main'), webIdentity),
    });
    assert.deepEqual(g.nodes.filter((n) => n.kind === 'oidc').map((n) => [n.id, n.account]), [
      [`oidc:111111111111:${GITHUB}`, '111111111111'],
      [`oidc:222222222222:${GITHUB}`, '222222222222'],
    ]);
  });

  it('an unconditioned Deny of everyone removes the trust; one of every resource removes the grants', () => {
    const denyAll = { Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' };
    const trust = build({ 'r-trust.json': doc(allowTrust({ AWS: `arn:aws:iam::${AUDITORS}:root` }, MFA), denyAll) });
    assert.deepEqual(edgesInto(trust, ROLE), []);
    const identity = build({ 'r-trust.json': trustDoc({ AWS: `arn:aws:iam::${AUDITORS}:root` }, MFA), 'p.json': doc(allowGrant('arn:aws:iam::111122223333:role/r'), { Effect: 'Deny', Action: '*', Resource: '*' }) });
    assert.deepEqual(grants(identity), []);
    // A Deny with a condition (deny without MFA) narrows, it does not remove.
    const guarded = build({ 'r-trust.json': doc(allowTrust({ AWS: `arn:aws:iam::${AUDITORS}:root` }), { ...denyAll, Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }) });
    assert.equal(edgesInto(guarded, ROLE).length, 1);
  });

  it('tag keys with dots and colons are conditions, not claims of a provider', () => {
    const { edge } = soleTrust(trustDoc({ AWS: `arn:aws:iam::${AUDITORS}:root` }, { StringEquals: { 'aws:PrincipalTag/team.name:x': 'ops' } }));
    assert.deepEqual(edge.conditions, ['tag team.name:x=ops']);
  });

  it('role name patterns in a grant match case-sensitively, as exact names do', () => {
    const files = { [`${OWN}/deploy-trust.json`]: trustDoc({ AWS: `arn:aws:iam::${OWN}:root` }) };
    const upper = build({ ...files, [`${OWN}/p.json`]: doc(allowGrant(`arn:aws:iam::${OWN}:role/DEPLOY*`)) });
    assert.ok(!grants(upper).some((e) => e.to === `role:${OWN}:deploy`));
    const lower = build({ ...files, [`${OWN}/p.json`]: doc(allowGrant(`arn:aws:iam::${OWN}:role/dep*`)) });
    assert.deepEqual(grants(lower).map((e) => [e.to, e.risk]), [[`role:${OWN}:deploy`, 'medium']]);
  });

  it('an absurd MFA age is not "Infinity min"', () => {
    const { edge } = soleTrust(trustDoc({ AWS: `arn:aws:iam::${AUDITORS}:root` }, { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '9'.repeat(400) } }));
    assert.ok(!edge.conditions.some((c) => c.includes('Infinity')), edge.conditions.join());
  });
});
