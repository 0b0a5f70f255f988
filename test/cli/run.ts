import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const REPO = join(import.meta.dirname, '..', '..');
export const CLI = join(REPO, 'dist', 'cli.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the built CLI and waits for it (killed after `timeoutMs`, which fails the status checks). */
export function runCli(args: readonly string[], options: { cwd?: string; timeoutMs?: number; uid?: number } = {}): CliResult {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 20_000,
    maxBuffer: 64 * 1024 * 1024,
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started };
}

/** `--format json` output. */
export interface JsonReport {
  version: number;
  files: {
    path: string;
    /** null for a Terraform file: each of its `policies` has a kind. */
    kind: string | null;
    dialect?: string;
    policies?: { id: string; kind: string; range: Range }[];
    findings: { rule: string; severity: string; message: string; range: Range; policy?: string }[];
  }[];
}

export interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Parses stdout as exactly one JSON document (JSON.parse rejects anything after it). */
export function parseJsonReport(result: CliResult): JsonReport {
  return JSON.parse(result.stdout) as JsonReport;
}

/** A finding as `[rule, startLine, startCharacter, endLine, endCharacter]`, 0-based. */
export type Spot = [string, number, number, number, number];

export function spots(findings: JsonReport['files'][number]['findings']): Spot[] {
  return findings.map((f) => [f.rule, f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character]);
}

/** A usage or I/O error: exit 2, nothing on stdout, one `iam-policy: ...` line on stderr. */
export function assertUsageError(result: CliResult, message: RegExp): void {
  assert.equal(result.status, 2, result.stderr);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^iam-policy: [^\n]+\n$/);
  assert.match(result.stderr, message);
}

/** A temporary folder with files written into it; `remove()` it in `after`. */
export class TempDir {
  readonly root = mkdtempSync(join(tmpdir(), 'iam-policy-cli-'));

  write(relativePath: string, content: string | Buffer): string {
    const path = join(this.root, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    return path;
  }

  path(relativePath: string): string {
    return join(this.root, relativePath);
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
