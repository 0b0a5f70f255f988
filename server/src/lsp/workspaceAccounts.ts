import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PolicyService } from '../core';

/** Bounds of the scan: a monorepo must not keep the server busy or hold much memory. */
const MAX_FILES = 5_000;
const MAX_DIRECTORIES = 5_000;
/** IAM policies are at most a few tens of KB; bigger JSON is data, not a policy worth reading. */
const MAX_FILE_BYTES = 256 * 1024;
/** Folders that hold dependencies, build output or tools, never the user's policies. */
const SKIPPED = new Set(['node_modules', 'dist', 'out', 'build', 'target', 'vendor', 'cdk.out', 'coverage']);

/**
 * The account ids named in the workspace's policy files, so that completion offers them in every
 * file. One bounded scan in the background at start-up; files the client reports as changed are read
 * again. Policies only (what `classify` accepts), so ids in other JSON never show up.
 */
export class WorkspaceAccounts {
  private readonly byFile = new Map<string, string[]>();
  private scanning: Promise<void> | undefined;
  /** `all()` as last computed; every completion asks, files change rarely. */
  private sorted: string[] | undefined;

  constructor(
    private readonly service: PolicyService,
    private readonly folders: readonly string[],
  ) {}

  /** Folder paths from the initialize request's workspace folders or root URI (file: only). */
  static foldersFrom(params: { workspaceFolders?: { uri: string }[] | null; rootUri?: string | null }): string[] {
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return uris.flatMap((uri) => {
      try {
        return uri.startsWith('file:') ? [fileURLToPath(uri)] : [];
      } catch {
        return [];
      }
    });
  }

  start(): Promise<void> {
    this.scanning ??= this.scan().catch(() => undefined);
    return this.scanning;
  }

  /** Every account found so far, in a stable order; never waits for the scan. */
  all(): string[] {
    if (!this.sorted) {
      const ids = new Set<string>();
      for (const accounts of this.byFile.values()) for (const id of accounts) ids.add(id);
      this.sorted = [...ids].sort();
    }
    return this.sorted;
  }

  private forget(path: string): void {
    if (this.byFile.delete(path)) this.sorted = undefined;
  }

  /** A file changed, was created or was deleted (workspace/didChangeWatchedFiles). */
  async update(uri: string, deleted: boolean): Promise<void> {
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return;
    }
    if (deleted) {
      // A deleted folder is one event: forget every file below it.
      for (const file of [...this.byFile.keys()]) if (file === path || file.startsWith(`${path}${sep}`)) this.forget(file);
    } else if (this.isScanned(path)) {
      await this.read(path);
    }
  }

  /** Whether the scan would read the file: inside a folder, not in a hidden or skipped folder. */
  private isScanned(path: string): boolean {
    return this.folders.some((folder) => {
      const parts = relative(folder, path).split(sep);
      if (parts[0] === '..' || parts[0] === '') return false;
      return /\.jsonc?$/i.test(path) && parts.every((part, i) => !part.startsWith('.') && (i === parts.length - 1 || !SKIPPED.has(part)));
    });
  }

  private async scan(): Promise<void> {
    const queue = [...this.folders];
    let directories = 0;
    let files = 0;
    while (queue.length > 0 && directories < MAX_DIRECTORIES && files < MAX_FILES) {
      const directory = queue.shift() as string;
      directories++;
      const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (entry.name.startsWith('.')) continue;
        const path = join(directory, entry.name);
        if (entry.isDirectory() && !SKIPPED.has(entry.name)) queue.push(path);
        else if (entry.isFile() && /\.jsonc?$/i.test(entry.name) && files++ < MAX_FILES) {
          await this.read(path);
          // Let requests in between files: the scan runs in the server's one thread.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    }
  }

  private async read(path: string): Promise<void> {
    try {
      if ((await stat(path)).size > MAX_FILE_BYTES) return;
      const text = await readFile(path, 'utf8');
      // Most JSON files name no account: skip parsing them.
      if (!/\d{12}/.test(text)) {
        this.forget(path);
        return;
      }
      const accounts = this.service.accounts(this.service.parse(text, { allowComments: true }), { fileName: path });
      if (accounts.length > 0) {
        this.byFile.set(path, accounts);
        this.sorted = undefined;
      } else {
        this.forget(path);
      }
    } catch {
      this.forget(path);
    }
  }
}
