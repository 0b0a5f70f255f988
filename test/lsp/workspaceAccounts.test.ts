// The workspace scan behind account completion, without a server: files, folders and their limits.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createPolicyService } from '../../server/src/core';
import { WorkspaceIndex } from '../../server/src/lsp/workspaceIndex';

const trustOf = (account: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }] });

describe('workspace accounts', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'iam-accounts-'));
    mkdirSync(join(root, 'roles', 'team'), { recursive: true });
    mkdirSync(join(root, 'node_modules', 'dep'), { recursive: true });
    mkdirSync(join(root, '.hidden'), { recursive: true });
    writeFileSync(join(root, 'roles', 'team', 'a-trust.json'), trustOf('111122223333'));
    writeFileSync(join(root, 'roles', 'b-trust.json'), trustOf('444455556666'));
    writeFileSync(join(root, 'node_modules', 'dep', 'c-trust.json'), trustOf('777788889999'));
    writeFileSync(join(root, '.hidden', 'd-trust.json'), trustOf('123123123123'));
    writeFileSync(join(root, 'package.json'), '{ "name": "x", "build": "123456789012" }');
    writeFileSync(join(root, 'big-trust.json'), trustOf('555555555555').padEnd(300 * 1024, ' '));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reads policies only, outside dependency and hidden folders, and not oversized files', async () => {
    const accounts = new WorkspaceIndex(createPolicyService(), [root]);
    await accounts.start();
    assert.deepEqual(accounts.accounts(), ['111122223333', '444455556666']);
  });

  it('follows changes: a changed file, a file in a skipped folder (ignored), a deleted folder', async () => {
    const accounts = new WorkspaceIndex(createPolicyService(), [root]);
    await accounts.start();
    writeFileSync(join(root, 'roles', 'b-trust.json'), trustOf('222233334444'));
    await accounts.update(pathToFileURL(join(root, 'roles', 'b-trust.json')).href, false);
    await accounts.update(pathToFileURL(join(root, 'node_modules', 'dep', 'c-trust.json')).href, false);
    assert.deepEqual(accounts.accounts(), ['111122223333', '222233334444']);
    await accounts.update(pathToFileURL(join(root, 'roles')).href, true);
    assert.deepEqual(accounts.accounts(), []);
  });
});
