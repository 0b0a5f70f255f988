import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { minimatch } from 'minimatch';
import { dialectOf, kindSettingForFile, moduleFactsOf, type graph, type KindSetting, type ModuleFacts, type PolicyKind, type PolicyService } from '../core';

/** Bounds of the scan: a monorepo must not keep the server busy or hold much memory. */
const MAX_FILES = 5_000;
const MAX_DIRECTORIES = 5_000;
/** IAM policies are at most a few tens of KB; bigger JSON is data, not a policy worth reading (a 3,000-line .tf is about 100 KB). */
const MAX_FILE_BYTES = 256 * 1024;
/** The files the index reads: JSON policy files and Terraform files. */
const INDEXED = /\.(jsonc?|tf)$/i;
/** Folders that hold dependencies, build output or tools, never the user's policies. */
const SKIPPED = new Set(['node_modules', 'dist', 'out', 'build', 'target', 'vendor', 'cdk.out', 'coverage']);

/** What the index needs of a workspace folder's settings: `iamPolicy.files` and VS Code's `files.exclude`. */
export interface FolderSettings {
  /** Glob -> kind; `ignore` leaves a file out. */
  files: Readonly<Record<string, KindSetting>>;
  /** Globs (relative to the folder) VS Code hides; a file under one is not read. */
  exclude: readonly string[];
}

/** One policy file of the workspace: what completion and the trust graph need of it. */
export interface IndexedFile {
  uri: string;
  /** The path below its workspace folder, for role names and accounts. */
  relativePath: string;
  accounts: string[];
  /** One per policy of the file. */
  facts: graph.FileFacts[];
  /** A Terraform file's facts for the other files of its module (its folder). */
  module?: ModuleFacts;
  /** Files a Terraform file's `file("...")` gives a kind (absolute paths). */
  fileKinds?: { path: string; kind: PolicyKind }[];
}

/**
 * The policy files of the workspace folders, read in the background: the account ids completion
 * offers in every file, and each file's trust-graph facts. One bounded scan at start-up; files the
 * client reports as changed are read again. Policies only (what `classify` accepts).
 */
export class WorkspaceIndex {
  private readonly byPath = new Map<string, IndexedFile>();
  private scanning: Promise<void> | undefined;
  /** `accounts()` as last computed; every completion asks, files change rarely. */
  private sorted: string[] | undefined;
  private readonly folderSettings = new Map<string, Promise<FolderSettings>>();
  private truncatedScan = false;
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly service: PolicyService,
    private readonly folders: readonly string[],
    private readonly settingsFor: (folderUri: string) => Promise<FolderSettings> = () => Promise.resolve({ files: {}, exclude: [] }),
    /** Makes the service ready for Terraform files (loads the grammar) before the first is read. */
    private readonly prepareTerraform: () => Promise<void> = () => Promise.resolve(),
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
    this.scanning ??= this.scan()
      .catch(() => undefined)
      .then(() => this.changed());
    return this.scanning;
  }

  /** Runs after the scan and after each change that altered a file's entry. */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Whether the scan stopped at its bound (MAX_FILES or MAX_DIRECTORIES). */
  get truncated(): boolean {
    return this.truncatedScan;
  }

  /** Every account found so far, in a stable order; never waits for the scan. */
  accounts(): string[] {
    if (!this.sorted) {
      const ids = new Set<string>();
      for (const file of this.byPath.values()) for (const id of file.accounts) ids.add(id);
      this.sorted = [...ids].sort();
    }
    return this.sorted;
  }

  /** Every policy file read so far. */
  files(): IndexedFile[] {
    return [...this.byPath.values()];
  }

  /** The path below its workspace folder (what `iamPolicy.graph.roles` globs match), or undefined outside every folder. */
  relativePath(path: string): string | undefined {
    const folder = this.folderOf(path);
    return folder ? relative(folder, path).split(sep).join('/') : undefined;
  }

  /**
   * The kind setting of a file: from its folder's `iamPolicy.files`, else the kind a Terraform file
   * of the workspace gives it (`assume_role_policy = file("trust.json")`).
   */
  async kindSetting(path: string): Promise<KindSetting | undefined> {
    const folder = this.folderOf(path);
    return (folder ? kindSettingForFile(path, (await this.settingsOf(folder)).files) : undefined) ?? this.kindFromTerraform(path);
  }

  /** The kind a Terraform file of the workspace gives a file it reads with `file("...")`. */
  kindFromTerraform(path: string): PolicyKind | undefined {
    for (const file of this.byPath.values()) {
      const found = file.fileKinds?.find((k) => k.path === path);
      if (found) return found.kind;
    }
    return undefined;
  }

  /**
   * Settings changed: when a folder's file kinds or exclusions did, read every file again. Entries
   * stay until the new scan replaces them, so completion never sees an empty list meanwhile.
   */
  async reread(): Promise<void> {
    const before = await Promise.all(this.folders.map((f) => this.settingsOf(f)));
    this.folderSettings.clear();
    const after = await Promise.all(this.folders.map((f) => this.settingsOf(f)));
    if (!this.scanning || JSON.stringify(before) === JSON.stringify(after)) return;
    await this.scanning;
    this.scanning = this.scan()
      .catch(() => undefined)
      .then(() => this.changed());
    await this.scanning;
  }

  /** A file changed, was created or was deleted (workspace/didChangeWatchedFiles). */
  async update(uri: string, deleted: boolean): Promise<void> {
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return;
    }
    let altered = false;
    if (deleted) {
      // A deleted folder is one event: forget every file below it.
      for (const file of [...this.byPath.keys()]) if (file === path || file.startsWith(`${path}${sep}`)) altered = this.forget(file) || altered;
    } else if (await this.isScanned(path)) {
      altered = await this.read(path);
    }
    // The other Terraform files of the folder may read differently now (a document's kind comes from its use),
    // and so may the files it reads with `file("...")`.
    if (dialectOf(path) === 'terraform') {
      for (const sibling of this.terraformSiblings(path)) altered = (await this.read(sibling)) || altered;
      for (const named of this.namedByTerraform()) if (await this.isScanned(named)) altered = (await this.read(named)) || altered;
    }
    if (altered) this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private forget(path: string): boolean {
    if (!this.byPath.delete(path)) return false;
    this.sorted = undefined;
    return true;
  }

  private folderOf(path: string): string | undefined {
    return this.folders.find((folder) => {
      const below = relative(folder, path);
      // Absolute: another drive on Windows, never inside.
      return below !== '' && below.split(sep)[0] !== '..' && !isAbsolute(below);
    });
  }

  private settingsOf(folder: string): Promise<FolderSettings> {
    let settings = this.folderSettings.get(folder);
    if (!settings) {
      settings = this.settingsFor(pathToFileURL(folder).href).catch(() => ({ files: {}, exclude: [] }));
      this.folderSettings.set(folder, settings);
    }
    return settings;
  }

  /** Whether the scan would read the file: inside a folder, not hidden, skipped or excluded. */
  private async isScanned(path: string): Promise<boolean> {
    const folder = this.folderOf(path);
    if (!folder || !INDEXED.test(path)) return false;
    const parts = relative(folder, path).split(sep);
    if (!parts.every((part, i) => !part.startsWith('.') && (i === parts.length - 1 || !SKIPPED.has(part)))) return false;
    return !isExcluded(parts.join('/'), (await this.settingsOf(folder)).exclude);
  }

  private async scan(): Promise<void> {
    let directories = 0;
    let files = 0;
    const seen = new Set<string>();
    this.truncatedScan = false;
    for (const folder of this.folders) {
      const { exclude } = await this.settingsOf(folder);
      const queue = [folder];
      while (queue.length > 0) {
        if (directories >= MAX_DIRECTORIES || files >= MAX_FILES) {
          this.truncatedScan = true;
          return;
        }
        const directory = queue.shift() as string;
        directories++;
        const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
          if (entry.name.startsWith('.')) continue;
          const path = join(directory, entry.name);
          if (isExcluded(relative(folder, path).split(sep).join('/'), exclude)) continue;
          if (entry.isDirectory() && !SKIPPED.has(entry.name)) queue.push(path);
          else if (entry.isFile() && INDEXED.test(entry.name) && files++ < MAX_FILES) {
            seen.add(path);
            await this.read(path);
            // Let requests in between files: the scan runs in the server's one thread.
            await new Promise((resolve) => setImmediate(resolve));
          }
        }
      }
    }
    // A complete scan knows every file: entries it did not meet are now excluded or gone.
    for (const path of [...this.byPath.keys()]) if (!seen.has(path)) this.forget(path);
    // A Terraform file read before the others of its folder did not know how they use its documents.
    for (const path of [...this.byPath.keys()]) if (dialectOf(path) === 'terraform' && this.terraformSiblings(path).length > 0) await this.read(path);
    // A JSON file read before the Terraform file that names it in `file("...")` did not know its kind.
    for (const named of this.namedByTerraform()) if (seen.has(named)) await this.read(named);
  }

  /** The files Terraform files of the workspace read with `file("...")`. */
  private namedByTerraform(): string[] {
    return [...this.byPath.values()].flatMap((f) => f.fileKinds?.map((k) => k.path) ?? []);
  }

  /** The other indexed Terraform files of a file's folder (its module). */
  private terraformSiblings(path: string): string[] {
    const folder = dirname(path);
    return [...this.byPath.keys()].filter((other) => other !== path && dialectOf(other) === 'terraform' && dirname(other) === folder);
  }

  /** Reads one file; returns whether its entry changed (was added, replaced or removed). */
  private async read(path: string): Promise<boolean> {
    try {
      if ((await stat(path)).size > MAX_FILE_BYTES) return this.forget(path);
      const text = await readFile(path, 'utf8');
      const kindSetting = await this.kindSetting(path);
      const terraform = dialectOf(path) === 'terraform';
      if (terraform) await this.prepareTerraform();
      const siblings = terraform ? this.terraformSiblings(path).flatMap((p) => this.byPath.get(p)?.module ?? []) : [];
      const parsed = terraform ? this.service.parse(text, { dialect: 'terraform', module: siblings }) : this.service.parse(text, { allowComments: true });
      // The index never parses a file again from this version: the tree's memory goes back now.
      parsed.dispose?.();
      const options = { fileName: path, kindSetting };
      const facts = this.service.graphFacts(parsed, options);
      const module = moduleFactsOf(parsed);
      // A Terraform file without policies still tells its module which roles and documents it names.
      if (facts.length === 0 && !module) return this.forget(path);
      const before = this.byPath.get(path);
      const fileKinds = parsed.fileKinds?.map((k) => ({ path: resolve(dirname(path), k.path), kind: k.kind }));
      const entry: IndexedFile = {
        uri: pathToFileURL(path).href,
        relativePath: this.relativePath(path) ?? path,
        accounts: this.service.accounts(parsed, options),
        facts,
        ...(module ? { module } : {}),
        ...(fileKinds?.length ? { fileKinds } : {}),
      };
      this.byPath.set(path, entry);
      this.sorted = undefined;
      return !before || JSON.stringify(before.facts) !== JSON.stringify(entry.facts) || JSON.stringify(before.module) !== JSON.stringify(entry.module);
    } catch {
      return this.forget(path);
    }
  }
}

/** VS Code's `files.exclude` globs: a path matches when it or one of its folders does. */
function isExcluded(relativePath: string, globs: readonly string[]): boolean {
  return globs.some((glob) => minimatch(relativePath, glob, { dot: true }) || minimatch(relativePath, `${glob.replace(/\/$/, '')}/**`, { dot: true }));
}
