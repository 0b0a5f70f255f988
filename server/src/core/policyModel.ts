import type { Node } from 'jsonc-parser';
import { findProperty, propertyKey, propertyValue, stringValue, type JsonPath } from './jsonTree';

/** One statement of a policy, with its place in the document. */
export interface Statement {
  node: Node;
  /** 0-based position in the Statement list (0 when Statement is a single object). */
  index: number;
  path: JsonPath;
  /** The `Effect` string, when it is one. */
  effect: string | undefined;
}

/** The parts of a policy that rules look at, found once per analysis. */
export interface PolicyModel {
  root: Node;
  /** The `Version` value node, if present. */
  version: Node | undefined;
  statements: Statement[];
}

/** Parsed trees never change: analysis, completion and hover of one version share one reading. */
const readings = new WeakMap<Node, PolicyModel>();

/** Reads the statements of a policy whose root is an object (once per tree). */
export function readPolicy(root: Node): PolicyModel {
  let policy = readings.get(root);
  if (!policy) {
    policy = readStatements(root);
    readings.set(root, policy);
  }
  return policy;
}

function readStatements(root: Node): PolicyModel {
  const statementValue = propertyValue(root, 'Statement');
  const statements: Statement[] = [];
  if (statementValue?.type === 'object') {
    statements.push(makeStatement(statementValue, 0, ['Statement']));
  } else if (statementValue?.type === 'array') {
    (statementValue.children ?? []).forEach((child, index) => {
      if (child.type === 'object') statements.push(makeStatement(child, index, ['Statement', index]));
    });
  }
  return { root, version: propertyValue(root, 'Version'), statements };
}

function makeStatement(node: Node, index: number, path: JsonPath): Statement {
  return { node, index, path, effect: stringValue(propertyValue(node, 'Effect')) };
}

/**
 * The statement a JSON path runs through (`Statement/2/Action/0`, or `Statement/Action` when Statement
 * is one object) and the rest of the path inside it. Undefined when the path is not in a statement.
 */
export function statementAtPath(root: Node, path: JsonPath): { statement: Statement | undefined; rest: JsonPath } | undefined {
  if (path[0] !== 'Statement' || path.length < 2 || root.type !== 'object') return undefined;
  const single = typeof path[1] !== 'number';
  const statement = readPolicy(root).statements.find((s) => (single ? s.path.length === 1 : s.index === path[1]));
  return { statement, rest: path.slice(single ? 1 : 2) };
}

/** The value node of a statement element (`Action`, `Principal`, ...). */
export function element(statement: Statement, name: string): Node | undefined {
  return propertyValue(statement.node, name);
}

/** The key node of a statement element (`"NotAction"`), where findings about the element itself go. */
export function elementKey(statement: Statement, name: string): Node | undefined {
  const property = findProperty(statement.node, name);
  return property && propertyKey(property);
}

/** Whether a statement has an element at all (even one whose value did not parse). */
export function hasElement(statement: Statement, name: string): boolean {
  return findProperty(statement.node, name) !== undefined;
}
