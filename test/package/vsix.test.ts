import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(import.meta.dirname, '..', '..');

/** The files `vsce` would put in the .vsix, as it lists them (the same filter `npm run package` uses). */
function packagedFiles(): string[] {
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
}

describe('the packaged extension', () => {
  const files = packagedFiles();

  it('ships the bundles, the layout engine and the Terraform parser with their licences, the page, the schemas and the manifest', () => {
    const expected = [
      'package.json',
      'README.md',
      'LICENSE',
      'dist/extension.js',
      'dist/server.js',
      'dist/cli.js',
      'dist/elk.js',
      'dist/elk.LICENSE.md',
      'dist/web-tree-sitter.wasm',
      'dist/web-tree-sitter.LICENSE',
      'dist/tree-sitter-terraform.wasm',
      'dist/tree-sitter-hcl.LICENSE',
      'media/dist/trustGraph.js',
      'media/trustGraph.css',
    ];
    for (const file of [...expected, 'schemas/trust-policy.schema.json', 'schemas/common.schema.json']) {
      assert.ok(files.includes(file), `${file} missing from ${files.join(', ')}`);
    }
  });

  it('ships every contributed snippets file', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { snippets: { path: string }[] } };
    assert.ok(manifest.contributes.snippets.length > 0);
    for (const { path } of manifest.contributes.snippets) assert.ok(files.includes(path.replace(/^\.\//, '')), `${path} missing from the package`);
  });

  it('ships only bundles, schemas, snippets, data and media: no sources, tests, maps or node_modules', () => {
    const allowed = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|dist\/[a-z]+\.js|dist\/[a-z-]+\.wasm|dist\/[a-z-]+\.LICENSE(\.md)?|schemas\/[\w.-]+\.json|snippets\/[\w.-]+\.json|data\/.+|media\/.+)$/;
    const unexpected = files.filter((file) => !allowed.test(file));
    assert.deepEqual(unexpected, []);
    assert.ok(!files.some((file) => file.includes('node_modules') || file.endsWith('.ts') || file.endsWith('.map')));
  });
});
