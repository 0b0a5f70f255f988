import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A file to lint, as the user named it (or as found under a folder they named). Read it with `readText`. */
export interface InputFile {
  path: string;
  /** Named on the command line (not found by walking a folder). */
  explicit: boolean;
}

/** An I/O problem: printed on one line, exit code 2. */
export class InputError extends Error {}

/** Dependencies, history and Terraform's own downloads (`.terraform/` holds copies of every module used). */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.terraform']);
/** The CLI config file (config.ts): one name keeps `find -name` and code review simple. JSON with comments. */
export const CONFIG_FILE_NAME = '.iampolicyrc.json';

/** Our own config file is JSON but never a policy: do not list it as a skipped file. */
const SKIPPED_FILES = new Set([CONFIG_FILE_NAME]);

/**
 * The named files and every *.json and *.tf below the named folders, in a stable order. Files are read later,
 * so that files a config ignores are never read.
 */
export function collectFiles(paths: readonly string[]): InputFile[] {
  const files: InputFile[] = [];
  const seen = new Set<string>(); // a file named twice, or inside a named folder too, is linted once
  const add = (path: string, explicit: boolean) => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ path, explicit });
  };
  for (const path of paths) {
    if (statOrFail(path).isDirectory()) {
      for (const found of walk(path)) add(found, false);
    } else {
      add(path, true);
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
      } else if (/\.(json|tf)$/i.test(entry.name) && !SKIPPED_FILES.has(entry.name) && (entry.isFile() || isLinkToFile(path))) {
        found.push(path);
      }
    }
  }
  return found.sort();
}

/** Symbolic links to files are followed; links to folders are not (they could loop). */
function isLinkToFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false; // a dangling link is not a file to lint
  }
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
export function readText(path: string): string {
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
