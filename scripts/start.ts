// `npm start`: opens the extension under development in a real VS Code on examples/. Uses the
// desktop `code` command when there is one; otherwise serves code-server on 127.0.0.1 (installed by
// test/e2e/setup.ts) and prints the URL to open. Options: --port N, --folder PATH.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startCodeServer, workbenchUrl } from '../test/e2e/harness';
import { ensureTestVsCode, REPO_ROOT } from '../test/e2e/setup';

const { values } = parseArgs({
  options: { port: { type: 'string' }, folder: { type: 'string' }, 'code-server': { type: 'boolean' } },
});
const folder = resolve(values.folder ?? join(REPO_ROOT, 'examples'));
const port = values.port === undefined ? 8765 : Number(values.port);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  process.stderr.write(`npm start: --port must be a port number, not "${values.port}"\n`);
  process.exit(2);
}

function hasDesktopCode(): boolean {
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function serveCodeServer(): Promise<void> {
  const vscode = await ensureTestVsCode();
  const userDataRoot = mkdtempSync(join(tmpdir(), 'iam-policy-start-'));
  const server = await startCodeServer({ userDataRoot, port, vscode });
  const url = workbenchUrl(server, { folder, extensionDevelopmentPath: REPO_ROOT });
  process.stdout.write(
    `\nIAM Policy Studio is running in VS Code (code-server) on ${folder}\n` +
      `Open this URL in a browser on this machine:\n\n  ${url}\n\n` +
      `After "npm run build", reload the window to pick up changes. Press Ctrl+C to stop.\n`,
  );
  const stop = () => {
    void server.stop().finally(() => {
      rmSync(userDataRoot, { recursive: true, force: true });
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await server.exited;
  process.stderr.write(`code-server stopped; its log: ${server.logFile}\n`);
  process.exitCode = 1;
}

if (!values['code-server'] && hasDesktopCode()) {
  process.stdout.write(`Opening VS Code with the extension under development on ${folder}\n`);
  spawn('code', ['--extensionDevelopmentPath', REPO_ROOT, folder], { stdio: 'inherit', detached: true }).unref();
} else {
  serveCodeServer().catch((error: unknown) => {
    process.stderr.write(`npm start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
