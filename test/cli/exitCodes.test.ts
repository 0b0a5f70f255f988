import assert from 'node:assert/strict';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLEAN_IDENTITY, IDENTITY_WITHOUT_VERSION, TRUST_WITH_RESOURCE } from '../support/policies';
import { assertUsageError, REPO, runCli, TempDir } from './run';

// root reads folders whatever their mode, so chmod 000 cannot lock it out: when the tests run as root,
// the CLI is run as `nobody` (uid 65534) for the unreadable-folder case instead of skipping it.
const asUser = process.getuid?.() === 0 ? 65_534 : undefined;

describe('exit codes', () => {
  const dir = new TempDir();
  let clean: string, broken: string, oneWarning: string;
  before(() => {
    clean = dir.write('clean.json', CLEAN_IDENTITY);
    broken = dir.write('role-trust.json', TRUST_WITH_RESOURCE);
    oneWarning = dir.write('no-version.json', IDENTITY_WITHOUT_VERSION);
  });
  after(() => dir.remove());

  it('0 for a clean file', () => {
    const result = runCli(['lint', clean]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^0 problems \(0 errors, 0 warnings, 0 infos, 0 hints\) in 1 policy file\n$/);
  });

  it('1 for errors', () => {
    assert.equal(runCli(['lint', broken]).status, 1);
    assert.equal(runCli(['lint', clean, broken]).status, 1);
  });

  it('warnings: 0 without a limit or at the limit, 1 over --max-warnings', () => {
    assert.equal(runCli(['lint', oneWarning]).status, 0);
    assert.equal(runCli(['lint', '--max-warnings', '1', oneWarning]).status, 0);
    assert.equal(runCli(['lint', '--max-warnings=0', oneWarning]).status, 1);
  });

  it('--help and --version exit 0', () => {
    const help = runCli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: iam-policy lint/);
    const version = runCli(['--version']);
    assert.equal(version.status, 0);
    assert.equal(version.stdout, `${(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version}\n`);
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['a missing file', ['lint', 'does-not-exist.json'], /does-not-exist\.json.*no such file/],
    ['an unknown flag', ['lint', '--frobnicate', 'examples/'], /frobnicate/],
    ['a bad --format', ['lint', '--format', 'xml', 'examples/'], /--format.*xml/],
    ['a bad --kind', ['lint', '--kind', 'role', 'examples/'], /--kind.*role/],
    ['a bad --max-warnings', ['lint', '--max-warnings', 'many', 'examples/'], /--max-warnings.*many/],
    ['no paths', ['lint'], /no files or folders/],
    ['no command', [], /command/],
    ['an unknown command', ['check', 'examples/'], /unknown command/],
  ];
  for (const [name, args, message] of usageErrors) {
    it(`2 for ${name}, with one line on stderr`, () => assertUsageError(runCli(args), message));
  }

  it('2 for an unreadable folder', () => {
    dir.write('locked/policy.json', CLEAN_IDENTITY);
    chmodSync(dir.root, 0o755);
    chmodSync(dir.path('locked'), 0o000);
    try {
      assertUsageError(runCli(['lint', dir.root], { uid: asUser }), /cannot read folder .*locked.*permission denied/);
    } finally {
      chmodSync(dir.path('locked'), 0o700);
    }
  });
});
