import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLEAN_IDENTITY, IDENTITY_WITHOUT_VERSION, lines, TRUST_WITH_RESOURCE } from '../support/policies';
import { assertUsageError, parseJsonReport, runCli, TempDir, type JsonReport } from './run';

const NO_STATEMENT = '{\n  "Version": "2012-10-17"\n}\n';

/** The rules these tests turn off or raise; findings of other rules (more come as rules are added) are left out. */
const WATCHED = new Set(['missing-version', 'trust-has-resource', 'schema']);

/** `[path, kind, rule:severity...]` per file, in report order: what a config changes, at a glance. */
function summary(report: JsonReport): string[][] {
  return report.files.map((file) => [
    file.path,
    file.kind ?? 'none',
    ...file.findings.filter((f) => WATCHED.has(f.rule)).map((f) => `${f.rule}:${f.severity}`),
  ]);
}

describe('config files (.iampolicyrc.json)', () => {
  const dir = new TempDir();
  before(() => {
    // The project config: comments and trailing commas are allowed.
    dir.write(
      'repo/.iampolicyrc.json',
      lines(
        '{',
        '  // CI treats a missing Version as an error',
        '  "rules": { "missing-version": "error" },',
        '  "files": {',
        '    "legacy/**": "ignore",',
        '    "roles/*.json": "trust",',
        '  },',
        '}',
      ),
    );
    dir.write('repo/app/no-version.json', IDENTITY_WITHOUT_VERSION);
    dir.write('repo/legacy/broken.json', TRUST_WITH_RESOURCE);
    dir.write('repo/roles/no-statement.json', NO_STATEMENT);
    dir.write('repo/roles/looks-like-identity.json', CLEAN_IDENTITY);
    // A nearer config replaces the project one (no merging): its own rules, no globs.
    dir.write('repo/team/.iampolicyrc.json', '{ "rules": { "missing-version": "off" } }\n');
    dir.write('repo/team/no-version.json', IDENTITY_WITHOUT_VERSION);
    dir.write('repo/team/legacy/broken.json', TRUST_WITH_RESOURCE);
    // An explicit config elsewhere; its globs are relative to its own folder.
    dir.write('configs/strict.json', '{ "rules": { "missing-version": "error" }, "files": { "*.json": "identity" } }\n');
  });
  after(() => dir.remove());

  const lintJson = (args: string[], cwd = dir.root) => {
    const result = runCli(['lint', '--format', 'json', ...args], { cwd });
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    return { status: result.status, report: parseJsonReport(result) };
  };

  it('the nearest config wins, for every file below it, and configs are not merged', () => {
    const { status, report } = lintJson(['repo']);
    assert.equal(status, 1);
    assert.deepEqual(summary(report), [
      ['repo/app/no-version.json', 'identity', 'missing-version:error'],
      ['repo/roles/looks-like-identity.json', 'trust', 'trust-has-resource:error'],
      ['repo/roles/no-statement.json', 'trust', 'schema:error'],
      ['repo/team/legacy/broken.json', 'trust', 'trust-has-resource:error'],
      ['repo/team/no-version.json', 'identity'],
    ]);
  });

  it('a raised severity changes the exit code', () => {
    assert.equal(runCli(['lint', 'repo/app'], { cwd: dir.root }).status, 1);
    assert.equal(runCli(['lint', '--no-config', 'repo/app'], { cwd: dir.root }).status, 0);
  });

  it('a rule turned off reports nothing', () => {
    const result = runCli(['lint', 'repo/team/no-version.json'], { cwd: dir.root });
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stdout, /missing-version/);
    assert.match(result.stdout, /in 1 policy file\n$/);
  });

  it('finds the config from the file, not from the working folder', () => {
    const { report } = lintJson(['no-version.json'], dir.path('repo/app'));
    assert.deepEqual(summary(report), [['no-version.json', 'identity', 'missing-version:error']]);
    const fromOutside = lintJson([dir.path('repo/team/no-version.json')], dir.path('configs'));
    assert.deepEqual(summary(fromOutside.report).map((row) => row.slice(1)), [['identity']]);
  });

  it('a files glob forces a kind, even on files that do not look like policies', () => {
    const { report } = lintJson(['repo/roles']);
    assert.deepEqual(report.files.map((f) => [f.path, f.kind]), [
      ['repo/roles/looks-like-identity.json', 'trust'],
      ['repo/roles/no-statement.json', 'trust'],
    ]);
  });

  it('--kind still forces the files named on the command line', () => {
    const { report } = lintJson(['--kind', 'identity', 'repo/roles/looks-like-identity.json']);
    assert.deepEqual(summary(report), [['repo/roles/looks-like-identity.json', 'identity']]);
    const forced = lintJson(['--kind', 'trust', 'repo/legacy/broken.json']);
    assert.deepEqual(summary(forced.report), [['repo/legacy/broken.json', 'trust', 'trust-has-resource:error']]);
  });

  it('ignored files are not linted; a named one is listed as ignored', () => {
    const result = runCli(['lint', 'repo/legacy', 'repo/legacy/broken.json'], { cwd: dir.root });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '0 problems (0 errors, 0 warnings, 0 infos, 0 hints) in 0 policy files\n');
    const named = runCli(['lint', 'repo/legacy/broken.json'], { cwd: dir.root });
    assert.equal(named.status, 0, named.stderr);
    assert.match(named.stdout, /^Ignored \(by a config file\): repo\/legacy\/broken\.json\n0 problems/);
  });

  it('config files are not listed as skipped JSON files', () => {
    const result = runCli(['lint', 'repo/team'], { cwd: dir.root });
    assert.doesNotMatch(result.stdout, /iampolicyrc|skipped/i);
  });

  it('--config uses one file for every file instead of the nearest ones', () => {
    const { status, report } = lintJson(['--config', 'configs/strict.json', 'repo/team']);
    assert.equal(status, 1);
    // strict.json's "*.json" glob has no "/": it matches file names anywhere, so all are identity policies.
    assert.deepEqual(summary(report), [
      ['repo/team/legacy/broken.json', 'identity', 'schema:error'],
      ['repo/team/no-version.json', 'identity', 'missing-version:error'],
    ]);
  });

  it('--no-config uses none', () => {
    const { report } = lintJson(['--no-config', 'repo/legacy', 'repo/team/no-version.json']);
    assert.deepEqual(summary(report), [
      ['repo/legacy/broken.json', 'trust', 'trust-has-resource:error'],
      ['repo/team/no-version.json', 'identity', 'missing-version:warning'],
    ]);
  });

  it('a wrong --config is a usage error', () => {
    assertUsageError(runCli(['lint', '--config', 'configs/missing.json', 'repo'], { cwd: dir.root }), /--config: cannot read "configs\/missing\.json": no such file/);
    assertUsageError(runCli(['lint', '--config', 'configs/strict.json', '--no-config', 'repo'], { cwd: dir.root }), /--config and --no-config/);
    assertUsageError(runCli(['lint', '--config'], { cwd: dir.root }), /--config/);
  });
});

describe('invalid config files are usage errors', () => {
  const dir = new TempDir();
  after(() => dir.remove());

  const cases: [string, string, RegExp][] = [
    ['not JSON', '{ "rules": { "missing-version": "off" }', /^iam-policy: bad\/\.iampolicyrc\.json:1:40: invalid JSON: close brace expected\n$/],
    ['not an object', '["rules"]', /\.iampolicyrc\.json:1:1: a config file must be a JSON object/],
    ['an unknown rule id', '{ "rules": { "mising-version": "off" } }', /\.iampolicyrc\.json:1:14: unknown rule "mising-version" \(did you mean "missing-version"\?\)/],
    ['a bad severity', '{ "rules": { "missing-version": "warn" } }', /:1:33: "warn" is not a severity: use error, warning, info, hint or off \(did you mean "warning"\?\)/],
    ['a severity that is not a string', '{ "rules": { "missing-version": ["error"] } }', /:1:33: the severity of "missing-version" must be a string/],
    ['a bad kind', '{ "files": { "*.json": "policy" } }', /:1:24: "policy" is not a kind: use trust, identity, resource, auto or ignore/],
    ['rules that are not an object', '{ "rules": ["missing-version"] }', /:1:12: "rules" must be an object/],
    ['an unknown key', '{ "rule": {} }', /:1:3: unknown key "rule" \(did you mean "rules"\?\)/],
    ['a key given twice', '{ "rules": { "schema": "off", "schema": "error" } }', /:1:31: "schema" is given twice/],
  ];
  for (const [name, content, message] of cases) {
    it(`${name}: exit 2, naming the file, line and column`, () => {
      dir.write('bad/.iampolicyrc.json', content);
      dir.write('bad/policies/policy.json', CLEAN_IDENTITY);
      assertUsageError(runCli(['lint', 'bad/policies'], { cwd: dir.root }), message);
    });
  }

  it('every problem of a config is reported, on one line', () => {
    dir.write('many/.iampolicyrc.json', '{ "rules": { "mising-version": "warn" }, "files": { "x": "role" } }');
    dir.write('many/policy.json', CLEAN_IDENTITY);
    const result = runCli(['lint', 'many/policy.json'], { cwd: dir.root });
    assertUsageError(result, /unknown rule "mising-version".*; .*"warn" is not a severity.*; .*"role" is not a kind/);
  });

  it('the same mistake in an explicit --config', () => {
    dir.write('explicit/config.json', '{ "rules": { "unknown-rule-id": "off" } }');
    dir.write('explicit/policy.json', CLEAN_IDENTITY);
    assertUsageError(runCli(['lint', '--config', 'explicit/config.json', 'explicit/policy.json'], { cwd: dir.root }), /^iam-policy: explicit\/config\.json:1:14: unknown rule "unknown-rule-id"\n$/);
  });

  it('--no-config does not read a broken config', () => {
    dir.write('skip/.iampolicyrc.json', '{ broken');
    dir.write('skip/policy.json', CLEAN_IDENTITY);
    assert.equal(runCli(['lint', '--no-config', 'skip/policy.json'], { cwd: dir.root }).status, 0);
  });
});
