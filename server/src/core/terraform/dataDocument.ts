import type { Node } from 'jsonc-parser';
import type { Span } from '../types';
import { stringValue } from '../jsonTree';
import { attributeOf, attributesOf, blocksOf, childOf, type Attribute, type Block, type HclNode } from './syntax';
import { hasErrorPart, jsonNode, unknownOf, valueOf, type JsonNode, type TreeParts } from './values';

/**
 * A `data "aws_iam_policy_document"` block as the policy the AWS provider renders from it, with every
 * node pointing at the HCL that produced it: `statement` blocks become statements, `actions` becomes
 * Action, `principals` blocks of one type merge into one list (`type = "*"` with `["*"]` is
 * `"Principal": "*"`), `condition` blocks merge by test and variable, `effect` defaults to Allow and
 * `version` to 2012-10-17, `&{aws:username}` is the policy variable `${aws:username}`. `dynamic`
 * blocks add what is only known when Terraform runs: their statements make the document incomplete,
 * their principals and conditions make those elements open.
 */
export interface DataDocument {
  root: JsonNode;
  /** Why statements not written here may join the policy (dynamic statements, unresolved documents merged in). */
  incomplete?: string;
  /** Where statements merged in from elsewhere stand. */
  elsewhere: Span[];
  /** Every node of the tree that stands for HCL of this block (for the node under the cursor). */
  nodes: Node[];
}

/** The JSON element each argument of a `statement` block renders. */
const ELEMENTS: readonly [string, string][] = [
  ['sid', 'Sid'],
  ['effect', 'Effect'],
  ['actions', 'Action'],
  ['not_actions', 'NotAction'],
  ['resources', 'Resource'],
  ['not_resources', 'NotResource'],
];

/** Where the provider replaces `&{` by `${` (not in actions, sids, tests or variables). */
const VARIABLE_ELEMENTS = new Set(['Resource', 'NotResource']);

export function readDataDocument(block: Block, parts: TreeParts, merged: (attribute: Attribute) => MergedDocuments): DataDocument {
  const { text } = parts;
  const root = jsonNode('object', block.node.start, block.node.end, undefined);
  root.children = [];
  const anchor = childOf(block.node, 'block_start') ?? block.typeNode;
  const body = block.body;
  const reasons: string[] = [];

  const version = attributeOf(body, 'version', text);
  root.children.push(version ? fromAttribute(version, 'Version', root, parts) : defaultProperty('Version', '2012-10-17', anchor, root));
  const id = attributeOf(body, 'policy_id', text);
  if (id) root.children.push(fromAttribute(id, 'Id', root, parts));

  const statementBlocks = blocksOf(body, text);
  const own = statementBlocks.filter((b) => b.type === 'statement');
  const dynamic = statementBlocks.filter((b) => b.type === 'dynamic' && b.labels[0] === 'statement');
  const first = own[0]?.node ?? dynamic[0]?.node;
  const last = own[own.length - 1]?.node ?? first;
  const list = jsonNode('array', first?.start ?? anchor.start, last?.end ?? anchor.start, undefined);
  const statementKey = jsonNode('string', list.offset, list.offset, undefined, 'Statement');
  const statementProperty = jsonNode('property', list.offset, list.length, root);
  statementProperty.children = [statementKey, list];
  statementKey.parent = statementProperty;
  list.parent = statementProperty;
  list.children = own.map((statement) => readStatement(statement, list, parts));
  if (dynamic.length > 0) {
    parts.open.add(list);
    reasons.push('a dynamic "statement" block adds statements only known when Terraform runs');
  }
  if (hasErrorPart(body)) {
    parts.open.add(list);
    reasons.push('part of the block does not parse');
  }
  // The AWS provider 4's `source_json` and `override_json` merge one document each, the same way.
  const mergeWith = ['source_json', 'source_policy_documents', 'override_policy_documents', 'override_json'].flatMap((name) => {
    const attribute = attributeOf(body, name, text);
    return attribute ? [{ name, documents: merged(attribute) }] : [];
  });
  for (const { name, documents } of mergeWith) {
    if (documents.unresolved) reasons.push(`${name} merges in documents not found in this module`);
    if (name.startsWith('source')) mergeSource(list, documents.statements);
    else mergeOverride(list, documents.statements);
    if (documents.statements.length > 0 || documents.unresolved) parts.open.add(list);
  }
  root.children.push(statementProperty);

  const nodes: Node[] = [];
  const foreign = new Set(mergeWith.flatMap((m) => m.documents.statements));
  collect(root, nodes, foreign);
  const elsewhere = mergeWith.flatMap((m) => m.documents.spans);
  return { root, nodes, elsewhere, ...(reasons.length > 0 ? { incomplete: reasons.join('; ') } : {}) };
}

/** Statements merged in from other `aws_iam_policy_document`s, and whether some could not be found. */
export interface MergedDocuments {
  statements: JsonNode[];
  /** Where the merged documents are named (`data.aws_iam_policy_document.base.json`): their statements' nodes stand there. */
  spans: Span[];
  unresolved: boolean;
}

/** Source statements come first; a statement of this block with the same Sid takes its place. */
function mergeSource(list: JsonNode, sources: readonly JsonNode[]): void {
  const own = list.children ?? [];
  const result: JsonNode[] = [];
  const replaced = new Set<JsonNode>();
  for (const source of sources) {
    const sid = sidOf(source);
    const replacement = sid ? own.find((s) => sidOf(s) === sid) : undefined;
    if (replacement) replaced.add(replacement);
    result.push(replacement ?? source);
  }
  list.children = [...result, ...own.filter((s) => !replaced.has(s))];
}

/** Override statements come last; one with the Sid of an earlier statement replaces it in place. */
function mergeOverride(list: JsonNode, overrides: readonly JsonNode[]): void {
  const result = [...(list.children ?? [])];
  for (const override of overrides) {
    const sid = sidOf(override);
    const at = sid ? result.findIndex((s) => sidOf(s) === sid) : -1;
    if (at >= 0) result[at] = override;
    else result.push(override);
  }
  list.children = result;
}

function sidOf(statement: JsonNode): string | undefined {
  const sid = statement.children?.find((p) => p.children?.[0]?.value === 'Sid')?.children?.[1];
  const value = stringValue(sid);
  return value === '' ? undefined : value;
}

function collect(node: JsonNode, into: Node[], foreign: ReadonlySet<JsonNode>): void {
  if (foreign.has(node)) return;
  into.push(node);
  for (const child of node.children ?? []) collect(child, into, foreign);
}

function readStatement(block: Block, parent: JsonNode, parts: TreeParts): JsonNode {
  const { text } = parts;
  const statement = jsonNode('object', block.node.start, block.node.end, parent);
  statement.children = [];
  if (parts.broken && hasErrorPart(block.body, true)) parts.open.add(statement);
  const attributes = new Map(attributesOf(block.body, text).map((a) => [a.name, a]));
  for (const [argument, element] of ELEMENTS) {
    const attribute = attributes.get(argument);
    if (attribute) {
      const property = fromAttribute(attribute, element, statement, parts);
      if (VARIABLE_ELEMENTS.has(element)) policyVariables(property.children?.[1]);
      statement.children.push(property);
    } else if (element === 'Effect') {
      statement.children.push(defaultProperty('Effect', 'Allow', block.typeNode, statement));
    }
  }
  const nested = blocksOf(block.body, text);
  for (const [name, element] of [['principals', 'Principal'], ['not_principals', 'NotPrincipal']] as const) {
    const principal = readPrincipals(nested, name, element, statement, parts);
    if (principal) statement.children.push(principal);
  }
  const condition = readConditions(nested, statement, parts);
  if (condition) statement.children.push(condition);
  return statement;
}

/** `principals { type, identifiers }` blocks as one Principal (or NotPrincipal) element. */
function readPrincipals(nested: Block[], name: string, element: string, statement: JsonNode, parts: TreeParts): JsonNode | undefined {
  const blocks = nested.filter((b) => b.type === name);
  const dynamic = nested.filter((b) => b.type === 'dynamic' && b.labels[0] === name);
  if (blocks.length === 0 && dynamic.length === 0) return undefined;
  const all = [...blocks, ...dynamic].map((b) => b.node).sort((a, b) => a.start - b.start);
  const property = jsonNode('property', all[0].start, all[all.length - 1].end, statement);
  const key = jsonNode('string', blocks[0]?.typeNode.start ?? dynamic[0].typeNode.start, (blocks[0]?.typeNode ?? dynamic[0].typeNode).end, property, element);
  if (blocks.length === 0) {
    property.children = [key, unknownOf(dynamic[0].node, parts, property)];
    return property;
  }
  const read = blocks.map((b) => {
    const type = attributeOf(b.body, 'type', parts.text);
    const identifiers = attributeOf(b.body, 'identifiers', parts.text);
    return { block: b, type, identifiers };
  });
  const only = read.length === 1 && dynamic.length === 0 ? read[0] : undefined;
  if (only?.type && only.identifiers) {
    const type = valueOf(only.type.value, parts, undefined);
    const identifiers = valueOf(only.identifiers.value, parts, undefined);
    const items = identifiers.type === 'array' ? (identifiers.children ?? []) : [identifiers];
    if (type.value === '*' && items.length === 1 && items[0].value === '*' && !parts.unknown.has(items[0])) {
      // The provider writes "Principal": "*" for this one form.
      const star = items[0];
      star.parent = property;
      property.children = [key, star];
      return property;
    }
  }
  const object = jsonNode('object', property.offset, property.offset + property.length, property);
  object.children = [];
  const byType = new Map<string, JsonNode>();
  for (const { block, type, identifiers } of read) {
    if (!type || !identifiers) continue;
    const typeNode = valueOf(type.value, parts, undefined);
    const typeText = String(typeNode.value);
    const values = valueOf(identifiers.value, parts, undefined);
    policyVariables(values);
    let member = byType.get(typeText);
    if (!member) {
      member = jsonNode('property', block.node.start, block.node.end, object);
      typeNode.parent = member;
      const list = jsonNode('array', identifiers.value.start, identifiers.value.end, member);
      list.children = [];
      member.children = [typeNode, list];
      byType.set(typeText, member);
      object.children.push(member);
    }
    member.length = block.node.end - member.offset;
    appendValues(member.children?.[1] as JsonNode, values, parts);
  }
  if (dynamic.length > 0) parts.open.add(object);
  property.children = [key, object];
  return property;
}

/** `condition { test, variable, values }` blocks as one Condition element: by test, then by variable. */
function readConditions(nested: Block[], statement: JsonNode, parts: TreeParts): JsonNode | undefined {
  const blocks = nested.filter((b) => b.type === 'condition');
  const dynamic = nested.filter((b) => b.type === 'dynamic' && b.labels[0] === 'condition');
  if (blocks.length === 0 && dynamic.length === 0) return undefined;
  const all = [...blocks, ...dynamic].map((b) => b.node).sort((a, b) => a.start - b.start);
  const property = jsonNode('property', all[0].start, all[all.length - 1].end, statement);
  const key = jsonNode('string', all[0].start, all[0].start, property, 'Condition');
  if (blocks.length === 0) {
    property.children = [key, unknownOf(dynamic[0].node, parts, property)];
    return property;
  }
  const object = jsonNode('object', property.offset, property.offset + property.length, property);
  object.children = [];
  const operators = new Map<string, JsonNode>();
  for (const block of blocks) {
    const test = attributeOf(block.body, 'test', parts.text);
    const variable = attributeOf(block.body, 'variable', parts.text);
    const values = attributeOf(block.body, 'values', parts.text);
    if (!test || !variable || !values) continue;
    const testNode = valueOf(test.value, parts, undefined);
    let operator = operators.get(String(testNode.value));
    if (!operator) {
      operator = jsonNode('property', block.node.start, block.node.end, object);
      testNode.parent = operator;
      const keys = jsonNode('object', block.node.start, block.node.end, operator);
      keys.children = [];
      operator.children = [testNode, keys];
      operators.set(String(testNode.value), operator);
      object.children.push(operator);
    }
    operator.length = block.node.end - operator.offset;
    const keys = operator.children?.[1] as JsonNode;
    keys.length = block.node.end - keys.offset;
    const variableNode = valueOf(variable.value, parts, undefined);
    let entry = keys.children?.find((p) => p.children?.[0]?.value === variableNode.value);
    if (!entry) {
      entry = jsonNode('property', block.node.start, block.node.end, keys);
      variableNode.parent = entry;
      const list = jsonNode('array', values.value.start, values.value.end, entry);
      list.children = [];
      entry.children = [variableNode, list];
      keys.children?.push(entry);
    }
    entry.length = block.node.end - entry.offset;
    const read = valueOf(values.value, parts, undefined);
    policyVariables(read);
    appendValues(entry.children?.[1] as JsonNode, read, parts);
  }
  if (dynamic.length > 0) parts.open.add(object);
  property.children = [key, object];
  return property;
}

/** Adds a list's items (or a single or unknown value) to a merged list. */
function appendValues(list: JsonNode, values: JsonNode, parts: TreeParts): void {
  const items = values.type === 'array' ? (values.children ?? []) : [values];
  if (values.type === 'array' && parts.open.has(values)) parts.open.add(list);
  for (const item of items) {
    item.parent = list;
    list.children?.push(item);
  }
}

/** `name = value` as a property whose key is the argument's name and value its value. */
function fromAttribute(attribute: Attribute, element: string, parent: JsonNode, parts: TreeParts): JsonNode {
  const property = jsonNode('property', attribute.node.start, attribute.node.end, parent);
  const key = jsonNode('string', attribute.nameNode.start, attribute.nameNode.end, property, element);
  const value = valueOf(attribute.value, parts, property);
  property.children = [key, value];
  return property;
}

/** A value the provider writes when the block does not (`effect` Allow, `version` 2012-10-17): empty spans at the block. */
function defaultProperty(element: string, value: string, at: HclNode, parent: JsonNode): JsonNode {
  const property = jsonNode('property', at.start, at.start, parent);
  property.children = [jsonNode('string', at.start, at.start, property, element), jsonNode('string', at.start, at.start, property, value)];
  return property;
}

/** `&{aws:username}` is how a data source writes the policy variable `${aws:username}`. */
function policyVariables(node: JsonNode | undefined): void {
  for (const item of node?.type === 'array' ? (node.children ?? []) : node ? [node] : []) {
    if (item.type === 'string' && typeof item.value === 'string' && item.value.includes('&{')) item.value = item.value.replace(/&\{/g, '${');
  }
}
