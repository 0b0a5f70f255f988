import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A file to lint, as the user named it (or as found under a folder they named). */
export interface InputFile {
  path: string;
  text: string;
  /** Named on the command line (not found by walking a folder). */
  explicit: boolean;
}

/** An I/O problem: printed on one line, exit code 2. */
export class InputError extends Error {}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** Reads the named files and every *.json below the named folders, in a stable order. */
export function collectFiles(paths: readonly string[]): InputFile[] {
  const files: InputFile[] = [];
  for (const path of paths) {
    const stats = statOrFail(path);
    if (stats.isDirectory()) {
      for (const found of walk(path)) files.push({ path: found, text: readText(found), explicit: false });
    } else {
      files.push({ path, text: readText(path), explicit: true });
    }
  }
  return files;
}

function walk(folder: string): string[] {
  const found: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      throw new InputError(`cannot read folder "${current}": ${reason(error)}`);
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
      } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) {
        found.push(path);
      }
    }
  }
  return found.sort();
}

function statOrFail(path: string) {
  try {
    return statSync(path);
  } catch (error) {
    throw new InputError(`cannot read "${path}": ${reason(error)}`);
  }
}

/**
 * Reads UTF-8 text. Invalid bytes become U+FFFD (reported by the invalid-character rule at their place)
 * instead of failing the whole run; a byte order mark is dropped as editors do.
 */
function readText(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputError(`cannot read "${path}": ${reason(error)}`);
  }
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
