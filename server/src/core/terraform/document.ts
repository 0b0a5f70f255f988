import type { ParsedDocument } from '../host/types';
import { joinFacts, readModuleFacts, worthReading, type ModuleFacts } from './module';
import { parseHcl, type KeptTree } from './parseHcl';
import type { Reread } from './hclSyntax';
import type { Block, HclNode, HclParser } from './syntax';
import { UnitBuilder, type BlockUnits } from './unitBuilder';
import { carriedOver, moveUnit } from './versions';

export interface TerraformParseOptions {
  parser: HclParser;
  /** The facts of the module's other files (the same folder): where they use this file's documents. */
  module?: readonly ModuleFacts[];
  /** The document's previous version, whose tree the parse starts from. */
  previous?: ParsedDocument;
  /**
   * Read what the file tells its module (names, uses, data documents) and no more: its other
   * policies are left out. For a first pass over a module's files, before each is read with the
   * facts of the others.
   */
  factsOnly?: boolean;
}

/** What a parsed Terraform document keeps beyond its units: its facts for the module, its tree for the next parse. */
interface TerraformState {
  facts: ModuleFacts;
  kept: KeptTree | undefined;
  hcl: ReadonlyMap<string, HclNode>;
  /** The module's facts as the units were read with them. */
  signature: string;
  /** What each block gave: the next version reuses it for the blocks an edit did not touch. */
  byBlock: Map<Block, BlockUnits>;
}

const states = new WeakMap<ParsedDocument, TerraformState>();

/** The facts a parsed Terraform document gives the other files of its module. */
export function moduleFactsOf(document: ParsedDocument): ModuleFacts | undefined {
  return states.get(document)?.facts;
}

/**
 * The policies of a Terraform file: `jsonencode({...})`, heredoc JSON and `aws_iam_policy_document`
 * blocks wherever they are, each with the kind of the argument that holds it or uses it (an
 * `assume_role_policy` is a trust policy), else the kind its content says. Never throws.
 */
export function parseTerraform(text: string, options: TerraformParseOptions): ParsedDocument {
  const previous = options.previous && states.get(options.previous);
  const kept = previous?.kept;
  if (previous) previous.kept = undefined;
  let hcl;
  try {
    hcl = parseHcl(text, options.parser, kept, worthReading);
  } catch {
    // A parser failure (out of memory in its WebAssembly heap) loses the policies of this version only.
    hcl = { file: { blocks: [], moved: new Map<Block, number>(), hasErrors: true }, kept: undefined };
  }
  const blocks = hcl.file.blocks;
  const own = readModuleFacts(blocks, text);
  const { fileKinds: _fileKinds, ...ownFacts } = own;
  const documents: ModuleFacts['documents'] = {};
  const facts = joinFacts([...(options.module ?? []), { ...ownFacts, documents }]);
  const reread = rereader(options.parser, options.module);
  // What the module says (documents aside, which merges read): a block of the previous version that the
  // edit did not touch gives the same policies as before, moved, when this is the same.
  const signature = JSON.stringify([facts.uses, facts.roles, facts.users, facts.groups, facts.attachments, facts.values]);
  const reusable = previous && previous.signature === signature ? previous.byBlock : undefined;
  const builder = new UnitBuilder(text, facts, reread, (block) => {
    const delta = hcl.file.moved.get(block);
    const before = reusable?.get(block);
    return before && delta !== undefined ? { ...before, units: before.units.map((u) => moveUnit(u, text, delta)) } : undefined;
  });
  if (!options.factsOnly) for (const block of blocks) builder.readBlock(block);
  else for (const block of blocks) if (block.type === 'data') builder.readBlock(block);
  builder.resolveDocuments(documents);
  const document: ParsedDocument = {
    text,
    dialect: 'terraform',
    units: [...builder.units, ...(hcl.file.hasErrors && options.previous ? carriedOver(options.previous, text, builder.units) : [])].sort((a, b) => a.span.offset - b.span.offset),
    fileKinds: own.fileKinds,
    dispose: () => {
      // The tree goes back to WebAssembly memory; the blocks stay for the next version to reuse.
      const kept = states.get(document)?.kept;
      kept?.tree?.delete();
      if (kept) kept.tree = undefined;
    },
  };
  states.set(document, { facts: { ...ownFacts, documents }, kept: hcl.kept, hcl: builder.hcl, signature, byBlock: builder.byBlock });
  return document;
}

/**
 * How a fix's draft reads its unit again from the text each step makes, in the same module. Made
 * apart from `parseTerraform`'s scope: units keep it, and must not keep the previous version alive.
 */
function rereader(parser: HclParser, module: readonly ModuleFacts[] | undefined): Reread {
  return (unit, edited) => {
    const again = parseTerraform(edited, { parser, ...(module ? { module } : {}) });
    again.dispose?.();
    const found = again.units.find((u) => u.id === unit.id);
    const hcl = found && hclOf(again, found.id);
    return found && hcl ? { unit: found, hcl } : undefined;
  };
}

/** The HCL a unit of a parsed Terraform document was read from. */
function hclOf(document: ParsedDocument, id: string): HclNode | undefined {
  return states.get(document)?.hcl.get(id);
}
