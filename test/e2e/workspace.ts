import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './setup';

/**
 * A throwaway copy of examples/: tests change settings and edit files, and must never change the
 * repository's examples or depend on what an earlier run left behind.
 */
export function copyExamples(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'iam-e2e-workspace-'));
  cpSync(join(REPO_ROOT, 'examples'), path, { recursive: true });
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
