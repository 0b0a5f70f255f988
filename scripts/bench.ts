// Speed and memory figures of the analysis core, the built CLI and the built server, each next to its
// target. Not a test: tests must not depend on timing. Run `npm run bench` (builds first), or
// `node --expose-gc --import tsx scripts/bench.ts [--json]` after `node scripts/build.mjs`.
// Targets are for a 2-core CI machine; the process exits 0 whatever the figures (it reports, it does not gate).
// `--by-rule` adds where the time goes on the largest managed policy: parse, schema, then each rule.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createPolicyService, RULES, type SeverityOverride } from '../server/src/core';
import { LspClient, PULL_CAPABILITIES } from '../test/lsp/client';
import { EDITING_CASES, inProcess, overStdio } from './benchEditing';
import { graphFigures, GRAPH_ACCOUNTS, GRAPH_FILES, GRAPH_ROLES } from './benchGraph';
import { terraformFigures } from './benchTerraform';
import { managedPolicies, type ManagedPolicy } from '../test/support/managedPolicies';

const { values: flags } = parseArgs({ options: { json: { type: 'boolean' }, 'by-rule': { type: 'boolean' } } });
const root = join(import.meta.dirname, '..');
const service = createPolicyService();
// --expose-gc (npm run bench passes it) lets each series start without garbage from the previous one.
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** One line of the report. `value` is what the target is checked against (p95 or p50 for series). */
interface Figure {
  name: string;
  unit: 'ms' | 'MB' | 'KB';
  value: number | undefined;
  p50?: number;
  p95?: number;
  runs?: number;
  /** The figure must be at most this; no target means "for information". */
  target?: number;
  /** Which number the target applies to. */
  targetOf?: 'p50' | 'p95' | 'value';
  pass?: boolean;
  note?: string;
}

const figures: Figure[] = [];

function progress(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

function add(figure: Figure): void {
  if (figure.target !== undefined && figure.value !== undefined) figure.pass = figure.value <= figure.target;
  figures.push(figure);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Times `runs` calls one by one, after a warm-up call (the first call pays for JIT and lazy data). */
function series(runs: number, work: () => void): { min: number; p50: number; p95: number } {
  work();
  gc();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { min: times[0], p50: percentile(times, 50), p95: percentile(times, 95) };
}

function addSeries(name: string, runs: number, work: () => void, target?: number, targetOf: 'p50' | 'p95' = 'p95'): void {
  const { p50, p95 } = series(runs, work);
  add({ name, unit: 'ms', p50, p95, runs, value: targetOf === 'p50' ? p50 : p95, target, targetOf });
}

/** Parse + analyze, as the server does on each edit and the CLI on each file. */
function analyse(text: string): number {
  return service.analyze(service.parse(text), { kindSetting: 'identity' }).findings.length;
}

function analyseAuto(text: string): number {
  return service.analyze(service.parse(text)).findings.length;
}

// ---- in-process analysis -------------------------------------------------------------------------

progress('loading the managed policy corpus');
const corpus: ManagedPolicy[] = managedPolicies();
const largest = corpus.reduce((a, b) => (b.text.length > a.text.length ? b : a));

// First: the whole corpus in a fresh process, as a CI run pays it (lazy IAM data loading included).
progress(`analysing ${corpus.length} managed policies in process`);
gc();
let start = performance.now();
let corpusFindings = 0;
for (const policy of corpus) corpusFindings += analyse(policy.text);
add({ name: `whole corpus in process, first pass (${corpus.length} policies)`, unit: 'ms', value: performance.now() - start, target: 5000, targetOf: 'value', note: `${corpusFindings} findings` });
gc();
start = performance.now();
for (const policy of corpus) analyse(policy.text);
add({ name: 'whole corpus in process, second pass (warm)', unit: 'ms', value: performance.now() - start });

const typicalIdentity = readFileSync(join(root, 'examples/developer/lambda-developer-policy.json'), 'utf8');
const typicalTrust = readFileSync(join(root, 'examples/ci/github-actions-deploy-role-trust.json'), 'utf8');
progress('typical and largest policies');
addSeries(`typical identity policy (${kb(typicalIdentity)} KB)`, 1000, () => analyseAuto(typicalIdentity), 5);
addSeries(`typical trust policy (${kb(typicalTrust)} KB)`, 1000, () => analyseAuto(typicalTrust), 5);
addSeries(`largest managed policy, ${largest.name} (${kb(largest.text)} KB)`, 40, () => analyse(largest.text), 150);

// A pasted trust policy far over the quota: 20,000 principals and 200 statements, with conditions.
const trustStatement = (i: number) => ({
  Effect: 'Allow',
  Principal: { AWS: Array.from({ length: 100 }, (_, j) => `arn:aws:iam::${String(100000000000 + i * 100 + j)}:role/Deploy`) },
  Action: ['sts:AssumeRole', 'sts:TagSession'],
  Condition: { StringEquals: { 'sts:ExternalId': `Xq7RkV2mP9sLw4Tz${i}` }, StringLike: { 'aws:PrincipalTag/team': ['a*', 'b*'] } },
});
const bigTrust = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 200 }, (_, i) => trustStatement(i)) }, null, 2);
addSeries(`trust policy with 20,000 principals (${kb(bigTrust)} KB): analysis`, 10, () => analyseAuto(bigTrust), 500);
const parsedTrust = service.parse(bigTrust);
addSeries('  the same: who can assume it (code lenses)', 10, () => service.explainTrust(parsedTrust), 200);

// `${` without a closing brace, 100 KB of it in a subject: placeholder scanning must stay linear.
const unclosed = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': '${'.repeat(50_000) } } }] });
addSeries('trust policy with 100 KB of unclosed "${" in a subject', 5, () => analyseAuto(unclosed), 500);

const examples = exampleTexts(join(root, 'examples'));
addSeries(`all ${examples.length} example files`, 200, () => examples.forEach(analyseAuto));

const statement = (i: number) => ({ Sid: `S${i}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:aws:s3:::bucket-${i}/${'x'.repeat(40)}/*` });
const sized = (count: number) => JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: count }, (_, i) => statement(i)) }, null, 2);
const huge = sized(30_000); // about 5 MB: far over any IAM quota, but people paste such things
progress('5 MB policy');
addSeries(`one ${(huge.length / 1024 / 1024).toFixed(1)} MB policy`, 5, () => analyseAuto(huge), 2000, 'p50');
addSeries('10,000-level nesting (refused before parsing)', 50, () => analyseAuto('{"Statement":' + '['.repeat(10_000)));

gc();
const heapBefore = process.memoryUsage().heapUsed;
const parsedHuge = service.parse(huge);
gc();
add({ name: `heap for the parsed ${(huge.length / 1024 / 1024).toFixed(1)} MB tree`, unit: 'MB', value: (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024 });
void parsedHuge;

// ---- completion and hover, in process: parse the edited text, then answer ---------------------------

for (const testCase of EDITING_CASES) addSeries(`${testCase.name}, in process`, 1000, inProcess(service, testCase), 5);

if (flags['by-rule']) byRule();

/**
 * Each rule's cost on the largest managed policy: the time with only that rule on, minus the time with
 * every rule off (which still parses and validates the schema). Fastest runs are compared: they are the
 * least disturbed by garbage collection and other processes; small figures still jitter around 0.
 */
function byRule(): void {
  progress(`time per rule on ${largest.name}`);
  const allOff: Record<string, SeverityOverride> = Object.fromEntries(RULES.map((rule) => [rule.id, 'off']));
  const runs = 15;
  addSeries(`${largest.name}: parse only`, runs, () => service.parse(largest.text));
  const base = series(runs, () => service.analyze(service.parse(largest.text), { kindSetting: 'identity', rules: allOff }));
  add({ name: `${largest.name}: parse + schema, every rule off`, unit: 'ms', p50: base.p50, p95: base.p95, runs, value: base.p50 });
  const costs = RULES.map((rule) => {
    const rules = { ...allOff };
    delete rules[rule.id];
    const { min } = series(runs, () => service.analyze(service.parse(largest.text), { kindSetting: 'identity', rules }));
    return { id: rule.id, ms: min - base.min };
  });
  for (const { id, ms } of costs.sort((a, b) => b.ms - a.ms)) add({ name: `  rule ${id}`, unit: 'ms', value: ms, note: 'fastest run minus fastest every-rule-off run' });
}

// ---- the built CLI -------------------------------------------------------------------------------

progress(`writing ${corpus.length} managed policies to a temporary folder`);
const folder = mkdtempSync(join(tmpdir(), 'iam-policy-bench-'));
try {
  for (const policy of corpus) writeFileSync(join(folder, `${policy.name}.json`), policy.text);
  progress('running the CLI on the corpus');
  start = performance.now();
  const cli = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'lint', '--kind', 'identity', '--format', 'json', folder], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wall = performance.now() - start;
  let note = `exit ${cli.status}`;
  try {
    const report = JSON.parse(cli.stdout) as { files: unknown[] };
    note += `, ${report.files.length} files linted`;
  } catch {
    note += `, unreadable output: ${cli.stderr.trim().slice(0, 200)}`;
  }
  add({ name: `CLI wall time, whole corpus (${corpus.length} files)`, unit: 'ms', value: wall, target: 5000, targetOf: 'value', note });
} finally {
  rmSync(folder, { recursive: true, force: true });
}

start = performance.now();
const versionRun = spawnSync(process.execPath, [join(root, 'dist/server.js'), '--version'], { encoding: 'utf8' });
add({ name: 'server process start + exit (--version)', unit: 'ms', value: performance.now() - start, note: versionRun.stdout.trim() });

// ---- the built server ----------------------------------------------------------------------------

/** A permission policy touching several services, so that their IAM data is loaded. */
const MULTI_SERVICE = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Data', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 'dynamodb:Query', 'dynamodb:PutItem'], Resource: ['arn:aws:s3:::app-data/*', 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders'] },
      { Sid: 'Queues', Effect: 'Allow', Action: ['sqs:SendMessage', 'sns:Publish', 'events:PutEvents'], Resource: '*' },
      { Sid: 'Keys', Effect: 'Allow', Action: ['kms:Decrypt', 'secretsmanager:GetSecretValue'], Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } },
      { Sid: 'Logs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'cloudwatch:PutMetricData', 'xray:PutTraceSegments'], Resource: '*' },
      { Sid: 'Deploy', Effect: 'Allow', Action: ['lambda:UpdateFunctionCode', 'ec2:DescribeInstances', 'ecr:GetAuthorizationToken', 'iam:PassRole'], Resource: '*' },
    ],
  },
  null,
  2,
);

const COLD_STARTS = 10;

/** Cold starts of the built server over stdio, then its memory once IAM data is loaded. */
async function serverFigures(): Promise<void> {
  progress(`server cold start to first diagnostics (${COLD_STARTS} runs)`);
  const coldStarts: number[] = [];
  let rss: { afterMulti?: number; afterLargest?: number; peak?: number } = {};
  for (let i = 0; i < COLD_STARTS; i++) {
    const last = i === COLD_STARTS - 1;
    const started = performance.now();
    const client = await LspClient.start({ capabilities: PULL_CAPABILITIES });
    try {
      client.open('file:///bench/app-policy.json', MULTI_SERVICE);
      await client.pull('file:///bench/app-policy.json');
      coldStarts.push(performance.now() - started);
      if (last) {
        // RSS of the last run: after diagnostics of a multi-service policy, then of the largest managed policy.
        const afterMulti = readRss(client.child.pid);
        client.open('file:///bench/largest.json', largest.text);
        await client.pull('file:///bench/largest.json', 30_000);
        rss = { afterMulti: afterMulti?.rss, afterLargest: readRss(client.child.pid)?.rss, peak: readRss(client.child.pid)?.peak };
      }
      await client.stop();
    } finally {
      client.kill();
    }
  }
  coldStarts.sort((a, b) => a - b);
  add({
    name: 'server cold start to first diagnostics (pull)',
    unit: 'ms',
    p50: percentile(coldStarts, 50),
    p95: percentile(coldStarts, 95),
    runs: COLD_STARTS,
    value: percentile(coldStarts, 95),
    target: 400,
    targetOf: 'p95',
    note: 'spawn, initialize, didOpen, textDocument/diagnostic',
  });
  const rssNote = platform() === 'linux' ? undefined : 'n/a: read from /proc on Linux only';
  add({ name: 'server RSS after a multi-service policy', unit: 'MB', value: rss.afterMulti, target: 150, targetOf: 'value', note: rssNote });
  add({ name: `server RSS after ${largest.name}`, unit: 'MB', value: rss.afterLargest, target: 150, targetOf: 'value', note: rssNote });
  add({ name: 'server peak RSS (VmHWM)', unit: 'MB', value: rss.peak, note: rssNote });
}

// ---- report --------------------------------------------------------------------------------------

/** Completion and hover through the built server, 1,000 requests each. */
async function editingFigures(): Promise<void> {
  progress('completion and hover over stdio (1,000 requests each)');
  for (const { name, times, note } of await overStdio(1000)) {
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    add({ name: `${name}, over stdio`, unit: 'ms', p50: percentile(times, 50), p95, runs: times.length, value: p95, target: 20, targetOf: 'p95', note });
  }
}

/** The trust graph of a generated 500-file workspace: model, layout, and the server's first view. */
async function trustGraphFigures(): Promise<void> {
  progress(`trust graph of ${GRAPH_FILES} files (${GRAPH_ROLES} roles, ${GRAPH_ACCOUNTS} accounts)`);
  const figures = await graphFigures();
  const size = `${figures.nodes} nodes, ${figures.edges} edges`;
  add({ name: `graph: read ${GRAPH_FILES} files' facts`, unit: 'ms', value: figures.facts, note: 'parse + analyse each file (the workspace scan does this once)' });
  add({ name: 'graph: model from the facts', unit: 'ms', value: figures.build, note: size });
  add({ name: 'graph: model, files included', unit: 'ms', value: figures.facts + figures.build, target: 1000, targetOf: 'value' });
  add({ name: 'graph: layout (elkjs)', unit: 'ms', value: figures.layout, target: 2000, targetOf: 'value', note: 'after look-alike grouping, as the panel draws it' });
  add({ name: 'graph: server start and workspace scan', unit: 'ms', value: figures.serverScan, note: 'at activation, in the background' });
  add({ name: 'graph: opening the panel (first view)', unit: 'ms', value: figures.serverView, target: 3000, targetOf: 'value', note: 'build + first layout (loads elkjs) + 1 MB over stdio' });
}

/** Terraform: the grammar's first load, edits in a large file, the CLI on 1,000 files, memory with 50 open files. */
async function terraformRows(): Promise<void> {
  progress('Terraform: grammar, edits in a 3,000-line file, CLI on 1,000 files, 50 open files');
  const tf = await terraformFigures(join(root, 'dist/cli.js'), readRss);
  add({ name: 'terraform: grammar load (first Terraform file)', unit: 'ms', value: tf.grammarLoad, target: 150, targetOf: 'value', note: 'web-tree-sitter runtime + Terraform grammar, WebAssembly' });
  const edit = (name: string, figures: typeof tf.editInProcess) =>
    add({ name, unit: 'ms', p50: figures.p50, p95: figures.p95, runs: figures.runs, value: figures.p95, target: 20, targetOf: 'p95', note: '3,000 lines, 40 policies: incremental parse + analysis' });
  edit('terraform: analysis after an edit, in process', tf.editInProcess);
  edit('terraform: didChange + diagnostics pull, over stdio', tf.editOverStdio);
  add({ name: 'terraform: CLI on 1,000 .tf files (100 modules)', unit: 'ms', value: tf.cli.wall, target: 3000, targetOf: 'value', note: `exit ${tf.cli.status}, ${tf.cli.files} files, ${tf.cli.policies} policies` });
  add({ name: 'terraform: server RSS with 50 open .tf files', unit: 'MB', value: tf.rssWith50, target: 150, targetOf: 'value', note: platform() === 'linux' ? '200 lines and 8 policies each' : 'n/a: read from /proc on Linux only' });
}

serverFigures().then(editingFigures).then(trustGraphFigures).then(terraformRows).then(
  () => process.stdout.write(flags.json ? `${JSON.stringify({ node: process.version, platform: platform(), cpus: availableParallelism(), figures }, roundNumbers, 2)}\n` : table()),
  (error: unknown) => {
    process.stderr.write(`bench: the server figures failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

function table(): string {
  const rows = figures.map((f) => [
    f.name,
    f.p50 !== undefined ? `p50 ${num(f.p50)} / p95 ${num(f.p95)} ${f.unit}` : f.value === undefined ? 'n/a' : `${num(f.value)} ${f.unit}`,
    f.target === undefined ? '' : `${f.targetOf === 'value' ? '' : `${f.targetOf} `}<= ${f.target} ${f.unit}`,
    f.pass === undefined ? '' : f.pass ? 'pass' : 'FAIL',
    f.note ?? (f.runs ? `${f.runs} runs` : ''),
  ]);
  const header = ['measure', 'result', 'target', '', 'note'];
  const widths = header.map((_, i) => Math.max(header[i].length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [`node ${process.version}, ${platform()}, ${availableParallelism()} CPUs`, line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''].join('\n');
}

/** JSON figures to the microsecond (or kilobyte): more digits are noise. */
function roundNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' ? Math.round(value * 1000) / 1000 : value;
}

function num(value: number | undefined): string {
  if (value === undefined) return 'n/a';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function kb(text: string): string {
  return (text.length / 1024).toFixed(1);
}

/** VmRSS and VmHWM of a process in MB, from /proc (Linux only). */
function readRss(pid: number | undefined): { rss: number; peak: number } | undefined {
  if (pid === undefined || platform() !== 'linux') return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kbOf = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kbOf('VmRSS') / 1024, peak: kbOf('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

function exampleTexts(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return exampleTexts(path);
    return name.endsWith('.json') ? [readFileSync(path, 'utf8')] : [];
  });
}
