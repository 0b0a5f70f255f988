import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createPolicyService, dialectOf, moduleFactsOf, type ModuleFacts, type ParsedDocument, type PolicyKind, type PolicyService } from '../core';
import { loadHclParser } from '../shared/hclGrammar';
import { readText, type InputFile } from './files';

/** The service for a run: with the Terraform grammar when a file to read is Terraform (it is loaded only then). */
export async function serviceFor(files: readonly InputFile[]): Promise<PolicyService> {
  const hcl = files.some((f) => dialectOf(f.path) === 'terraform') ? await loadHclParser() : undefined;
  return createPolicyService(hcl ? { hcl } : {});
}

/** What a folder's Terraform files say: each file's facts for the others, and the kinds `file("...")` gives JSON files. */
interface FolderFacts {
  byFile: Map<string, ModuleFacts>;
  /** Each file as parsed for its facts, until it is linted: the second parse starts from it (no text changed). */
  parsed: Map<string, ParsedDocument>;
  /** Absolute path of a file named in `file()` / `templatefile()` -> the kind of the argument. */
  fileKinds: Map<string, PolicyKind>;
}

/**
 * The Terraform modules of a run: a module is a folder's `.tf` files, read once for what they tell
 * each other (where a data document is used, which roles they name). Files beside the ones named on
 * the command line count too: a role in main.tf gives the document in iam.tf its kind.
 */
export class TerraformModules {
  private readonly folders = new Map<string, FolderFacts>();
  /** The files of the run (absolute paths): only theirs first parse is kept for the second. */
  private readonly linted: ReadonlySet<string>;

  constructor(
    private readonly service: PolicyService,
    files: readonly InputFile[],
  ) {
    this.linted = new Set(files.map((f) => resolve(f.path)));
  }

  /** The facts of the other files of a `.tf` file's module. */
  private siblingsOf(path: string): ModuleFacts[] {
    const absolute = resolve(path);
    const folder = this.folder(dirname(absolute));
    return [...folder.byFile].filter(([file]) => file !== absolute).map(([, facts]) => facts);
  }

  /**
   * Parses a `.tf` file with the facts of its module. It was parsed once already for its own facts:
   * this parse starts from that one (tree and blocks kept), and both are released after.
   */
  parse(path: string, text: string): ParsedDocument {
    const absolute = resolve(path);
    const folder = this.folder(dirname(absolute));
    const first = folder.parsed.get(absolute);
    folder.parsed.delete(absolute);
    const parsed = this.service.parse(text, { dialect: 'terraform', module: this.siblingsOf(path), ...(first ? { previous: first } : {}) });
    first?.dispose?.();
    // The CLI never parses a file again from here: the tree's WebAssembly memory goes back now.
    parsed.dispose?.();
    return parsed;
  }

  /** The kind a module's `file("...")` gives a file (the modules of its folder and the three above). */
  kindOf(path: string): PolicyKind | undefined {
    const absolute = resolve(path);
    let folder = dirname(absolute);
    for (let up = 0; up < 4; up++) {
      const kind = this.folder(folder).fileKinds.get(absolute);
      if (kind) return kind;
      const parent = dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
    return undefined;
  }

  private folder(path: string): FolderFacts {
    let facts = this.folders.get(path);
    if (!facts) {
      facts = this.read(path);
      this.folders.set(path, facts);
    }
    return facts;
  }

  private read(folder: string): FolderFacts {
    const facts: FolderFacts = { byFile: new Map(), parsed: new Map(), fileKinds: new Map() };
    let names: string[];
    try {
      names = readdirSync(folder).filter((n) => dialectOf(n) === 'terraform').sort();
    } catch {
      return facts;
    }
    for (const name of names) {
      const path = join(folder, name);
      let text: string;
      try {
        text = readText(path);
      } catch {
        continue; // an unreadable sibling only loses what it would have told the others
      }
      const parsed = this.service.parse(text, { dialect: 'terraform', factsOnly: true });
      if (this.linted.has(path)) facts.parsed.set(path, parsed);
      else parsed.dispose?.();
      const own = moduleFactsOf(parsed);
      if (own) facts.byFile.set(path, own);
      for (const { path: named, kind } of parsed.fileKinds ?? []) facts.fileKinds.set(resolve(folder, named), kind);
    }
    return facts;
  }
}
