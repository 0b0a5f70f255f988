/**
 * The Terraform syntax tree as the core keeps it: plain objects copied out of tree-sitter's, which
 * live in WebAssembly memory and must be freed. Only what the core reads is copied: the blocks of a
 * file and, in full, the blocks that hold policies.
 */

/** What the core needs of a tree-sitter node (web-tree-sitter's `Node` has it). */
export interface SitterNode {
  readonly type: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly childCount: number;
  readonly isMissing: boolean;
  readonly hasError: boolean;
  child(index: number): SitterNode | null;
  walk(): SitterCursor;
}

/** What the core needs of a tree-sitter tree cursor. */
export interface SitterCursor {
  readonly nodeType: string;
  readonly currentNode: SitterNode;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly currentFieldName: string | null;
  readonly nodeIsMissing: boolean;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  delete(): void;
}

export interface SitterPoint {
  row: number;
  column: number;
}

/** What the core needs of a tree-sitter tree. */
export interface SitterTree {
  readonly rootNode: SitterNode;
  edit(edit: { startIndex: number; oldEndIndex: number; newEndIndex: number; startPosition: SitterPoint; oldEndPosition: SitterPoint; newEndPosition: SitterPoint }): void;
  delete(): void;
}

/**
 * The Terraform grammar, loaded by the server or the CLI (a WebAssembly file: the core does no I/O)
 * and handed to the core. web-tree-sitter's `Parser` with the Terraform language set is one.
 * Offsets are UTF-16 code units, as the core's.
 */
export interface HclParser {
  parse(text: string, oldTree?: SitterTree | null): SitterTree | null;
}

/** A node of the copied tree. `field` is the grammar's field name (`key`, `val`) where it has one. */
export interface HclNode {
  type: string;
  start: number;
  end: number;
  children: HclNode[];
  parent: HclNode | undefined;
  field?: string;
  /** Inserted by the parser's error recovery: not in the text. */
  missing?: boolean;
}

/**
 * Copies a tree-sitter subtree, anonymous tokens (`=`, `,`, `(`) included. Each property read is a
 * call into WebAssembly: field names are read where the grammar has them (an object element's
 * `key` and `val`), and missing tokens only in a tree with errors.
 */
export function copyTree(node: SitterNode, withErrors = true): HclNode {
  const cursor = node.walk();
  try {
    const root: HclNode = { type: cursor.nodeType, start: cursor.startIndex, end: cursor.endIndex, children: [], parent: undefined };
    let current = root;
    for (;;) {
      if (cursor.gotoFirstChild()) {
        current = append(current, cursor, withErrors);
        continue;
      }
      for (;;) {
        const parent = current.parent;
        if (!parent) return root;
        if (cursor.gotoNextSibling()) {
          current = append(parent, cursor, withErrors);
          break;
        }
        cursor.gotoParent();
        current = parent;
      }
    }
  } finally {
    cursor.delete();
  }
}

function append(parent: HclNode, cursor: SitterCursor, withErrors: boolean): HclNode {
  const node: HclNode = { type: cursor.nodeType, start: cursor.startIndex, end: cursor.endIndex, children: [], parent };
  if (parent.type === 'object_elem') {
    const field = cursor.currentFieldName;
    if (field) node.field = field;
  }
  if (withErrors && cursor.nodeIsMissing) node.missing = true;
  parent.children.push(node);
  return node;
}

/** The first child of a type. */
export function childOf(node: HclNode | undefined, type: string): HclNode | undefined {
  return node?.children.find((c) => c.type === type);
}

/** The children of a type. */
export function childrenOf(node: HclNode | undefined, type: string): HclNode[] {
  return node?.children.filter((c) => c.type === type) ?? [];
}

/** Unwraps `expression` and parentheses down to the node that says what the expression is. */
export function unwrap(node: HclNode | undefined): HclNode | undefined {
  let current = node;
  for (;;) {
    if (!current) return undefined;
    const named = current.children.filter((c) => !isToken(c));
    if ((current.type === 'expression' || current.type === 'literal_value' || current.type === 'collection_value' || current.type === 'template_expr') && named.length === 1 && current.children.length === 1) {
      current = named[0];
    } else if (current.type === 'expression' && named.length === 1 && current.children[0]?.type === '(') {
      current = named[0];
    } else {
      return current;
    }
  }
}

/** Anonymous punctuation and keywords: `=`, `,`, `(`, `{`, `for`. */
export function isToken(node: HclNode): boolean {
  return !/^[a-z_]+$/.test(node.type) || KEYWORDS.has(node.type);
}

const KEYWORDS = new Set(['for', 'in', 'if', 'true', 'false', 'null', 'endfor', 'endif', 'else']);

/** The innermost node that contains an offset. */
export function nodeAtOffset(root: HclNode, offset: number): HclNode {
  let node = root;
  for (;;) {
    const inner = node.children.find((c) => c.start <= offset && offset <= c.end && !(c.start === c.end && c.missing));
    if (!inner) return node;
    node = inner;
  }
}

/** `name = value` in a block body. */
export interface Attribute {
  node: HclNode;
  name: string;
  nameNode: HclNode;
  /** The `expression` node. */
  value: HclNode;
}

/** `type "label" "label" { body }`, or `dynamic "statement" { ... }`. */
export interface Block {
  node: HclNode;
  type: string;
  typeNode: HclNode;
  labels: string[];
  labelNodes: HclNode[];
  body: HclNode | undefined;
}

export function attributesOf(body: HclNode | undefined, text: string): Attribute[] {
  const found: Attribute[] = [];
  for (const node of childrenOf(body, 'attribute')) {
    const nameNode = childOf(node, 'identifier');
    const value = childOf(node, 'expression');
    if (nameNode && value) found.push({ node, name: text.slice(nameNode.start, nameNode.end), nameNode, value });
  }
  return found;
}

export function attributeOf(body: HclNode | undefined, name: string, text: string): Attribute | undefined {
  return attributesOf(body, text).find((a) => a.name === name);
}

export function blocksOf(body: HclNode | undefined, text: string): Block[] {
  return childrenOf(body, 'block').map((node) => readBlock(node, text));
}

export function readBlock(node: HclNode, text: string): Block {
  const typeNode = node.children[0];
  const labelNodes = node.children.filter((c) => c.type === 'string_lit' || c.type === 'identifier').slice(1);
  return {
    node,
    type: text.slice(typeNode.start, typeNode.end),
    typeNode,
    labels: labelNodes.map((l) => labelText(l, text)),
    labelNodes,
    body: childOf(node, 'body'),
  };
}

/** A block label's text: `"aws_iam_role"` without its quotes (labels have no interpolation). */
export function labelText(label: HclNode, text: string): string {
  const raw = text.slice(label.start, label.end);
  return label.type === 'string_lit' ? raw.replace(/^"|"$/g, '') : raw;
}

/**
 * A reference as written: `aws_iam_role.deploy.arn` gives ["aws_iam_role", "deploy", "arn"]; an
 * index or splat (`aws_iam_role.deploy[0].arn`) keeps its place as "[]". Undefined for anything
 * that is not a plain reference.
 */
export function referenceOf(expression: HclNode | undefined, text: string): string[] | undefined {
  const node = unwrap(expression);
  if (node?.type !== 'variable_expr' && !(node?.type === 'expression' && node.children[0]?.type === 'variable_expr')) return undefined;
  const parts: string[] = [];
  const pieces = node.type === 'variable_expr' ? [node, ...siblingsAfter(node)] : node.children;
  for (const piece of pieces) {
    if (piece.type === 'variable_expr') parts.push(text.slice(piece.start, piece.end));
    else if (piece.type === 'get_attr') {
      const id = childOf(piece, 'identifier');
      if (id) parts.push(text.slice(id.start, id.end));
    } else if (piece.type === 'index' || piece.type === 'splat') parts.push('[]');
    else return undefined;
  }
  return parts;
}

function siblingsAfter(node: HclNode): HclNode[] {
  const siblings = node.parent?.children ?? [];
  return siblings.slice(siblings.indexOf(node) + 1);
}

/** A function call's name and argument expressions (`jsonencode(x)`: "jsonencode" and [x]); undefined for anything else. */
export function functionCall(node: HclNode | undefined, text: string): { name: string; args: HclNode[] } | undefined {
  if (node?.type !== 'function_call') return undefined;
  const name = node.children[0];
  return { name: name ? text.slice(name.start, name.end) : '', args: childrenOf(childOf(node, 'function_arguments'), 'expression') };
}

/** The nearest ancestor (or the node itself) of a type. */
export function ancestor(node: HclNode | undefined, type: string): HclNode | undefined {
  let current = node;
  while (current && current.type !== type) current = current.parent;
  return current;
}
