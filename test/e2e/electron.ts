// `npm run test:electron`: the same extension-host suite in VS Code desktop, downloaded by
// @vscode/test-electron. For machines with internet access; CI here uses run.ts (code-server).
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO_ROOT } from './setup';
import { copyExamples } from './workspace';

async function main(): Promise<void> {
  const workspace = copyExamples();
  try {
    await runTests({
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: join(REPO_ROOT, 'out', 'test', 'e2e', 'index.js'),
      launchArgs: [workspace.path, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    workspace.remove();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`test:electron: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
