import { getNodePath, type Node } from 'jsonc-parser';
import { toValue, type JsonPath } from '../jsonTree';
import type { PolicyDraft as Draft } from '../host/types';

/** The path of the statement a node is in: `["Statement", 2]` or `["Statement"]`. */
export function statementPath(node: Node): JsonPath | undefined {
  const path = getNodePath(node);
  if (path[0] !== 'Statement') return undefined;
  return typeof path[1] === 'number' ? path.slice(0, 2) : path.slice(0, 1);
}

/** The name an object gives a key, matched regardless of case (`stringequals` is the `StringEquals` block). */
function keyIn(draft: Draft, objectPath: JsonPath, key: string): string | undefined {
  const object = draft.node(objectPath);
  const lower = key.toLowerCase();
  const keys = (object?.children ?? []).map((p): unknown => p.children?.[0]?.value);
  return keys.find((k): k is string => typeof k === 'string' && k.toLowerCase() === lower);
}

/**
 * Adds `operator: { key: value }` to a statement's Condition: creates the Condition, or the
 * operator block, or sets the key in the existing block, without touching anything else.
 */
export function addCondition(draft: Draft, statement: JsonPath, operator: string, key: string, value: unknown): boolean {
  const conditionPath = [...statement, 'Condition'];
  const condition = draft.node(conditionPath);
  if (!condition) return draft.insertMember(statement, 'Condition', { [operator]: { [key]: value } });
  if (condition.type !== 'object') return false;
  const block = keyIn(draft, conditionPath, operator);
  if (block === undefined) return draft.insertMember(conditionPath, operator, { [key]: value });
  const blockPath = [...conditionPath, block];
  if (draft.node(blockPath)?.type !== 'object') return false;
  return draft.setMember(blockPath, keyIn(draft, blockPath, key) ?? key, value);
}

/**
 * Moves `key` from one operator block of a statement's Condition to another (`BoolIfExists` ->
 * `Bool`): renames the block when the key is alone in it and the target does not exist yet;
 * otherwise takes the entry out (with its block, if it empties it) and merges it into the target.
 */
export function moveConditionEntry(draft: Draft, statement: JsonPath, from: string, key: string, to: string): boolean {
  const conditionPath = [...statement, 'Condition'];
  const fromBlock = keyIn(draft, conditionPath, from);
  const fromNode = fromBlock === undefined ? undefined : draft.node([...conditionPath, fromBlock]);
  const keyName = fromBlock === undefined ? undefined : keyIn(draft, [...conditionPath, fromBlock], key);
  if (!fromNode || fromBlock === undefined || keyName === undefined) return false;
  const toBlock = keyIn(draft, conditionPath, to);
  if ((fromNode.children?.length ?? 0) === 1 && toBlock === undefined) return draft.renameKey([...conditionPath, fromBlock], to);
  const valueNode = draft.node([...conditionPath, fromBlock, keyName]);
  if (!valueNode) return false;
  const moved = toValue(valueNode);
  // The target may test the key already: the values of one key are alternatives, so both sets stay.
  const targetKey = toBlock === undefined ? undefined : keyIn(draft, [...conditionPath, toBlock], key);
  const existing = targetKey === undefined ? undefined : draft.node([...conditionPath, toBlock ?? to, targetKey]);
  const value = existing ? [...new Set([existing, valueNode].flatMap((n) => [toValue(n)].flat()))] : moved;
  draft.removeEntry((fromNode.children?.length ?? 0) === 1 ? fromNode : valueNode);
  return addCondition(draft, statement, toBlock ?? to, targetKey ?? keyName, value);
}

/** Adds an action to a statement's `Action`, turning a single string into a list. */
export function addAction(draft: Draft, statement: JsonPath, action: string): boolean {
  const path = [...statement, 'Action'];
  const node = draft.node(path);
  if (node?.type === 'array') return draft.appendItem(path, action);
  if (node?.type === 'string') return draft.setMember(statement, 'Action', [node.value, action]);
  return false;
}

/** Removes the member whose key node a finding covers (`"Resource"` in a trust policy). */
export function removeMemberAt(draft: Draft, keyNode: Node): boolean {
  const property = keyNode.parent;
  const value = property?.type === 'property' ? property.children?.[1] : undefined;
  if (!value) return false;
  draft.removeEntry(value);
  return true;
}

