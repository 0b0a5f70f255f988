// Prints speed and memory figures of the analysis core and of the built server's start-up.
// Targets (not asserted by tests, which must not be timing-dependent): a typical policy analysed in
// well under 5 ms (as-you-type), a 5 MB policy in under 2 s, the server answering in under 300 ms.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPolicyService } from '../server/src/core';

const service = createPolicyService();
const root = join(import.meta.dirname, '..');

function time(label: string, runs: number, work: () => void): void {
  work(); // warm-up: the first run pays for JIT compilation
  const start = performance.now();
  for (let i = 0; i < runs; i++) work();
  const each = (performance.now() - start) / runs;
  process.stdout.write(`${label.padEnd(48)} ${each.toFixed(3).padStart(10)} ms/run  (${runs} runs)\n`);
}

function lint(text: string): number {
  return service.analyze(service.parse(text)).findings.length;
}

function exampleTexts(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return exampleTexts(path);
    return name.endsWith('.json') ? [readFileSync(path, 'utf8')] : [];
  });
}

const examples = exampleTexts(join(root, 'examples'));
const statement = (i: number) => ({ Sid: `S${i}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:aws:s3:::bucket-${i}/${'x'.repeat(40)}/*` });
const sized = (count: number) => JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: count }, (_, i) => statement(i)) }, null, 2);
const medium = sized(60); // about a managed policy's quota
const huge = sized(30_000); // about 5 MB

time(`all ${examples.length} example files`, 200, () => examples.forEach(lint));
time(`one ${(medium.length / 1024).toFixed(0)} KB policy`, 200, () => lint(medium));
time(`one ${(huge.length / 1024 / 1024).toFixed(1)} MB policy`, 3, () => lint(huge));
time('10,000-level nesting (refused before parsing)', 50, () => lint('{"Statement":' + '['.repeat(10_000)));

// Run with --expose-gc (npm run bench does) so the heap figure is not blurred by pending garbage.
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
gc();
const heapBefore = process.memoryUsage().heapUsed;
const parsedHuge = service.parse(huge);
gc();
const heapAfter = process.memoryUsage().heapUsed;
process.stdout.write(`${'heap for the parsed 5 MB tree'.padEnd(48)} ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1).padStart(10)} MB\n`);
void parsedHuge;

const start = performance.now();
const result = spawnSync(process.execPath, [join(root, 'dist', 'server.js'), '--version'], { encoding: 'utf8' });
process.stdout.write(`${'server process start + exit (--version)'.padEnd(48)} ${(performance.now() - start).toFixed(1).padStart(10)} ms (${result.stdout.trim()})\n`);
const cli = performance.now();
spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'lint', '--format', 'json', join(root, 'examples')], { encoding: 'utf8' });
process.stdout.write(`${'CLI lint examples/ (process included)'.padEnd(48)} ${(performance.now() - cli).toFixed(1).padStart(10)} ms\n`);
