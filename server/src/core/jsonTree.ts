import type { Node } from 'jsonc-parser';
import type { Span } from './types';

/** A JSON path: property names and array indexes. */
export type JsonPath = (string | number)[];

/** The first property node named `key` of an object node. IAM rejects duplicates; we analyse the first. */
export function findProperty(object: Node | undefined, key: string): Node | undefined {
  if (object?.type !== 'object') return undefined;
  return object.children?.find((p) => p.children?.[0]?.value === key);
}

/** The value node of the first property named `key`. */
export function propertyValue(object: Node | undefined, key: string): Node | undefined {
  return findProperty(object, key)?.children?.[1];
}

/**
 * The keys of an object's complete properties: a key being typed (no value yet) is not there yet,
 * so completion still offers it.
 */
export function keysWithValues(object: Node | undefined): Set<string> {
  const keys = new Set<string>();
  if (object?.type !== 'object') return keys;
  for (const property of object.children ?? []) {
    const key: unknown = property.children?.[0]?.value;
    if (typeof key === 'string' && property.children?.[1]) keys.add(key);
  }
  return keys;
}

/** The key node of a property node. */
export function propertyKey(property: Node): Node | undefined {
  return property.children?.[0];
}

/** The node at `path` below `root`, following first occurrences of keys. */
export function nodeAtPath(root: Node | undefined, path: JsonPath): Node | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') {
      node = node.type === 'array' ? node.children?.[segment] : undefined;
    } else {
      node = propertyValue(node, segment);
    }
  }
  return node;
}

/** Splits an RFC 6901 JSON pointer (as ajv's `instancePath`) into a path. */
export function pathFromPointer(pointer: string): JsonPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/**
 * The plain value of a node, first occurrence winning for duplicate keys (unlike jsonc-parser's
 * getNodeValue) so that values and node lookups agree. Property nodes with no value yield undefined.
 * Depth is bounded by MAX_DEPTH in parse.ts, so recursion is safe.
 */
export function toValue(node: Node | undefined): unknown {
  if (!node) return undefined;
  switch (node.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const key: unknown = property.children?.[0]?.value;
        if (typeof key !== 'string' || Object.hasOwn(result, key)) continue;
        const value = property.children?.[1];
        // A property whose value did not parse is left out rather than reported as a wrong type.
        // defineProperty, not assignment: a "__proto__" key must stay a key (that IAM rejects), not a prototype.
        if (value) Object.defineProperty(result, key, { value: toValue(value), enumerable: true, writable: true, configurable: true });
      }
      return result;
    }
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}

/** The text of a scalar value node: strings as they are, numbers and booleans as JSON writes them. */
export function scalarText(node: Node): string | undefined {
  if (node.type === 'string' && typeof node.value === 'string') return node.value;
  if (node.type === 'number' || node.type === 'boolean') return String(node.value);
  return undefined;
}

/** The string value of a node, or undefined if it is not a string. */
export function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

/** The string nodes of a value that is a string or a list of strings. */
export function stringNodes(node: Node | undefined): Node[] {
  if (!node) return [];
  if (node.type === 'string') return [node];
  if (node.type === 'array') return (node.children ?? []).filter((c) => c.type === 'string');
  return [];
}

export function spanOf(node: Node): Span {
  return { offset: node.offset, length: node.length };
}

/** Visits every node of a tree without recursion (documents can be large). */
export function forEachNode(root: Node | undefined, visit: (node: Node) => void): void {
  const stack: Node[] = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    visit(node);
    const children = node.children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}
