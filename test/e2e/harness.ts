/**
 * Our own `runTests` (the @vscode/test-electron way, without downloading VS Code): starts
 * code-server, opens its workbench in Debian's chromium through playwright-core, and lets the
 * remote extension host run the extension's test runner. Also helpers for UI tests.
 *
 * See shared/VSCODE-E2E.md for why this setup and what was tried; test/e2e/setup.ts installs it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { ensureTestVsCode, VSCODE_TEST_DIR, type TestVsCode } from './setup';

export const DEFAULT_ARTIFACTS_DIR = path.join(VSCODE_TEST_DIR, 'artifacts');

/** Chromium flags: no sandbox (we run as root), and no background traffic to hosts we can't reach. */
const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const SERVER_READY_PATTERN = /HTTP server listening on/;
const SERVER_START_TIMEOUT_MS = 60_000;
/** Time between SIGTERM and SIGKILL when stopping code-server's process group. */
const STOP_GRACE_MS = 5_000;
const WORKBENCH_READY_TIMEOUT_MS = 60_000;
const SCREENSHOT_TIMEOUT_MS = 10_000;

// ---------------------------------------------------------------------------------------------
// The slice of playwright-core's API used here. playwright-core is installed by setup.ts into
// .vscode-test/, not a dependency of the repo, so its types are not available to import.

type ConsoleMessageType = string;

export interface PlaywrightPage {
  goto(url: string, options?: { waitUntil?: 'commit' | 'domcontentloaded' | 'load'; timeout?: number }): Promise<unknown>;
  exposeFunction(name: string, callback: (...args: never[]) => unknown): Promise<unknown>;
  waitForSelector(selector: string, options?: { state?: 'attached' | 'visible'; timeout?: number }): Promise<unknown>;
  screenshot(options?: { path?: string; timeout?: number }): Promise<Buffer>;
  isClosed(): boolean;
  on(event: 'console', listener: (message: { type(): ConsoleMessageType; text(): string }) => void): unknown;
  on(event: 'pageerror', listener: (error: Error) => void): unknown;
  on(event: 'close' | 'crash', listener: () => void): unknown;
}

export interface PlaywrightBrowserContext {
  pages(): PlaywrightPage[];
  newPage(): Promise<PlaywrightPage>;
  close(): Promise<void>;
}

interface PlaywrightChromium {
  launchPersistentContext(
    userDataDir: string,
    options: {
      executablePath: string;
      headless: boolean;
      args: readonly string[];
      env: Record<string, string>;
      viewport: { width: number; height: number };
    },
  ): Promise<PlaywrightBrowserContext>;
}

function loadChromium(vscode: TestVsCode): PlaywrightChromium {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the path is only known at run time
  const playwright = require(vscode.playwrightCore) as { chromium: PlaywrightChromium };
  return playwright.chromium;
}

// ---------------------------------------------------------------------------------------------
// Process groups, and cleaning them up when we are interrupted

/** Stoppers of the code-servers still running, for the exit and signal handlers. */
const liveServers = new Set<{ readonly pid: number; readonly stop: () => Promise<void> }>();
let exitHandlersInstalled = false;
/** Set when a signal handler is stopping everything, to explain why code-server went away. */
let interruptedBy: NodeJS.Signals | undefined;
/** Throwaway folders to remove even when a signal cuts the normal cleanup short. */
const tempDirs = new Set<string>();

function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: nothing left in the group
  }
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves true once no process is left in the group, false if some still are after `ms`. */
async function waitForGroupGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (signalGroup(pid, 0)) {
    if (Date.now() >= deadline) return false;
    await delay(100);
  }
  return true;
}

/**
 * SIGTERM the whole group, then SIGKILL whatever is left after the grace period. The group, not
 * the pid: killing code-server alone once left its extension host running.
 */
async function killProcessGroup(pid: number): Promise<void> {
  if (!signalGroup(pid, 'SIGTERM')) return;
  if (await waitForGroupGone(pid, STOP_GRACE_MS)) return;
  signalGroup(pid, 'SIGKILL');
  await waitForGroupGone(pid, 2_000);
}

/**
 * On exit only synchronous work runs, so SIGKILL; on SIGINT/SIGTERM/SIGHUP stop gracefully, then
 * die of the same signal as we would have without a handler.
 */
function installExitHandlers(): void {
  if (exitHandlersInstalled) return;
  exitHandlersInstalled = true;
  // Also reached when playwright's own SIGINT handler calls process.exit() before our stop is done.
  process.on('exit', () => {
    for (const server of liveServers) signalGroup(server.pid, 'SIGKILL');
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      interruptedBy = signal;
      void Promise.allSettled([...liveServers].map((server) => server.stop())).then(() => {
        for (const dir of tempDirs) removeTempDir(dir);
        process.kill(process.pid, signal);
      });
    });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// code-server

export interface CodeServerOptions {
  /** Port on 127.0.0.1; a free one when omitted. */
  readonly port?: number;
  /** Folder code-server opens when the URL names none. */
  readonly workspaceDir?: string;
  /** Throwaway folder for user data, extensions, XDG dirs and the server log. */
  readonly userDataRoot: string;
  /** Extra environment for code-server; it reaches the extension host too. */
  readonly env?: NodeJS.ProcessEnv;
  readonly extraArgs?: readonly string[];
  /** User settings, on top of DEFAULT_USER_SETTINGS. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Already-installed test VS Code; `ensureTestVsCode()` is called when omitted. */
  readonly vscode?: TestVsCode;
}

/**
 * Settings of the throwaway user. Without startupEditor=none a fresh user gets the Welcome page a
 * moment after the workbench is visible, and it takes the focus (closing an open command palette).
 */
export const DEFAULT_USER_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
};

export interface CodeServer {
  readonly url: string;
  readonly port: number;
  /** code-server's stdout and stderr. */
  readonly logFile: string;
  /** VS Code's own logs (remote agent, extension host) live under `<userDataDir>/logs`. */
  readonly userDataDir: string;
  /** Settles when code-server's main process exits. */
  readonly exited: Promise<void>;
  /** Stops code-server and everything it started. Safe to call more than once. */
  stop(): Promise<void>;
}

/** Environment without the variables an enclosing VS Code sets for its own terminals. */
function serverEnv(userDataRoot: string, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('VSCODE_') && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
  }
  return {
    ...env,
    // Else code-server writes its config and state to $HOME.
    XDG_CONFIG_HOME: path.join(userDataRoot, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(userDataRoot, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(userDataRoot, 'xdg', 'cache'),
    // No marketplace: nothing to look up, and nothing to reach on this network.
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

function codeServerArgs(entry: string, port: number, userDataRoot: string, options: CodeServerOptions): string[] {
  return [
    entry,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--user-data-dir',
    path.join(userDataRoot, 'user-data'),
    '--extensions-dir',
    path.join(userDataRoot, 'extensions'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.extraArgs ?? []),
    ...(options.workspaceDir ? [options.workspaceDir] : []),
  ];
}

function writeUserSettings(userDataDir: string, settings: Readonly<Record<string, unknown>>): void {
  const userDir = path.join(userDataDir, 'User');
  mkdirSync(userDir, { recursive: true });
  const merged = { ...DEFAULT_USER_SETTINGS, ...settings };
  writeFileSync(path.join(userDir, 'settings.json'), `${JSON.stringify(merged, null, 2)}\n`);
}

/** Resolves when the child prints the ready line; rejects if it exits or times out first. */
function waitForReady(child: ChildProcess, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`code-server did not start within ${SERVER_START_TIMEOUT_MS / 1000}s; log: ${logFile}`)),
      SERVER_START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-4000);
      if (SERVER_READY_PATTERN.test(output)) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${signal ?? `code ${code}`}) before it was ready; log: ${logFile}\n${output}`));
    });
  });
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const vscode = options.vscode ?? (await ensureTestVsCode());
  const port = options.port ?? (await freePort());
  const { userDataRoot } = options;
  writeUserSettings(path.join(userDataRoot, 'user-data'), options.settings ?? {});
  const logFile = path.join(userDataRoot, 'code-server.log');
  const log = createWriteStream(logFile);

  installExitHandlers();
  // detached: its own process group, so stop() can take the extension host and helpers with it.
  const child = spawn(process.execPath, codeServerArgs(vscode.codeServerEntry, port, userDataRoot, options), {
    cwd: options.workspaceDir ?? userDataRoot,
    env: serverEnv(userDataRoot, options.env ?? {}),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start code-server (${vscode.codeServerEntry})`);
  // Two sources into one file: end it ourselves once every stdio stream of the child closed.
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  child.once('close', () => log.end());
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  let stopping: Promise<void> | undefined;
  const entry = {
    pid,
    stop: (): Promise<void> => {
      stopping ??= killProcessGroup(pid).finally(() => liveServers.delete(entry));
      return stopping;
    },
  };
  liveServers.add(entry);
  try {
    await waitForReady(child, logFile);
  } catch (err) {
    await entry.stop();
    throw err;
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    logFile,
    userDataDir: path.join(userDataRoot, 'user-data'),
    exited,
    stop: entry.stop,
  };
}

/**
 * Installs a packaged .vsix into the extensions folder that `startCodeServer` with the same
 * `userDataRoot` uses, the way a user installs a downloaded extension.
 */
export async function installExtension(vsixPath: string, userDataRoot: string, vscode?: TestVsCode): Promise<void> {
  const installed = vscode ?? (await ensureTestVsCode());
  const args = [
    installed.codeServerEntry,
    '--user-data-dir',
    path.join(userDataRoot, 'user-data'),
    '--extensions-dir',
    path.join(userDataRoot, 'extensions'),
    '--install-extension',
    path.resolve(vsixPath),
  ];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: serverEnv(userDataRoot, {}), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`installing ${vsixPath} failed (exit code ${code}):\n${output}`)),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Chromium on the workbench

export interface OpenWorkbenchOptions {
  /** Runs after the page exists and before it navigates (e.g. `page.exposeFunction`). */
  readonly beforeNavigate?: (page: PlaywrightPage) => Promise<void>;
  /** Wait until `.monaco-workbench` and the status bar are visible (default true). */
  readonly waitForWorkbench?: boolean;
  readonly vscode?: TestVsCode;
}

/**
 * An open workbench page. `P` lets a UI test that has playwright-core's own types name them
 * (`openWorkbench<Page>(...)`): the object is playwright's real Page either way.
 */
export interface Workbench<P extends PlaywrightPage = PlaywrightPage> {
  readonly context: PlaywrightBrowserContext;
  readonly page: P;
  /** Saves `<artifactsDir>/<name>.png` and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Closes the browser and removes its throwaway profile. Safe to call more than once. */
  close(): Promise<void>;
}

/** Debian's chromium keeps crash reports and dconf state under XDG dirs: keep them in the profile. */
function chromiumEnv(profileDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  env.XDG_CONFIG_HOME = path.join(profileDir, 'xdg', 'config');
  env.XDG_CACHE_HOME = path.join(profileDir, 'xdg', 'cache');
  return env;
}

/** Where the page's own console goes, for when the workbench itself fails. */
function recordBrowserConsole(page: PlaywrightPage, artifactsDir: string): void {
  const stream = createWriteStream(path.join(artifactsDir, 'browser-console.log'));
  page.on('console', (message) => stream.write(`[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => stream.write(`[pageerror] ${error.stack ?? error.message}\n`));
  page.on('close', () => stream.end());
}

export async function openWorkbench<P extends PlaywrightPage = PlaywrightPage>(
  url: string,
  artifactsDir: string,
  options: OpenWorkbenchOptions = {},
): Promise<Workbench<P>> {
  const vscode = options.vscode ?? (await ensureTestVsCode());
  mkdirSync(artifactsDir, { recursive: true });
  const profileDir = makeTempDir('iam-e2e-chromium-');
  const context = await loadChromium(vscode).launchPersistentContext(profileDir, {
    executablePath: vscode.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    env: chromiumEnv(profileDir),
    viewport: { width: 1280, height: 800 },
  });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= context
      .close()
      .catch(() => undefined)
      .finally(() => removeTempDir(profileDir));
    return closing;
  };

  try {
    const page = context.pages()[0] ?? (await context.newPage());
    recordBrowserConsole(page, artifactsDir);
    await options.beforeNavigate?.(page);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    if (options.waitForWorkbench ?? true) {
      await page.waitForSelector('.monaco-workbench', { state: 'visible', timeout: WORKBENCH_READY_TIMEOUT_MS });
      await page.waitForSelector('.part.statusbar', { state: 'visible', timeout: WORKBENCH_READY_TIMEOUT_MS });
    }
    const screenshot = async (name: string): Promise<string> => {
      const file = path.join(artifactsDir, `${name}.png`);
      await page.screenshot({ path: file, timeout: SCREENSHOT_TIMEOUT_MS });
      return file;
    };
    // The cast is the one place P is trusted: the object is playwright-core's real Page.
    return { context, page: page as P, screenshot, close };
  } catch (err) {
    await close();
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// runTests

export interface RunTestsOptions {
  /** Absolute path of the extension (the folder with its package.json). */
  readonly extensionDevelopmentPath: string;
  /** Absolute path of the test runner module exporting `run(): Promise<void>`. */
  readonly extensionTestsPath: string;
  /** Absolute path of the folder the workbench opens. */
  readonly workspacePath: string;
  readonly timeoutMs: number;
  /** Screenshot, code-server log and VS Code logs land here; default `.vscode-test/artifacts`. */
  readonly artifactsDir?: string;
  /** Extra environment for code-server and so the extension host. */
  readonly env?: NodeJS.ProcessEnv;
}

/** What the workbench passes to `window.codeAutomationExit`. */
interface AutomationLogFile {
  readonly relativePath: string;
  readonly contents: string;
}

type Outcome =
  | { readonly kind: 'exit'; readonly code: number; readonly logs: readonly AutomationLogFile[] }
  | { readonly kind: 'failure'; readonly message: string };

/**
 * A workbench URL on a folder, optionally with an extension under development and a test runner. The
 * workbench reads them from the `payload` parameter, with paths on the remote (code-server) side.
 */
export function workbenchUrl(
  server: Pick<CodeServer, 'url' | 'port'>,
  options: { folder: string; extensionDevelopmentPath?: string; extensionTestsPath?: string },
): string {
  const remote = (file: string): string => `vscode-remote://127.0.0.1:${server.port}${path.resolve(file)}`;
  const payload: string[][] = [];
  if (options.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]);
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  const folder = encodeURIComponent(path.resolve(options.folder));
  return `${server.url}?folder=${folder}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Extension host console output arrives as (level, args); args are printf-style. */
function printAutomationLog(_level: unknown, args: unknown): void {
  const parts = Array.isArray(args) ? (args as unknown[]) : [args];
  process.stdout.write(`${format(...parts)}\n`);
}

function saveAutomationLogs(logs: readonly AutomationLogFile[], artifactsDir: string): void {
  const root = path.join(artifactsDir, 'browser-logs');
  for (const log of logs) {
    const file = path.resolve(root, log.relativePath);
    if (!file.startsWith(root + path.sep)) continue; // never write outside the artifacts
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, log.contents);
  }
}

/** What runTests writes to the artifacts folder; cleared first so nothing stale is mistaken for this run's. */
const ARTIFACT_NAMES: readonly string[] = [
  'final.png',
  'code-server.log',
  'vscode-logs',
  'browser-logs',
  'browser-console.log',
];

function clearArtifacts(artifactsDir: string): void {
  mkdirSync(artifactsDir, { recursive: true });
  for (const name of ARTIFACT_NAMES) rmSync(path.join(artifactsDir, name), { recursive: true, force: true });
}

/** The final state of the page; never throws (it runs during cleanup). */
async function saveFinalScreenshot(workbench: Workbench | undefined): Promise<void> {
  if (!workbench || workbench.page.isClosed()) return;
  await workbench.screenshot('final').catch((err: unknown) => {
    process.stderr.write(`[e2e] could not take the final screenshot: ${String(err)}\n`);
  });
}

/** code-server's output and VS Code's logs, copied after it stopped so they are complete. */
function saveServerLogs(server: CodeServer | undefined, artifactsDir: string): void {
  if (!server) return;
  const copies: ReadonlyArray<readonly [string, string]> = [
    [server.logFile, path.join(artifactsDir, 'code-server.log')],
    [path.join(server.userDataDir, 'logs'), path.join(artifactsDir, 'vscode-logs')],
  ];
  for (const [from, to] of copies) {
    try {
      if (existsSync(from)) cpSync(from, to, { recursive: true });
    } catch (err) {
      process.stderr.write(`[e2e] could not save ${from}: ${String(err)}\n`);
    }
  }
}

/** How a run ended; several sources race to report it and the first one wins. */
function outcomeRace(): { readonly promise: Promise<Outcome>; readonly settle: (outcome: Outcome) => void } {
  let settle: (outcome: Outcome) => void = () => undefined;
  const promise = new Promise<Outcome>((resolve) => (settle = resolve));
  return { promise, settle };
}

/**
 * Wires the page to the workbench's automation hooks. Must run before the page loads: the
 * workbench looks for these functions once, and a fast run would exit before they existed.
 */
async function exposeAutomation(page: PlaywrightPage, settle: (outcome: Outcome) => void): Promise<void> {
  page.on('crash', () => settle({ kind: 'failure', message: 'the browser page crashed' }));
  await page.exposeFunction('codeAutomationLog', printAutomationLog);
  // Called once the test runner's run() settled: 0 when it resolved, 1 when it rejected.
  await page.exposeFunction('codeAutomationExit', (code: unknown, logs: unknown) => {
    const files = Array.isArray(logs) ? (logs as AutomationLogFile[]) : [];
    settle({ kind: 'exit', code: typeof code === 'number' ? code : 1, logs: files });
  });
}

/**
 * Runs the extension's tests inside code-server's extension host and resolves with the exit code
 * (0 = passed). Never rejects for a test failure, a timeout or a crash: those return non-zero with
 * a message on stderr. Always stops the browser and code-server.
 */
export async function runTests(options: RunTestsOptions): Promise<number> {
  const artifactsDir = options.artifactsDir ?? DEFAULT_ARTIFACTS_DIR;
  clearArtifacts(artifactsDir);
  const tempRoot = makeTempDir('iam-e2e-');
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  const { promise: outcome, settle } = outcomeRace();
  let timer: NodeJS.Timeout | undefined;
  try {
    const vscode = await ensureTestVsCode();
    // Started after the install, which can take a minute on a fresh machine.
    timer = setTimeout(
      () => settle({ kind: 'failure', message: `tests did not finish within ${options.timeoutMs / 1000}s (timeout)` }),
      options.timeoutMs,
    );
    server = await startCodeServer({ userDataRoot: tempRoot, env: options.env ?? {}, vscode });
    void server.exited.then(() =>
      settle({
        kind: 'failure',
        message: interruptedBy ? `interrupted by ${interruptedBy}` : 'code-server exited during the run',
      }),
    );
    const url = workbenchUrl(server, {
      folder: options.workspacePath,
      extensionDevelopmentPath: options.extensionDevelopmentPath,
      extensionTestsPath: options.extensionTestsPath,
    });
    workbench = await openWorkbench(url, artifactsDir, {
      vscode,
      waitForWorkbench: false,
      beforeNavigate: (page) => exposeAutomation(page, settle),
    });

    const result = await outcome;
    if (result.kind === 'failure') {
      process.stderr.write(`[e2e] ${result.message}; artifacts in ${artifactsDir}\n`);
      return 1;
    }
    saveAutomationLogs(result.logs, artifactsDir);
    if (result.code !== 0) {
      process.stderr.write(`[e2e] tests failed (exit code ${result.code}); artifacts in ${artifactsDir}\n`);
    }
    return result.code;
  } catch (err) {
    process.stderr.write(`[e2e] ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    clearTimeout(timer);
    await saveFinalScreenshot(workbench);
    await workbench?.close();
    await server?.stop();
    saveServerLogs(server, artifactsDir);
    removeTempDir(tempRoot);
  }
}
