import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { NEW_ROLE_USAGE } from '../../server/src/cli/newRole';
import { assertUsageError, parseJsonReport, runCli, TempDir, type CliResult } from './run';

/** `iam-policy new-role`: the README walkthrough end to end, and every way the command refuses. */

const ACCOUNT = '111122223333';
const TRUSTED = '444455556666';

/** Files and their content in a folder the command wrote. */
const listing = (dir: string) => readdirSync(dir).sort();
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

function assertWritten(result: CliResult, dir: string, files: string[]): void {
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(listing(dir), [...files].sort());
  assert.match(result.stdout, /^Role \S+ \(arn:aws:iam::(\d{12}|<account-id>):role\/\S+\) written to /);
  for (const name of files) assert.ok(result.stdout.includes(`  ${join(dir, name)}\n`), `${name} in the summary`);
  assert.ok(result.stdout.includes(`Next: follow ${join(dir, 'README.md')}`));
}

/** `iam-policy lint DIR --format json`: exit 0 and no finding in any file. */
function assertLintsClean(dir: string, policyFiles: number): void {
  const result = runCli(['lint', '--format', 'json', dir]);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  const report = parseJsonReport(result);
  assert.equal(report.files.length, policyFiles, JSON.stringify(report.files.map((f) => f.path)));
  for (const f of report.files) assert.deepEqual(f.findings, [], f.path);
  const kinds = Object.fromEntries(report.files.map((f) => [f.path.slice(dir.length + 1), f.kind]));
  assert.equal(kinds['trust-policy.json'], 'trust');
  if ('permissions-policy.json' in kinds) assert.equal(kinds['permissions-policy.json'], 'identity');
  if ('trusted-account-policy.json' in kinds) assert.equal(kinds['trusted-account-policy.json'], 'identity');
  const text = runCli(['lint', dir]);
  assert.equal(text.status, 0);
  assert.match(text.stdout, /^0 problems \(0 errors, 0 warnings, 0 infos, 0 hints\) in \d+ policy files?\n$/);
}

/** A problem with the answers: exit 2, nothing on stdout, one `iam-policy: ...` line per problem. */
function assertProblems(result: CliResult, messages: RegExp[]): void {
  assert.equal(result.status, 2, result.stdout + result.stderr);
  assert.equal(result.stdout, '');
  const lines = result.stderr.split('\n');
  assert.equal(lines.pop(), '', 'stderr ends with a newline');
  assert.equal(lines.length, messages.length, result.stderr);
  lines.forEach((line, i) => {
    assert.match(line, /^iam-policy: \S/);
    assert.match(line, messages[i]);
  });
}

describe('iam-policy new-role: the README walkthrough', () => {
  const dir = new TempDir();
  after(() => dir.remove());

  it('an audit role for people of another account, with MFA and SecurityAudit', () => {
    const out = dir.path('audit');
    const result = runCli(['new-role', '--name', 'Audit', '--account', ACCOUNT, '--trust', `account:${TRUSTED}`, '--mfa', '--managed-policy', 'SecurityAudit', '--out', out]);
    assertWritten(result, out, ['README.md', 'trust-policy.json', 'trusted-account-policy.json']);
    assert.equal(result.stderr, '');
    assert.ok(!result.stdout.includes('ExternalId'));
    assert.match(read(out, 'trust-policy.json'), /"aws:MultiFactorAuthPresent": "true"/);
    assert.match(read(out, 'README.md'), /--policy-arn arn:aws:iam::aws:policy\/SecurityAudit/);
    assertLintsClean(out, 2);
  });

  it('a vendor role with a generated ExternalId and ReadOnlyAccess', () => {
    const out = dir.path('vendor');
    const result = runCli(['new-role', '--name', 'Vendor', '--account', ACCOUNT, '--trust', `account:${TRUSTED}`, '--external-id', 'generate', '--managed-policy', 'ReadOnlyAccess', '--out', out]);
    assertWritten(result, out, ['README.md', 'trust-policy.json', 'trusted-account-policy.json']);
    const externalId = /\nExternalId: ([A-Za-z0-9]{32}) \(give it to the third party with the role ARN\)\n/.exec(result.stdout)?.[1];
    assert.ok(externalId, result.stdout);
    const trust = JSON.parse(read(out, 'trust-policy.json')) as { Statement: { Condition: Record<string, Record<string, string>> }[] };
    assert.equal(trust.Statement[0].Condition.StringEquals['sts:ExternalId'], externalId);
    assert.ok(read(out, 'README.md').includes(`--external-id ${externalId}`));
    assertLintsClean(out, 2);
    const again = runCli(['new-role', '--name', 'Vendor', '--account', ACCOUNT, '--trust', `account:${TRUSTED}`, '--external-id', 'generate', '--out', dir.path('vendor2')]);
    assert.notEqual(/ExternalId: (\S+)/.exec(again.stdout)?.[1], externalId, 'a fresh ExternalId on every run');
  });

  it('a GitHub deploy role with an inline policy', () => {
    const out = dir.path('deploy');
    const result = runCli([
      'new-role',
      '--name',
      'Deploy',
      '--account',
      ACCOUNT,
      '--trust',
      'github:my-org/my-repo:main',
      '--allow',
      's3:PutObject',
      '--allow',
      's3:ListBucket',
      '--resource',
      'arn:aws:s3:::my-bucket',
      '--resource',
      'arn:aws:s3:::my-bucket/*',
      '--out',
      out,
    ]);
    assertWritten(result, out, ['README.md', 'permissions-policy.json', 'trust-policy.json']);
    assert.equal(result.stderr, '');
    assert.match(read(out, 'trust-policy.json'), /"repo:my-org\/my-repo:ref:refs\/heads\/main"/);
    assert.match(read(out, 'README.md'), /role-to-assume: "arn:aws:iam::111122223333:role\/Deploy"/);
    assertLintsClean(out, 2);
  });

  it('creates nested --out folders', () => {
    const out = dir.path('a/b/c');
    assertWritten(runCli(['new-role', '--name', 'Fn', '--trust', 'service:lambda.amazonaws.com', '--out', out]), out, ['README.md', 'trust-policy.json']);
    assertLintsClean(out, 1);
  });
});

describe('iam-policy new-role: refusals and errors', () => {
  const dir = new TempDir();
  after(() => dir.remove());

  it('bad answers: exit 2, one line per problem, nothing written', () => {
    const out = dir.path('bad');
    const result = runCli(['new-role', '--name', 'a b', '--account', '123', '--trust', 'github:OWNER/REPO', '--out', out]);
    assertProblems(result, [/role name may only contain/, /account id has 12 digits; "123" has 3/, /Replace OWNER, REPO with the real value/]);
    assert.ok(!existsSync(out));
  });

  it('MFA or an ExternalId for a role no person or third party assumes', () => {
    const result = runCli(['new-role', '--name', 'Deploy', '--account', ACCOUNT, '--trust', 'github:o/r:main', '--mfa', '--external-id', 'generate', '--out', dir.path('x')]);
    assertProblems(result, [/^iam-policy: MFA applies to people/, /^iam-policy: An ExternalId applies to a third party/]);
  });

  it('account trust needs --mfa or --external-id', () => {
    assertProblems(runCli(['new-role', '--name', 'R', '--account', ACCOUNT, '--trust', `account:${TRUSTED}`, '--out', dir.path('x')]), [/Require MFA/]);
  });

  it('unknown actions and managed policies', () => {
    const result = runCli(['new-role', '--name', 'R', '--trust', 'service:lambda.amazonaws.com', '--managed-policy', 'SecurityAudti', '--allow', 's3:GetObjekt', '--resource', 'arn:aws:s3:::b/*', '--out', dir.path('x')]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^iam-policy: "SecurityAudti" is not an AWS managed policy; did you mean SecurityAudit\?/m);
    assert.match(result.stderr, /^iam-policy: s3:GetObjekt matches no action of s3; did you mean s3:GetObject/m);
  });

  it('existing files: exit 2 without --force, overwritten with --force', () => {
    const out = dir.path('twice');
    const args = ['new-role', '--name', 'Audit', '--account', ACCOUNT, '--trust', `account:${TRUSTED}`, '--mfa', '--out', out];
    assert.equal(runCli(args).status, 0);
    const before = read(out, 'trust-policy.json');
    const refused = runCli([...args.filter((a) => a !== '--mfa'), '--external-id', 'generate']);
    assertUsageError(refused, /trust-policy\.json.* already exist: use --force to overwrite/);
    assert.equal(read(out, 'trust-policy.json'), before, 'nothing overwritten');
    const forced = runCli([...args.filter((a) => a !== '--mfa'), '--external-id', 'generate', '--force']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.notEqual(read(out, 'trust-policy.json'), before);
    assert.match(read(out, 'trust-policy.json'), /sts:ExternalId/);
    assertLintsClean(out, 2);
  });

  it('an unwritable --out: exit 2 and one line, no stack', () => {
    const blocker = dir.write('blocker', 'a regular file\n');
    for (const out of [join(blocker, 'sub'), blocker]) {
      const result = runCli(['new-role', '--name', 'Fn', '--trust', 'service:lambda.amazonaws.com', '--out', out]);
      assertUsageError(result, /cannot write to .*blocker/);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    }
  });

  it('warnings go to stderr with exit 0', () => {
    const out = dir.path('warned');
    const result = runCli(['new-role', '--name', 'Fn', '--trust', 'service:lambda.amazonaws.com', '--allow', 'iam:PassRole', '--resource', '*', '--out', out]);
    assertWritten(result, out, ['README.md', 'permissions-policy.json', 'trust-policy.json']);
    assert.match(result.stderr, /^warning: permissions-policy\.json: .*\(passrole-wildcard-resource\)\n$/);
    assert.ok(!result.stdout.includes('warning'));
    const lint = runCli(['lint', '--format', 'json', out]);
    assert.equal(lint.status, 0, 'warnings only');
    assert.deepEqual(
      parseJsonReport(lint).files.flatMap((f) => f.findings.map((x) => x.rule)),
      ['passrole-wildcard-resource'],
    );
  });

  it('--help and -h print the new-role usage', () => {
    for (const args of [['new-role', '--help'], ['new-role', '-h'], ['new-role', '--name', 'X', '--help']]) {
      const result = runCli(args);
      assert.equal(result.status, 0, args.join(' '));
      assert.equal(result.stdout, NEW_ROLE_USAGE);
      assert.equal(result.stderr, '');
    }
    assert.match(runCli(['--help']).stdout, /new-role/);
  });

  const USAGE_ERRORS: [string, string[], RegExp][] = [
    ['no --name', ['--trust', 'service:lambda.amazonaws.com', '--out', 'x'], /new-role needs --name NAME/],
    ['no --out', ['--name', 'R', '--trust', 'service:lambda.amazonaws.com'], /new-role needs --out DIR/],
    ['an empty --out', ['--name', 'R', '--trust', 'service:lambda.amazonaws.com', '--out', ''], /new-role needs --out DIR/],
    ['no --trust', ['--name', 'R', '--out', 'x'], /new-role needs --trust SPEC/],
    ['an unknown option', ['--name', 'R', '--trust', 'service:lambda.amazonaws.com', '--out', 'x', '--frobnicate'], /frobnicate/],
    ['a positional argument', ['--name', 'R', '--trust', 'service:lambda.amazonaws.com', '--out', 'x', 'extra'], /extra/],
    ['--max-session-duration abc', ['--name', 'R', '--trust', 'service:lambda.amazonaws.com', '--out', 'x', '--max-session-duration', 'abc'], /--max-session-duration takes a number of seconds, not "abc"/],
    ['--session-duration 1.5', ['--name', 'R', '--trust', 'service:lambda.amazonaws.com', '--out', 'x', '--session-duration', '1.5'], /--session-duration takes a number of seconds, not "1\.5"/],
    ['an unknown --trust kind', ['--name', 'R', '--trust', 'frobnicate:x', '--out', 'x'], /the kinds are account:/],
    ['an empty --trust', ['--name', 'R', '--trust', 'github:', '--out', 'x'], /--trust github:: say which github/],
    ['a short eks --trust', ['--name', 'R', '--trust', 'eks:oidc.eks.us-east-1.amazonaws.com/id/ABC', '--out', 'x'], /write eks:ISSUER:NAMESPACE:SERVICE_ACCOUNT/],
  ];
  for (const [name, args, message] of USAGE_ERRORS) {
    it(`usage error: ${name}`, () => {
      const out = dir.path('usage');
      assertUsageError(runCli(['new-role', ...args.map((a) => (a === 'x' ? out : a))]), message);
      assert.ok(!existsSync(out));
    });
  }

  it('a --max-session-duration out of range is a problem of the answers', () => {
    assertProblems(runCli(['new-role', '--name', 'R', '--trust', 'service:lambda.amazonaws.com', '--max-session-duration', '60', '--out', dir.path('x')]), [/3,600 to 43,200 seconds/]);
  });

  it(
    '--force leaves no generated file of an earlier run behind',
    () => {
      const out = dir.path('stale');
      const args = ['new-role', '--name', 'Fn', '--trust', 'service:lambda.amazonaws.com', '--out', out];
      assert.equal(runCli([...args, '--allow', 's3:ListAllMyBuckets']).status, 0);
      assert.equal(runCli([...args, '--force']).status, 0);
      assert.deepEqual(listing(out), ['README.md', 'trust-policy.json']);
    },
  );
});
