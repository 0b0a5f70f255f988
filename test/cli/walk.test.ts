import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLEAN_IDENTITY, PACKAGE_JSON, TRUST_WITH_RESOURCE } from '../support/policies';
import { parseJsonReport, runCli, TempDir } from './run';

const NO_STATEMENT = '{\n  "Version": "2012-10-17"\n}\n';

describe('which files are linted', () => {
  const dir = new TempDir();
  before(() => {
    dir.write('project/policies/read.json', CLEAN_IDENTITY);
    dir.write('project/policies/nested/deeper/role-trust.json', TRUST_WITH_RESOURCE);
    dir.write('project/policies/no-statement.json', NO_STATEMENT);
    dir.write('project/package.json', PACKAGE_JSON);
    dir.write('project/node_modules/some-package/policy.json', TRUST_WITH_RESOURCE);
    dir.write('project/policies/node_modules/policy.json', TRUST_WITH_RESOURCE);
    dir.write('project/.git/policy.json', TRUST_WITH_RESOURCE);
    dir.write('project/policies/policy.txt', TRUST_WITH_RESOURCE);
    dir.write('project/policies/policy.json.bak', TRUST_WITH_RESOURCE);
    dir.write('project/policies/policy.yaml', TRUST_WITH_RESOURCE);
  });
  after(() => dir.remove());

  const lintJson = (...args: string[]) => {
    const result = runCli(['lint', '--format', 'json', ...args], { cwd: dir.root });
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    return parseJsonReport(result);
  };

  it('walks folders for *.json, skipping node_modules, .git and other extensions', () => {
    const report = lintJson('project');
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['project/policies/nested/deeper/role-trust.json', 'project/policies/read.json'],
    );
  });

  it('lists the JSON files that are not policies as skipped in text output', () => {
    const result = runCli(['lint', 'project'], { cwd: dir.root });
    assert.match(result.stdout, /^Skipped \(not IAM policies\): project\/package\.json, project\/policies\/no-statement\.json$/m);
    assert.match(result.stdout, /in 2 policy files, 2 files skipped\n$/);
    assert.doesNotMatch(result.stdout, /node_modules|\.git\/|policy\.(txt|yaml|json\.bak)/);
  });

  it('--kind trust forces a named file without Statement to be analysed', () => {
    assert.deepEqual(lintJson('project/policies/no-statement.json').files, []);
    const report = lintJson('--kind', 'trust', 'project/policies/no-statement.json');
    assert.equal(report.files.length, 1);
    assert.equal(report.files[0].kind, 'trust');
    assert.ok(report.files[0].findings.some((f) => f.rule === 'schema'), 'the missing Statement is reported');
  });

  it('--kind does not force files found in folders that do not look like policies', () => {
    const report = lintJson('--kind', 'trust', 'project');
    assert.deepEqual(report.files.map((f) => [f.path, f.kind]), [
      ['project/policies/nested/deeper/role-trust.json', 'trust'],
      ['project/policies/read.json', 'trust'],
    ]);
  });

  it('lints a named file whatever its extension', () => {
    const report = lintJson('project/policies/policy.txt');
    assert.equal(report.files[0]?.kind, 'trust');
  });
});
