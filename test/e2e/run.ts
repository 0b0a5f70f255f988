// `npm run test:e2e`: the extension-host suite (mocha inside a real VS Code: code-server) against a
// copy of examples/, then the UI smoke test of the packaged .vsix. Expects `npm run package` first.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from './harness';
import { ensureTestVsCode, REPO_ROOT } from './setup';
import { runUiSmoke } from './ui/smoke';
import { copyExamples } from './workspace';

const VSIX = join(REPO_ROOT, 'iam-policy-studio.vsix');
const RUNNER = join(REPO_ROOT, 'out', 'test', 'e2e', 'index.js');

async function main(): Promise<number> {
  for (const file of [VSIX, RUNNER]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run package" first (npm run test:e2e does)`);
  }
  await ensureTestVsCode();
  const workspace = copyExamples();
  try {
    const code = await runTests({
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: RUNNER,
      workspacePath: workspace.path,
      timeoutMs: 300_000,
    });
    if (code !== 0) return code;
  } finally {
    workspace.remove();
  }
  const uiWorkspace = copyExamples();
  try {
    await runUiSmoke(VSIX, uiWorkspace.path);
  } finally {
    uiWorkspace.remove();
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`[e2e] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
