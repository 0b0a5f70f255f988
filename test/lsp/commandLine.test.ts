import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO, SERVER } from './client';

const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };

function runServer(...args: string[]) {
  return spawnSync(process.execPath, [SERVER, ...args], { encoding: 'utf8', timeout: 10_000, input: '' });
}

describe('language server command line', () => {
  it('--version prints the version and exits 0', () => {
    const result = runServer('--version');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, `${version}\n`);
  });

  it('--help prints usage with --stdio and exits 0', () => {
    const result = runServer('--help');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Usage: iam-policy-language-server/);
    assert.match(result.stdout, /--stdio/);
  });

  it('without a transport flag, exits 2 with a message on stderr', () => {
    const result = runServer();
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /choose a transport/);
  });
});
