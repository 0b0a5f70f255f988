/**
 * Installs the "test VS Code" used by the end-to-end tests: code-server (which ships VS Code with a
 * server-side Node extension host) driven by Debian's chromium through playwright-core.
 *
 * Why not @vscode/test-electron / @vscode/test-web: both download VS Code (and a browser) at test
 * time, and our machines reach only the npm registry and Debian's apt mirrors. See
 * shared/VSCODE-E2E.md for the recipe this file automates.
 *
 * Idempotent: a marker file is written only after every step (and a load check of the native
 * modules) succeeded, so a second run is a no-op and a half-finished install is redone from scratch.
 *
 * Run directly (`npx tsx test/e2e/setup.ts`) or import `ensureTestVsCode()`.
 */
import { spawn } from 'node:child_process';
import {
  accessSync,
  appendFileSync,
  constants as fsConstants,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import * as path from 'node:path';

/** The last code-server release that runs on Node 20; newer ones ignore the test payload. */
export const CODE_SERVER_VERSION = '4.100.3';
/** Exact pin: its engines field accepts Node >= 20 and it drives Debian's chromium. */
export const PLAYWRIGHT_CORE_VERSION = '1.65.1';
export const CHROMIUM_PATH = '/usr/bin/chromium';
const RIPGREP_PATH = '/usr/bin/rg';

// The project is CommonJS (a VS Code extension), so tsx provides __dirname here.
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** Cache folder for everything the e2e tests install or produce; git-ignored. */
export const VSCODE_TEST_DIR = path.join(REPO_ROOT, '.vscode-test');
export const INSTALL_DIR = path.join(VSCODE_TEST_DIR, `code-server-${CODE_SERVER_VERSION}`);
const MARKER_FILE = path.join(INSTALL_DIR, '.installed');
/** Kept outside INSTALL_DIR so it survives the wipe that starts a fresh install. */
const LOG_FILE = path.join(VSCODE_TEST_DIR, 'setup.log');

const CODE_SERVER_DIR = path.join(INSTALL_DIR, 'node_modules', 'code-server');
const VSCODE_DIR = path.join(CODE_SERVER_DIR, 'lib', 'vscode');

/** Absolute paths of the installed test VS Code. */
export interface TestVsCode {
  /** code-server's `out/node/entry.js`, to run with `node`. */
  readonly codeServerEntry: string;
  /** The playwright-core package folder, to `require()`. */
  readonly playwrightCore: string;
  /** The chromium binary playwright-core launches. */
  readonly chromium: string;
}

export class SetupError extends Error {
  override readonly name = 'SetupError';
}

function progress(message: string): void {
  process.stderr.write(`[e2e-setup] ${message}\n`);
}

function testVsCodePaths(): TestVsCode {
  return {
    codeServerEntry: path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js'),
    playwrightCore: path.join(INSTALL_DIR, 'node_modules', 'playwright-core'),
    chromium: CHROMIUM_PATH,
  };
}

// ---------------------------------------------------------------------------------------------
// System packages

interface SystemRequirement {
  readonly aptPackage: string;
  readonly isPresent: () => boolean;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command: string): boolean {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return dirs.some((dir) => isExecutable(path.join(dir, command)));
}

// Probed by what we actually use rather than by dpkg state, so a python3/g++ from elsewhere
// (pyenv, a toolchain image) counts, while chromium and rg must be at the paths we hard-code.
const SYSTEM_REQUIREMENTS: readonly SystemRequirement[] = [
  // kerberos (VS Code's proxy auth) compiles against the GSSAPI headers.
  { aptPackage: 'libkrb5-dev', isPresent: () => existsSync('/usr/include/gssapi/gssapi.h') },
  { aptPackage: 'ripgrep', isPresent: () => isExecutable(RIPGREP_PATH) },
  { aptPackage: 'chromium', isPresent: () => isExecutable(CHROMIUM_PATH) },
  // Without a font with Latin glyphs the workbench (and its screenshots) renders as boxes.
  { aptPackage: 'fonts-liberation', isPresent: () => existsSync('/usr/share/fonts/truetype/liberation') },
  // node-gyp's toolchain for the native rebuilds.
  { aptPackage: 'python3', isPresent: () => onPath('python3') },
  { aptPackage: 'make', isPresent: () => onPath('make') },
  { aptPackage: 'g++', isPresent: () => onPath('g++') },
];

function missingSystemPackages(): string[] {
  return SYSTEM_REQUIREMENTS.filter((req) => !req.isPresent()).map((req) => req.aptPackage);
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

async function ensureSystemPackages(): Promise<void> {
  const missing = missingSystemPackages();
  if (missing.length === 0) return;
  const installCommand = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (!isRoot() || !onPath('apt-get')) {
    throw new SetupError(
      `missing system packages: ${missing.join(', ')}; install them with: sudo sh -c '${installCommand}'`,
    );
  }
  progress(`apt-get install ${missing.join(' ')}`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runStep('apt-get update', 'apt-get', ['update'], { cwd: '/', env: aptEnv });
  await runStep('apt-get install', 'apt-get', ['install', '-y', ...missing], { cwd: '/', env: aptEnv });
  const stillMissing = missingSystemPackages();
  if (stillMissing.length > 0) {
    throw new SetupError(`apt-get install did not provide: ${stillMissing.join(', ')} (see ${LOG_FILE})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Running commands

interface StepOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** How much of a failed command's output to repeat in the error message. */
const OUTPUT_TAIL_CHARS = 3000;

/**
 * Runs one install command, appending its output to the setup log (install output is long and
 * mostly noise) and keeping the tail for the error message when it fails.
 */
function runStep(title: string, command: string, args: readonly string[], options: StepOptions): Promise<void> {
  const started = Date.now();
  appendFileSync(LOG_FILE, `\n$ (cd ${options.cwd} && ${command} ${args.join(' ')})\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? installEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const collect = (chunk: Buffer): void => {
      appendFileSync(LOG_FILE, chunk);
      tail = (tail + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (err) => reject(new SetupError(`${title}: cannot run ${command}: ${err.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) {
        progress(`  ${title} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
        resolve();
        return;
      }
      const status = signal ? `signal ${signal}` : `exit code ${code}`;
      reject(new SetupError(`${title} failed (${status}) in ${options.cwd}; full log: ${LOG_FILE}\n${tail}`));
    });
  });
}

/** node-gyp reads npm_config_nodedir; local headers avoid a download of them from nodejs.org. */
function localNodeDir(): string | undefined {
  const nodeDir = path.dirname(path.dirname(process.execPath));
  return existsSync(path.join(nodeDir, 'include', 'node', 'node.h')) ? nodeDir : undefined;
}

/**
 * Environment for npm commands. Drops what `npx`/`npm run` inject about the *calling* project so
 * the nested npm commands only ever see the folder they run in.
 */
function installEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const injectedByNpm =
      /^npm_(package_|lifecycle_|command$|config_local_prefix$)/i.test(key) || key === 'INIT_CWD';
    if (!injectedByNpm) env[key] = value;
  }
  const nodeDir = localNodeDir();
  if (nodeDir) env.npm_config_nodedir = nodeDir;
  env.npm_config_audit = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_update_notifier = 'false';
  // node-gyp runs make with one job unless told otherwise; the rebuilds are most of the install.
  env.JOBS ??= 'max';
  return { ...env, ...extra };
}

// ---------------------------------------------------------------------------------------------
// Install steps

/** Replaces whatever is at `linkPath` by a symlink to `target` (like `ln -sfn`). */
function forceSymlink(target: string, linkPath: string): void {
  rmSync(linkPath, { recursive: true, force: true });
  symlinkSync(target, linkPath);
}

/**
 * `npm install --ignore-scripts` the two packages, in their own npm project: without a
 * package.json there npm would walk up and install into the repo's.
 */
async function installPackages(): Promise<void> {
  mkdirSync(INSTALL_DIR, { recursive: true });
  writeFileSync(
    path.join(INSTALL_DIR, 'package.json'),
    JSON.stringify({ name: 'vscode-test-install', private: true, description: 'see test/e2e/setup.ts' }, null, 2),
  );
  // code-server's own postinstall downloads ripgrep from GitHub and fails here: its steps are
  // done by hand below.
  await runStep(
    `npm install code-server@${CODE_SERVER_VERSION} playwright-core@${PLAYWRIGHT_CORE_VERSION}`,
    'npm',
    [
      'install',
      '--ignore-scripts',
      '--save-exact',
      `code-server@${CODE_SERVER_VERSION}`,
      `playwright-core@${PLAYWRIGHT_CORE_VERSION}`,
    ],
    { cwd: INSTALL_DIR },
  );
  // code-server loads argon2 at startup even with --auth none. Building from source skips
  // node-pre-gyp's download attempt (GitHub is unreachable).
  await runStep('rebuild argon2', 'npm', ['rebuild', 'argon2'], {
    cwd: INSTALL_DIR,
    env: installEnv({ npm_config_build_from_source: 'true' }),
  });
}

/** What code-server's postinstall.sh does for lib/vscode, minus the ripgrep download. */
async function installVsCodeDependencies(): Promise<void> {
  await runStep('lib/vscode npm install', 'npm', ['install', '--omit=dev', '--ignore-scripts'], { cwd: VSCODE_DIR });

  // @vscode/ripgrep's postinstall downloads rg unless bin/ already exists: use Debian's.
  const ripgrepBin = path.join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(ripgrepBin, { recursive: true });
  forceSymlink(RIPGREP_PATH, path.join(ripgrepBin, 'rg'));

  // kerberos tries prebuild-install (a GitHub download) before node-gyp: go straight to the build.
  await runStep('rebuild kerberos', 'npm', ['rebuild', 'kerberos'], {
    cwd: VSCODE_DIR,
    env: installEnv({ npm_config_build_from_source: 'true' }),
  });
  // node-pty's install runs `npx node-gyp`, which asks for confirmation unless yes=true.
  await runStep(
    'rebuild native modules',
    'npm',
    ['rebuild', '@parcel/watcher', '@vscode/deviceid', '@vscode/spdlog', 'native-watchdog', 'node-pty'],
    { cwd: VSCODE_DIR, env: installEnv({ npm_config_yes: 'true' }) },
  );

  // The links postinstall.sh makes: VS Code and extensions look for files in node_modules.asar.
  forceSymlink('node_modules', path.join(VSCODE_DIR, 'node_modules.asar'));
  forceSymlink('code-linux.sh', path.join(VSCODE_DIR, 'bin', 'remote-cli', 'code-server'));
  forceSymlink('browser-linux.sh', path.join(VSCODE_DIR, 'bin', 'helpers', 'browser.sh'));

  // Built-in extensions share a typescript dependency (used by the TS/JS language features).
  await runStep('lib/vscode/extensions npm install', 'npm', ['install', '--omit=dev'], {
    cwd: path.join(VSCODE_DIR, 'extensions'),
  });
}

/** Native modules that code-server's server and extension host load, and where they load them from. */
const NATIVE_MODULES: ReadonlyArray<{ readonly from: string; readonly name: string }> = [
  { from: CODE_SERVER_DIR, name: 'argon2' },
  ...['@parcel/watcher', '@vscode/deviceid', '@vscode/spdlog', 'kerberos', 'native-watchdog', 'node-pty'].map(
    (name) => ({ from: VSCODE_DIR, name }),
  ),
];

/** Loads every native module in a fresh node so a broken build fails setup, not a test run. */
async function checkNativeModules(): Promise<void> {
  const loads = NATIVE_MODULES.map(
    ({ from, name }) => `createRequire(${JSON.stringify(path.join(from, 'package.json'))})(${JSON.stringify(name)});`,
  );
  const script = [`const { createRequire } = require('node:module');`, ...loads].join('\n');
  await runStep('load native modules', process.execPath, ['-e', script], { cwd: INSTALL_DIR });
}

// ---------------------------------------------------------------------------------------------
// Marker

/** Everything the built install depends on: a change in any of these means reinstall. */
function expectedMarker(): string {
  return JSON.stringify({
    codeServer: CODE_SERVER_VERSION,
    playwrightCore: PLAYWRIGHT_CORE_VERSION,
    // Native modules are built for one Node ABI.
    nodeModuleAbi: process.versions.modules,
    platform: process.platform,
    arch: process.arch,
  });
}

function isInstalled(): boolean {
  try {
    return readFileSync(MARKER_FILE, 'utf8').trim() === expectedMarker();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Entry points

/**
 * Makes sure the test VS Code is installed (installing it when needed) and returns its paths.
 * Throws SetupError with a readable message when that is not possible.
 */
export async function ensureTestVsCode(): Promise<TestVsCode> {
  mkdirSync(VSCODE_TEST_DIR, { recursive: true });
  await ensureSystemPackages();
  if (isInstalled()) return testVsCodePaths();

  const started = Date.now();
  // Keeps the cache folder out of git even where .gitignore does not mention it.
  writeFileSync(path.join(VSCODE_TEST_DIR, '.gitignore'), '*\n');
  progress(`installing code-server ${CODE_SERVER_VERSION} into ${INSTALL_DIR} (log: ${LOG_FILE})`);
  appendFileSync(LOG_FILE, `\n=== install started ${new Date().toISOString()}\n`);
  // Whatever is there is an unfinished or outdated install: start clean rather than guess.
  rmSync(INSTALL_DIR, { recursive: true, force: true });
  await installPackages();
  await installVsCodeDependencies();
  await checkNativeModules();
  writeFileSync(MARKER_FILE, `${expectedMarker()}\n`);
  progress(`installed in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  return testVsCodePaths();
}

async function main(): Promise<void> {
  try {
    const paths = await ensureTestVsCode();
    progress(`ready: ${paths.codeServerEntry}`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`[e2e-setup] error: ${message}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  void main();
}
