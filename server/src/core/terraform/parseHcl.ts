import { changedRange } from '../textDiff';
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
 * are mapped back to the text as it is.
 */
export function parseHcl(text: string, parser: HclParser, previous: KeptTree | undefined, worthReading: (block: Block, source: string) => boolean): { file: HclFile; kept: KeptTree | undefined } {
  let tree = reparse(text, parser, previous);
  let source = text;
  let insertions: number[] = [];
  // The quotes alone, or with the brackets of their lines too: whichever leaves the fewest errors.
  for (const brackets of [false, true]) {
    if (!tree?.rootNode.hasError) break;
    const repaired = closeOpenStrings(text, brackets);
    if (repaired.insertions.length === 0 || repaired.text === source) continue;
    const second = parser.parse(repaired.text);
    if (second && errorCount(second.rootNode) < errorCount(tree.rootNode)) {
      tree.delete();
      tree = second;
      source = repaired.text;
      insertions = repaired.insertions;
    } else {
      second?.delete();
    }
  }
  if (!tree) return { file: { blocks: [], moved: new Map(), hasErrors: true }, kept: undefined };
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

/** How many error regions and invented tokens a tree has (a walk, not recursion: trees may be deep). */
function errorCount(root: SitterNode): number {
  if (!root.hasError) return 0;
  let count = 0;
  const cursor = root.walk();
  try {
    for (;;) {
      const error = cursor.nodeType === 'ERROR' || cursor.nodeIsMissing;
      if (error) count++;
      // An error's inside is one error; a subtree without any is skipped.
      if (!error && cursor.currentNode.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return count;
    }
  } finally {
    cursor.delete();
  }
}

/**
 * Closes every quoted string left open at the end of its line (HCL strings end on their line;
 * interpolations may hold quotes of their own), and then the brackets that line opened: someone
 * typing `actions = ["s3:Get` means `["s3:Get"]`. Heredoc bodies are left alone.
 */
export function closeOpenStrings(text: string, brackets: boolean): { text: string; insertions: number[] } {
  const insertions: number[] = [];
  let out = '';
  let heredoc: string | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (heredoc !== undefined) {
      if (line.trim() === heredoc) heredoc = undefined;
      out += line;
    } else {
      const found = openAtEnd(line);
      const closers = found && !brackets ? '"' : found;
      heredoc = /<<-?([A-Za-z_][A-Za-z0-9_-]*)\s*$/.exec(line)?.[1];
      if (closers) {
        const content = line.replace(/\s+$/, '');
        for (let i = 0; i < closers.length; i++) insertions.push(out.length + content.length + i);
        out += `${content}${closers}${line.slice(content.length)}`;
      } else {
        out += line;
      }
    }
    if (newline < 0) break;
    out += '\n';
    lineStart = newline + 1;
  }
  return { text: out, insertions };
}

const CLOSER: Readonly<Record<string, string>> = { '[': ']', '(': ')', '{': '}' };

/**
 * What closes a line that ends inside a quoted string: the quote, then the brackets opened on the
 * line outside strings (`#` and `//` comments and `${...}` nesting honoured); undefined when the
 * line does not end inside a string.
 */
function openAtEnd(line: string): string | undefined {
  // What is open: '"' a string, '$' an interpolation inside a string, or a bracket of the code.
  const open: string[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    const top = open[open.length - 1];
    if (top === '"') {
      if (c === '\\') i++;
      else if (c === '"') open.pop();
      else if ((c === '$' || c === '%') && line[i + 1] === '{' && line[i - 1] !== c) {
        open.push('$');
        i++;
      }
    } else if (c === '"') {
      open.push('"');
    } else if (top === '$' && c === '}') {
      open.pop();
    } else if (c === '[' || c === '(' || c === '{') {
      open.push(c);
    } else if ((c === ']' || c === ')' || c === '}') && top !== undefined && CLOSER[top] === c) {
      open.pop();
    } else if (top === undefined && (c === '#' || (c === '/' && line[i + 1] === '/'))) {
      break;
    }
  }
  if (open[open.length - 1] !== '"') return undefined;
  // Brackets inside an interpolation close with it; those of the line's code close after the quote.
  const code = open.slice(0, -1).filter((c) => c !== '$');
  if (open.slice(0, -1).includes('$')) return '"';
  return `"${code
    .reverse()
    .map((c) => CLOSER[c])
    .join('')}`;
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
