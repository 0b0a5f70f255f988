import { changedRange } from '../textDiff';
import { blockStarts, closeOpenStrings } from './repair';
import { copyTree, readBlock, type Block, type HclNode, type HclParser, type SitterNode, type SitterTree } from './syntax';

/** A file's top-level blocks; those that may hold or name policies are copied whole (see `worthReading`). */
export interface HclFile {
  blocks: Block[];
  /** Blocks of the previous version an edit did not touch, and how far the edit moved each. */
  moved: Map<Block, number>;
  /** Whether the parser met an error anywhere in the file (policies it lost are then kept from the last version). */
  hasErrors: boolean;
}

/** What an incremental parse keeps of the previous one: its tree, the text the tree was made from, and its blocks by text. */
export interface KeptTree {
  /** Undefined once released: the next parse is then a full one (its blocks are still reused). */
  tree: SitterTree | undefined;
  text: string;
  /** The blocks read last time, by their text: a block an edit did not touch is not copied out of WebAssembly again. */
  blocks: Map<string, Block[]>;
}

/**
 * Parses a Terraform file. With the previous version's tree, only what changed is parsed again
 * (tree-sitter's incremental parsing: a 3,000-line file in about a millisecond instead of fifteen).
 * A string left open while typing (`actions = ["s3:Get`) would make the rest of the file one error:
 * each such line gets its closing quote for the parser, so the rest of the file still reads; offsets
 * are mapped back to the text as it is. Where an error still swallows blocks after it (a quote too
 * many, a brace not typed yet), each block is read on its own.
 */
export function parseHcl(text: string, parser: HclParser, previous: KeptTree | undefined, worthReading: (block: Block, source: string) => boolean): { file: HclFile; kept: KeptTree | undefined } {
  const whole = repaired(text, parser, reparse(text, parser, previous));
  if (!whole) return { file: { blocks: [], moved: new Map(), hasErrors: true }, kept: undefined };
  const { tree, source, insertions } = whole;
  if (tree.rootNode.hasError) {
    const apart = parseApart(text, parser, worthReading);
    if (apart && (apart.errors < whole.errors || (apart.errors === whole.errors && apart.file.blocks.length > blockNodes(tree.rootNode).length))) {
      tree.delete();
      return { file: apart.file, kept: undefined };
    }
  }
  const map = insertions.length === 0 ? undefined : (offset: number) => offset - countBelow(insertions, offset);
  const blocks: Block[] = [];
  const movedBlocks = new Map<Block, number>();
  const byText = new Map<string, Block[]>();
  for (const child of blockNodes(tree.rootNode)) {
    const start = child.startIndex;
    const blockText = source.slice(start, child.endIndex);
    // Repaired text has offsets of its own: its blocks are read afresh.
    const reused = map ? undefined : previous?.blocks.get(blockText)?.pop();
    if (reused) movedBlocks.set(reused, start - reused.node.start);
    const block = reused ? moved(reused, start - reused.node.start) : read(child, source, text, map, worthReading, tree.rootNode.hasError);
    blocks.push(block);
    if (!map) {
      const same = byText.get(blockText);
      if (same) same.push(block);
      else byText.set(blockText, [block]);
    }
  }
  return { file: { blocks, moved: movedBlocks, hasErrors: tree.rootNode.hasError }, kept: { tree, text: source, blocks: byText } };
}

interface Parsed {
  tree: SitterTree;
  /** The text the tree was made from: the file's, or with closing quotes added at `insertions`. */
  source: string;
  insertions: number[];
  /** See `errorWeight`. */
  errors: number;
}

/** The tree of a text, or of the text with its open strings closed: whichever reads the most of it. */
function repaired(text: string, parser: HclParser, first: SitterTree | null): Parsed | undefined {
  if (!first) return undefined;
  let best: Parsed = { tree: first, source: text, insertions: [], errors: errorWeight(first.rootNode) };
  // The quotes alone, or with the brackets of their lines too.
  for (const brackets of [false, true]) {
    if (best.errors === 0) break;
    const fixed = closeOpenStrings(text, brackets);
    if (fixed.insertions.length === 0 || fixed.text === best.source) continue;
    const second = parser.parse(fixed.text);
    const errors = second ? errorWeight(second.rootNode) : Infinity;
    if (second && errors < best.errors) {
      best.tree.delete();
      best = { tree: second, source: fixed.text, insertions: fixed.insertions, errors };
    } else {
      second?.delete();
    }
  }
  return best;
}

/**
 * The file read block by block (see `blockStarts`): what each block holds, whatever the errors of
 * the others. Undefined when the file has fewer than two blocks to read apart.
 */
function parseApart(text: string, parser: HclParser, worthReading: (block: Block, source: string) => boolean): { file: HclFile; errors: number } | undefined {
  const starts = blockStarts(text);
  if (starts.length < 2) return undefined;
  const blocks: Block[] = [];
  let errors = 0;
  let hasErrors = false;
  // What comes before the first block (comments, or an attribute typed at the top) is a piece too.
  const bounds = starts[0] > 0 ? [0, ...starts] : starts;
  for (let i = 0; i < bounds.length; i++) {
    const start = bounds[i];
    const pieceText = text.slice(start, bounds[i + 1] ?? text.length);
    const piece = repaired(pieceText, parser, parser.parse(pieceText));
    if (!piece) continue;
    const { tree, source, insertions } = piece;
    errors += piece.errors;
    hasErrors ||= tree.rootNode.hasError;
    const map = (offset: number) => start + offset - countBelow(insertions, offset);
    for (const child of blockNodes(tree.rootNode)) blocks.push(read(child, source, text, map, worthReading, tree.rootNode.hasError));
    tree.delete();
  }
  return { file: { blocks, moved: new Map(), hasErrors }, errors };
}

/** A block read from the tree: its header only, or all of it when it is worth reading. */
function read(child: SitterNode, source: string, text: string, map: ((offset: number) => number) | undefined, worthReading: (block: Block, source: string) => boolean, withErrors: boolean): Block {
  const header = shallowBlock(child, source);
  if (!worthReading(header, source)) return mapBlock(header, map, text);
  const copied = copyTree(child, withErrors);
  if (map) mapOffsets(copied, map);
  return readBlock(copied, text);
}

/** A block of the previous version, moved to where the edit put it (its nodes are not read again before this). */
function moved(block: Block, delta: number): Block {
  if (delta !== 0) mapOffsets(block.node, (offset) => offset + delta);
  return block;
}

/**
 * The blocks of the file's body (comments before the body are children of the root too). A cursor
 * walks the children: tree-sitter's `child(i)` starts from the first child each time, so an index
 * loop over a file of many blocks, or an error node of thousands of children, would be quadratic.
 */
function blockNodes(root: SitterNode): SitterNode[] {
  const found: SitterNode[] = [];
  const cursor = root.walk();
  try {
    if (!cursor.gotoFirstChild()) return found;
    const type = () => cursor.nodeType;
    do {
      if (type() !== 'body') continue;
      if (cursor.gotoFirstChild()) {
        do if (type() === 'block') found.push(cursor.currentNode);
        while (cursor.gotoNextSibling());
      }
      break;
    } while (cursor.gotoNextSibling());
  } finally {
    cursor.delete();
  }
  return found;
}

/** The new tree: from the previous one when there is one (edited by the change between the texts). */
function reparse(text: string, parser: HclParser, previous: KeptTree | undefined): SitterTree | null {
  if (!previous?.tree) return parser.parse(text);
  const old = previous.text;
  const { start, oldEnd, newEnd } = changedRange(old, text);
  previous.tree.edit({
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointAt(old, start),
    oldEndPosition: pointAt(old, oldEnd),
    newEndPosition: pointAt(text, newEnd),
  });
  const tree = parser.parse(text, previous.tree);
  previous.tree.delete();
  previous.tree = undefined;
  return tree;
}

/** A row and a column in UTF-16 code units (web-tree-sitter converts them to its bytes). */
function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

/**
 * How much of the text a tree could not read: the length of its error regions (each counted once,
 * not those inside it), plus one for each region and each token the parser had to invent. A tree
 * whose root is one error has read nothing. A walk, not recursion: trees may be deep.
 */
function errorWeight(root: SitterNode): number {
  if (!root.hasError) return 0;
  let weight = 0;
  const cursor = root.walk();
  try {
    for (;;) {
      const error = cursor.nodeType === 'ERROR' || cursor.nodeIsMissing;
      if (error) weight += 1 + cursor.endIndex - cursor.startIndex;
      // An error's inside is one error; a subtree without any is skipped.
      if (!error && cursor.currentNode.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return weight;
    }
  } finally {
    cursor.delete();
  }
}

/** How many of the sorted offsets are below `offset` (binary search: a hostile file may have thousands). */
function countBelow(sorted: readonly number[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A block's header only: its type and labels (the rest of the file never reads its body). */
function shallowBlock(node: SitterNode, text: string): Block {
  const children: HclNode[] = [];
  const block: HclNode = { type: 'block', start: node.startIndex, end: node.endIndex, children, parent: undefined };
  for (let i = 0; i < node.childCount && i < 4; i++) {
    const child = node.child(i);
    if (!child || (child.type !== 'identifier' && child.type !== 'string_lit')) break;
    children.push({ type: child.type, start: child.startIndex, end: child.endIndex, children: [], parent: block });
  }
  return readBlock(block, text);
}

function mapBlock(block: Block, map: ((offset: number) => number) | undefined, text: string): Block {
  if (!map) return block;
  mapOffsets(block.node, map);
  return readBlock(block.node, text);
}

function mapOffsets(root: HclNode, map: (offset: number) => number): void {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop() as HclNode;
    node.start = map(node.start);
    node.end = map(node.end);
    for (const child of node.children) stack.push(child);
  }
}
