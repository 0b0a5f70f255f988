import type { Node } from 'jsonc-parser';
import { matchActions } from './iam/actions';
import type { ActionInfo } from './iam/data';
import { readOperator, type OperatorReading } from './iam/operators';
import { propertyKey, stringNodes, stringValue } from './jsonTree';
import { element, type Statement } from './policyModel';

/** The string values of `Action`/`NotAction` (or `Resource`/`NotResource`), whichever the statement has. */
export interface ListElement {
  name: string;
  negated: boolean;
  /** The element's value node (a string or an array). */
  node: Node;
  values: { node: Node; text: string }[];
}

function listElement(statement: Statement, name: string, negatedName: string): ListElement | undefined {
  for (const [candidate, negated] of [[name, false], [negatedName, true]] as const) {
    const node = element(statement, candidate);
    if (!node) continue;
    const values = stringNodes(node).map((n) => ({ node: n, text: n.value as string }));
    return { name: candidate, negated, node, values };
  }
  return undefined;
}

export const actionsOf = (statement: Statement) => listElement(statement, 'Action', 'NotAction');
export const resourcesOf = (statement: Statement) => listElement(statement, 'Resource', 'NotResource');

/** Beyond this many matched actions (`ec2:*` and wider) a statement is too broad to list what its actions share. */
const MAX_LISTED_ACTIONS = 2_000;

/**
 * The known actions a statement's `Action` names, for completion and hover to list their resource
 * types and keys. Undefined when that is every service or too many to list: `*`, `NotAction`, or more
 * than MAX_LISTED_ACTIONS. Empty when the statement has no Action.
 */
export function listedActions(statement: Statement): readonly ActionInfo[] | undefined {
  // Completion asks again at each `:` of a key or ARN, hover on each move: read each statement once per parse.
  let cached = listedCache.get(statement.node);
  if (!cached) {
    cached = { actions: readListedActions(statement) };
    listedCache.set(statement.node, cached);
  }
  return cached.actions;
}

const listedCache = new WeakMap<Node, { actions: ActionInfo[] | undefined }>();

function readListedActions(statement: Statement): ActionInfo[] | undefined {
  const element = actionsOf(statement);
  if (!element) return [];
  if (element.negated) return undefined;
  const actions: ActionInfo[] = [];
  for (const { text } of element.values) {
    if (text === '*') return undefined;
    actions.push(...matchActions(text));
    if (actions.length > MAX_LISTED_ACTIONS) return undefined;
  }
  return actions;
}

/** One `KEY: value(s)` under one operator of a Condition block. */
export interface ConditionEntry {
  operatorNode: Node;
  operatorText: string;
  reading: OperatorReading;
  keyNode: Node;
  key: string;
  /** The value node: a string, number, boolean or array. */
  valueNode: Node;
  /** The scalar value nodes (one, or each item of a list). */
  values: Node[];
}

const isScalar = (n: Node) => n.type === 'string' || n.type === 'number' || n.type === 'boolean';

/** Read once per statement node: a dozen rules and the explanation ask for every statement's conditions. */
const conditionCache = new WeakMap<Node, ConditionEntry[]>();

/** Every key of every operator of a statement's Condition, in document order. Callers must not change the list. */
export function conditionsOf(statement: Statement): ConditionEntry[] {
  let cached = conditionCache.get(statement.node);
  if (!cached) {
    cached = readConditions(statement);
    conditionCache.set(statement.node, cached);
  }
  return cached;
}

function readConditions(statement: Statement): ConditionEntry[] {
  const condition = element(statement, 'Condition');
  if (condition?.type !== 'object') return [];
  const entries: ConditionEntry[] = [];
  for (const operatorProperty of condition.children ?? []) {
    const operatorNode = propertyKey(operatorProperty);
    const block = operatorProperty.children?.[1];
    const operatorText = stringValue(operatorNode);
    if (!operatorNode || operatorText === undefined || block?.type !== 'object') continue;
    const reading = readOperator(operatorText);
    for (const keyProperty of block.children ?? []) {
      const keyNode = propertyKey(keyProperty);
      const valueNode = keyProperty.children?.[1];
      const key = stringValue(keyNode);
      if (!keyNode || key === undefined || !valueNode) continue;
      const values = valueNode.type === 'array' ? (valueNode.children ?? []).filter(isScalar) : isScalar(valueNode) ? [valueNode] : [];
      entries.push({ operatorNode, operatorText, reading, keyNode, key, valueNode, values });
    }
  }
  return entries;
}

/** The principals of a statement: `"*"` or the values under each key of the object. */
export interface PrincipalElement {
  name: 'Principal' | 'NotPrincipal';
  node: Node;
  /** Set when the whole element is the string `"*"`. */
  everyone: boolean;
  entries: { key: string; keyNode: Node; values: { node: Node; text: string }[] }[];
}

export function principalsOf(statement: Statement): PrincipalElement | undefined {
  for (const name of ['Principal', 'NotPrincipal'] as const) {
    const node = element(statement, name);
    if (!node) continue;
    const entries: PrincipalElement['entries'] = [];
    if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const keyNode = propertyKey(property);
        const key = stringValue(keyNode);
        if (!keyNode || key === undefined) continue;
        const values = stringNodes(property.children?.[1]).map((n) => ({ node: n, text: n.value as string }));
        entries.push({ key, keyNode, values });
      }
    }
    return { name, node, everyone: stringValue(node) === '*', entries };
  }
  return undefined;
}

