import { getNodePath, type Node } from 'jsonc-parser';
import type { Cursor } from '../completion/cursor';
import type { PolicyUnit } from '../host/types';
import type { JsonPath } from '../jsonTree';
import { decodeQuoted } from './strings';
import { ancestor, attributeOf, childOf, nodeAtOffset, type HclNode } from './syntax';

/** Characters of a bare word being typed (an object key, or a value before its quote). */
const WORD = /[A-Za-z0-9_:*./-]/;

/**
 * Where the cursor is in a `jsonencode({...})` policy, in the policy's terms: the JSON path of the
 * object whose key is being typed, or of the value. Read from the HCL around the cursor, which may
 * be half-typed (a key with no `=` yet, a value with no closing quote: the parser saw it closed).
 */
export function objectCursor(unit: PolicyUnit, hcl: HclNode, offset: number): Cursor | undefined {
  const text = unit.text;
  const at = nodeAtOffset(hcl, offset);
  const string = stringAround(at, offset, text);
  if (string) {
    const role = roleOf(string.node);
    // An unclosed string ends at the cursor: the node ending there is the one typed in.
    const unitNode = unit.nodeAt(offset, !string.closed);
    const path = role === 'key' ? pathOfContainer(unit, offset) : valuePath(unitNode, offset);
    if (!path) return undefined;
    return stringCursor(path, role, string, offset, text, role === 'key' && /^\s*=/.test(text.slice(string.end)));
  }
  // Outside strings: a bare word (a key being typed, `Eff`; a value before its quote, `All`) or nothing yet.
  const { start, end } = wordAround(text, offset);
  const before = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  const container = unit.nodeAt(offset);
  const object = container && innermostContainer(container, offset);
  if (!object) return undefined;
  const content = { offset: start, length: end - start };
  const typed = text.slice(start, offset);
  const base = { typed, token: undefined, content, unclosed: false, colonFollows: /^\s*=/.test(text.slice(end)), siblingFollows: false };
  if (object.type === 'array') return { ...base, path: [...getNodePath(object), itemIndex(object, offset)], at: 'value' };
  // `Key = |` or `Key = All|`: the value of that key.
  const key = /(?:^|[{,])\s*("(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_-]*)\s*=\s*$/.exec(before);
  if (key) {
    const name = key[1].startsWith('"') ? decodeQuoted(key[1].slice(1, -1)) : key[1];
    return { ...base, path: [...getNodePath(object), name], at: 'value', colonFollows: false };
  }
  // A key goes at the start of a line or after `{` or `,`.
  if (!/(^|[{,])\s*$/.test(before)) return undefined;
  return { ...base, path: getNodePath(object), at: 'key' };
}

interface StringAt {
  node: HclNode;
  /** Where the string ends in the text (the parser may have closed it: then at the end of its line). */
  end: number;
  contentEnd: number;
  closed: boolean;
}

/** The quoted string the cursor is inside (after its opening quote), if any. */
function stringAround(at: HclNode, offset: number, text: string): StringAt | undefined {
  const node = ancestor(at, 'string_lit') ?? ancestor(at, 'quoted_template');
  if (!node || offset <= node.start || offset > node.end) return undefined;
  const closed = node.end - node.start >= 2 && text[node.end - 1] === '"' && text[node.end - 2] !== '\\';
  if (closed && offset === node.end) return undefined;
  if (closed) return { node, end: node.end, contentEnd: node.end - 1, closed };
  // Unclosed (`["s3:GetObj]` where the editor closes no quote): what is typed ends with the word.
  let end = offset;
  while (end < node.end && !UNCLOSED_END.test(text[end])) end++;
  return { node, end, contentEnd: end, closed };
}

/** The cursor inside a quoted string: what is typed is its content up to the cursor. */
function stringCursor(path: JsonPath, at: 'key' | 'value', string: StringAt, offset: number, text: string, colonFollows: boolean): Cursor {
  return {
    path,
    at,
    typed: decodeQuoted(text.slice(string.node.start + 1, offset)),
    token: { offset: string.node.start, length: string.end - string.node.start },
    content: { offset: string.node.start + 1, length: string.contentEnd - string.node.start - 1 },
    unclosed: !string.closed,
    colonFollows,
    siblingFollows: false,
  };
}

/** The bare word (`Eff`, `s3:Get`) the cursor is in or at the end of: empty where there is none. */
function wordAround(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && WORD.test(text[end])) end++;
  return { start, end };
}

/** What ends a word typed in a string that has no closing quote: what follows it in the HCL. */
const UNCLOSED_END = /[\s",\]})[{]/;

/** A string is a key when it is an object element's key, or stands alone in an object (a key being typed, no `=` yet). */
function roleOf(string: HclNode): 'key' | 'value' {
  for (let node: HclNode | undefined = string.parent; node; node = node.parent) {
    if (node.type === 'object_elem') return node.children.some((c) => c.field === 'key' && string.start >= c.start && string.end <= c.end) ? 'key' : 'value';
    if (node.type === 'ERROR') return node.parent?.type === 'object' ? 'key' : 'value';
    if (node.type === 'tuple' || node.type === 'function_arguments') return 'value';
  }
  return 'value';
}

/** The path of a value under the cursor: of the policy node there, or of its place in the enclosing object or list. */
function valuePath(node: Node | undefined, offset: number): JsonPath | undefined {
  if (node?.type === 'string' && !(node.parent?.type === 'property' && node.parent.children?.[0] === node)) return getNodePath(node);
  const container = node && innermostContainer(node, offset);
  if (!container) return undefined;
  return container.type === 'array' ? [...getNodePath(container), itemIndex(container, offset)] : undefined;
}

function pathOfContainer(unit: PolicyUnit, offset: number): JsonPath | undefined {
  const node = unit.nodeAt(offset);
  const container = node && innermostContainer(node, offset);
  return container?.type === 'object' ? getNodePath(container) : undefined;
}

/** The object or list a node is, or is in. */
function innermostContainer(node: Node, offset: number): Node | undefined {
  for (let current: Node | undefined = node; current; current = current.parent) {
    if ((current.type === 'object' || current.type === 'array') && offset > current.offset && offset < current.offset + current.length) return current;
  }
  return undefined;
}

/** How many items of a list come before an offset: the index a new item there gets. */
function itemIndex(array: Node, offset: number): number {
  return (array.children ?? []).filter((c) => c.offset + c.length <= offset).length;
}

/** The policy element each argument of an `aws_iam_policy_document` block writes, and whether its value is a list. */
const DATA_ARGUMENTS: Readonly<Record<string, { element: string; list: boolean }>> = {
  'statement.actions': { element: 'Action', list: true },
  'statement.not_actions': { element: 'NotAction', list: true },
  'statement.resources': { element: 'Resource', list: true },
  'statement.not_resources': { element: 'NotResource', list: true },
  'statement.effect': { element: 'Effect', list: false },
  'principals.type': { element: 'Principal', list: false },
  'not_principals.type': { element: 'NotPrincipal', list: false },
  'principals.identifiers': { element: 'Principal', list: true },
  'not_principals.identifiers': { element: 'NotPrincipal', list: true },
  'condition.test': { element: 'Condition', list: false },
  'condition.variable': { element: 'Condition', list: false },
  'condition.values': { element: 'Condition', list: true },
};

/**
 * Where the cursor is in an `aws_iam_policy_document` block, in the terms of the policy it renders:
 * `actions = ["s3:Get|"]` is a value of Action, `test = "|"` a Condition operator (a key), `variable`
 * a condition key, `values` its values, `type` a principal type, `identifiers` principals of that type.
 */
export function dataCursor(unit: PolicyUnit, block: HclNode, offset: number): Cursor | undefined {
  const text = unit.text;
  const at = nodeAtOffset(block, offset);
  const attribute = ancestor(at, 'attribute');
  const name = attribute?.children.find((c) => c.type === 'identifier');
  if (!attribute || !name || offset <= name.end) return undefined;
  const argument = text.slice(name.start, name.end);
  const holder = ancestor(attribute.parent, 'block');
  const holderType = holder ? text.slice(holder.children[0].start, holder.children[0].end) : '';
  if (holder === block) return argument === 'version' ? valueCursor(['Version'], at, offset, text, attribute, false) : undefined;
  const spec = DATA_ARGUMENTS[`${holderType}.${argument}`];
  const statementBlock = holderType === 'statement' ? holder : ancestor(holder?.parent, 'block');
  if (!spec || !statementBlock) return undefined;
  const index = statementIndex(unit, statementBlock);
  if (index === undefined) return undefined;
  const statement: JsonPath = ['Statement', index];
  if (holderType === 'condition') {
    const test = literalArgument(holder, 'test', text);
    if (argument === 'test') return keyCursor([...statement, 'Condition'], at, offset, text, attribute);
    if (test === undefined) return undefined;
    if (argument === 'variable') return keyCursor([...statement, 'Condition', test], at, offset, text, attribute);
    const variable = literalArgument(holder, 'variable', text);
    return variable === undefined ? undefined : valueCursor([...statement, 'Condition', test, variable], at, offset, text, attribute, true);
  }
  if (spec.element === 'Principal' || spec.element === 'NotPrincipal') {
    if (argument === 'type') return keyCursor([...statement, spec.element], at, offset, text, attribute);
    const type = literalArgument(holder, 'type', text);
    return type === undefined ? undefined : valueCursor([...statement, spec.element, type], at, offset, text, attribute, true);
  }
  return valueCursor([...statement, spec.element], at, offset, text, attribute, spec.list);
}

/** The index of a `statement` block's statement in the policy (documents merged in may come first). */
function statementIndex(unit: PolicyUnit, statementBlock: HclNode): number | undefined {
  const list = unit.root?.children?.find((p) => p.children?.[0]?.value === 'Statement')?.children?.[1];
  const index = list?.children?.findIndex((s) => s.offset === statementBlock.start && s.length === statementBlock.end - statementBlock.start) ?? -1;
  return index >= 0 ? index : undefined;
}

/** A block argument's literal string value (`test = "StringEquals"`), if it is one. */
function literalArgument(block: HclNode | undefined, name: string, text: string): string | undefined {
  const expression = attributeOf(childOf(block, 'body'), name, text)?.value;
  const raw = expression ? text.slice(expression.start, expression.end).trim() : '';
  return /^"(?:[^"\\$]|\\.)*"$/.test(raw) ? decodeQuoted(raw.slice(1, -1)) : undefined;
}

/** A string argument whose value is a key in the policy (`test`, `variable`, `type`): completed as a value of the argument. */
function keyCursor(path: JsonPath, at: HclNode, offset: number, text: string, attribute: HclNode): Cursor | undefined {
  const cursor = valueCursor(path, at, offset, text, attribute, false);
  return cursor && { ...cursor, at: 'key', colonFollows: true };
}

/** The cursor in an argument's value: a string (its content), or a bare word or nothing after `=` or in a list. */
function valueCursor(path: JsonPath, at: HclNode, offset: number, text: string, attribute: HclNode, list: boolean): Cursor | undefined {
  const equals = attribute.children.find((c) => c.type === '=');
  if (!equals || offset <= equals.start) return undefined;
  const string = stringAround(at, offset, text);
  const tuple = ancestor(at, 'tuple');
  const index = list && tuple ? tuple.children.filter((c) => c.type === 'expression' && c.end <= offset && !(string && c.start <= string.node.start && c.end >= string.end)).length : undefined;
  const full = index === undefined ? path : [...path, index];
  if (string) return stringCursor(full, 'value', string, offset, text, false);
  const { start, end } = wordAround(text, offset);
  const before = text.slice(equals.end, start);
  // A value goes right after `=`, or in a list after `[` or `,`.
  if (!/^\s*$/.test(before) && !(list && /[[,]\s*$/.test(before))) return undefined;
  return { path: full, at: 'value', typed: text.slice(start, offset), token: undefined, content: { offset: start, length: end - start }, unclosed: false, colonFollows: false, siblingFollows: false };
}
