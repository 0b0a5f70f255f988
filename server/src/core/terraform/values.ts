import type { Node } from 'jsonc-parser';
import type { SyntaxProblem } from '../host/types';
import { forEachNode } from '../jsonTree';
import { MAX_DEPTH } from '../parse';
import type { Span } from '../types';
import { decodeQuoted, placeholderFor } from './strings';
import { childOf, childrenOf, functionCall, isToken, unwrap, type HclNode } from './syntax';

/**
 * What a policy tree is built into: its unknown and open nodes (PolicyUnit), the syntax problems met
 * on the way, and the source text the HCL nodes index.
 */
export interface TreeParts {
  text: string;
  unknown: Set<Node>;
  open: Set<Node>;
  problems: SyntaxProblem[];
  /** Whether the HCL read has a part that does not parse (only then are its objects and lists searched for one). */
  broken?: boolean;
}

/**
 * jsonc-parser's `Node`, writable: trees built from HCL are assembled (and merged) after their nodes
 * are made. A `JsonNode` is a `Node` everywhere the analysis reads one.
 */
export interface JsonNode {
  type: Node['type'];
  offset: number;
  length: number;
  colonOffset?: number;
  parent?: JsonNode;
  children?: JsonNode[];
  value?: unknown;
}

/** Moves a span by `delta`. */
export function moveSpan<T extends Span>(span: T, delta: number): T {
  return { ...span, offset: span.offset + delta };
}

/** Moves every node of a tree built here by `delta` (the tree is ours: nothing else holds it). */
export function shiftTree(root: Node | undefined, delta: number): void {
  if (delta === 0) return;
  forEachNode(root, (read) => {
    const node = read as JsonNode;
    node.offset += delta;
    if (node.colonOffset !== undefined) node.colonOffset += delta;
  });
}

/** A jsonc-parser-shaped node over an HCL span. */
export function jsonNode(type: Node['type'], start: number, end: number, parent: JsonNode | undefined, value?: unknown): JsonNode {
  const node: JsonNode = { type, offset: start, length: end - start, parent };
  if (value !== undefined) node.value = value;
  return node;
}

/**
 * The JSON `jsonencode` makes of an HCL expression, as a tree with HCL offsets: objects, tuples,
 * strings, numbers, booleans and null as they are; anything whose value is only known when
 * Terraform runs (a reference, a function call, a conditional, a `for`) becomes an unknown
 * placeholder string (`${var.arns}`), and strings with interpolations keep their literal parts.
 * `concat` of lists and `merge` of objects keep what is written, marked open for the rest.
 */
export function valueOf(expression: HclNode, parts: TreeParts, parent: JsonNode | undefined): JsonNode {
  const node = unwrap(expression) ?? expression;
  // IAM policies nest about eight levels; deeper HCL is read no further (and cannot overflow the stack).
  if (depthOf(parent) >= MAX_DEPTH) {
    parts.problems.push({ offset: node.start, length: 1, message: `The policy nests more than ${MAX_DEPTH} levels deep here; no IAM policy does, so the rest was not analysed`, syntax: 'hcl' });
    return unknownOf(node, parts, parent);
  }
  switch (node.type) {
    case 'object':
      return objectOf(node, parts, parent);
    case 'tuple': {
      const array = jsonNode('array', node.start, node.end, parent);
      array.children = itemsOf(node).map((item) => valueOf(item, parts, array));
      if (parts.broken && hasErrorPart(node, true)) parts.open.add(array);
      return array;
    }
    case 'string_lit':
    case 'quoted_template':
      return stringOf(node, parts, parent);
    case 'numeric_lit':
      return numberOf(node, parts, parent, 1);
    case 'bool_lit':
      return jsonNode('boolean', node.start, node.end, parent, parts.text.slice(node.start, node.end) === 'true');
    case 'null_lit':
      return jsonNode('null', node.start, node.end, parent, null);
    case 'operation': {
      // `-1`: the only operation whose value is known here.
      const unary = childOf(node, 'unary_operation');
      const operand = unwrap(unary?.children.find((c) => !isToken(c)));
      if (unary?.children[0]?.type === '-' && operand?.type === 'numeric_lit') return numberOf(operand, parts, parent, -1, node.start);
      return unknownOf(node, parts, parent);
    }
    case 'function_call':
      return callOf(node, parts, parent);
    default:
      return unknownOf(node, parts, parent);
  }
}

function objectOf(node: HclNode, parts: TreeParts, parent: JsonNode | undefined): JsonNode {
  const object = jsonNode('object', node.start, node.end, parent);
  object.children = [];
  for (const element of childrenOf(node, 'object_elem')) {
    const keyExpression = element.children.find((c) => c.field === 'key');
    const valueExpression = element.children.find((c) => c.field === 'val');
    if (!keyExpression || !valueExpression) continue;
    const property = jsonNode('property', element.start, element.end, object);
    const equals = element.children.find((c) => c.type === '=' || c.type === ':');
    if (equals) property.colonOffset = equals.start;
    property.children = [keyOf(keyExpression, parts, property), valueOf(valueExpression, parts, property)];
    object.children.push(property);
  }
  if (parts.broken && hasErrorPart(node, true)) parts.open.add(object);
  return object;
}

/**
 * Whether part of an object, list or block does not parse (`deep`: anywhere inside it, where an
 * error in one argument can swallow the next): what is written there may be anything (a member, an
 * item, a `principals` block), so nothing is reported as missing from it.
 */
export function hasErrorPart(node: HclNode | undefined, deep = false): boolean {
  if (!deep) return node?.children.some((c) => c.type === 'ERROR') ?? false;
  const stack = node ? [node] : [];
  while (stack.length > 0) {
    const current = stack.pop() as HclNode;
    if (current.type === 'ERROR') return true;
    stack.push(...current.children);
  }
  return false;
}

/** An object key: a bare identifier or a string is its text; `(var.k)` or `"${var.k}"` is unknown. */
function keyOf(expression: HclNode, parts: TreeParts, parent: Node): JsonNode {
  const node = unwrap(expression) ?? expression;
  if (node.type === 'variable_expr' && node.children.length === 1) {
    return jsonNode('string', node.start, node.end, parent, parts.text.slice(node.start, node.end));
  }
  if (node.type === 'string_lit' || node.type === 'quoted_template') return stringOf(node, parts, parent);
  return unknownOf(expression, parts, parent);
}

function depthOf(node: JsonNode | undefined): number {
  let depth = 0;
  for (let n = node; n; n = n.parent) depth++;
  return depth;
}

/** A string: its literal parts decoded, each interpolation or directive as a placeholder (then unknown). */
export function stringOf(node: HclNode, parts: TreeParts, parent: JsonNode | undefined): JsonNode {
  let value = '';
  let templated = false;
  for (const child of node.children) {
    if (child.type === 'template_literal') value += decodeQuoted(parts.text.slice(child.start, child.end));
    else if (child.type === 'template_interpolation' || child.type === 'template_directive') {
      const inner = child.children.find((c) => c.type === 'expression') ?? child;
      value += placeholderFor(parts.text.slice(inner.start, inner.end));
      templated = true;
    }
  }
  const string = jsonNode('string', node.start, node.end, parent, value);
  if (templated) parts.unknown.add(string);
  return string;
}

function numberOf(node: HclNode, parts: TreeParts, parent: JsonNode | undefined, sign: number, start = node.start): JsonNode {
  const value = Number(parts.text.slice(node.start, node.end));
  return Number.isFinite(value) ? jsonNode('number', start, node.end, parent, sign * value) : unknownOf(node, parts, parent);
}

/** A value only known when Terraform runs, as the placeholder of its expression. */
export function unknownOf(node: HclNode, parts: TreeParts, parent: JsonNode | undefined): JsonNode {
  const string = jsonNode('string', node.start, node.end, parent, placeholderFor(parts.text.slice(node.start, node.end)));
  parts.unknown.add(string);
  return string;
}

/** `concat([...], var.more)` and `merge({...}, var.more)` keep what is written; other calls are unknown. */
function callOf(node: HclNode, parts: TreeParts, parent: JsonNode | undefined): JsonNode {
  const { name, args } = functionCall(node, parts.text) ?? { name: '', args: [] };
  const shapes = args.map((a) => unwrap(a));
  if ((name === 'concat' || name === 'tolist' || name === 'toset') && shapes.some((s) => s?.type === 'tuple')) {
    const array = jsonNode('array', node.start, node.end, parent);
    array.children = [];
    for (const shape of shapes) {
      if (shape?.type === 'tuple') array.children.push(...itemsOf(shape).map((item) => valueOf(item, parts, array)));
      else parts.open.add(array);
    }
    return array;
  }
  // `format("%s:sub", var.issuer)`: the literal parts are known, each verb is its argument.
  if (name === 'format' && (shapes[0]?.type === 'string_lit' || shapes[0]?.type === 'quoted_template')) {
    const pattern = stringOf(shapes[0], parts, undefined);
    if (typeof pattern.value === 'string' && !parts.unknown.has(pattern)) {
      let next = 1;
      let templated = false;
      const value = pattern.value.replace(/%(%|[-+# 0]*\d*(?:\.\d+)?[a-zA-Z])/g, (_verb: string, spec: string) => {
        if (spec === '%') return '%';
        const argument = args[next++];
        templated = true;
        return argument ? placeholderFor(parts.text.slice(argument.start, argument.end)) : '${?}';
      });
      const string = jsonNode('string', node.start, node.end, parent, value);
      if (templated) parts.unknown.add(string);
      return string;
    }
  }
  if (name === 'merge' && shapes.some((s) => s?.type === 'object')) {
    const object = jsonNode('object', node.start, node.end, parent);
    object.children = [];
    for (const shape of shapes) {
      if (shape?.type === 'object') {
        for (const property of objectOf(shape, parts, object).children ?? []) {
          property.parent = object;
          object.children.push(property);
        }
      } else parts.open.add(object);
    }
    return object;
  }
  return unknownOf(node, parts, parent);
}

/** The item expressions of a tuple. */
function itemsOf(tuple: HclNode): HclNode[] {
  return tuple.children.filter((c) => c.type === 'expression');
}

/**
 * The parser's errors in an HCL subtree: each error region once, and each token it had to invent. A
 * region holding smaller ones (a whole `jsonencode` argument the parser gave up on) is reported by
 * those: they are where the mistake is.
 */
export function hclProblems(node: HclNode, text: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop() as HclNode;
    if (current.type === 'ERROR' && !current.children.some((c) => hasErrorPart(c, true))) {
      problems.push({ offset: current.start, length: Math.max(1, current.end - current.start), message: `Terraform cannot read "${firstLine(text.slice(current.start, current.end))}" here`, syntax: 'hcl' });
    } else if (current.missing) {
      problems.push({ offset: current.start, length: 0, message: `"${current.type}" expected`, syntax: 'hcl' });
    } else {
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]);
    }
  }
  return problems;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0].trim();
  return line.length > 40 ? `${line.slice(0, 39)}...` : line;
}
