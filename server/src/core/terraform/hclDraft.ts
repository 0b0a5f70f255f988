import { getNodePath, type Node } from 'jsonc-parser';
import { lineIndent } from '../fixes/jsonEdit';
import type { TextEdit } from '../fixes/quickFix';
import type { PolicyDraft, PolicyUnit } from '../host/types';
import { nodeAtPath, type JsonPath } from '../jsonTree';
import { minimalEdit } from '../textDiff';
import { isIdentifier, quoteHcl } from './strings';
import { ancestor, attributeOf, childOf, childrenOf, nodeAtOffset, type HclNode } from './syntax';

/** A unit as a draft step re-reads it, with the HCL it was read from (the `jsonencode` argument, or the data block). */
export interface ReadUnit {
  unit: PolicyUnit;
  hcl: HclNode;
}

/** HCL for a JSON value on one line: `{ StringEquals = { "sts:ExternalId" = "..." } }`, `["a", "b"]`. */
export function hclValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(hclValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).map(([k, v]) => `${hclKey(k)} = ${hclValue(v)}`);
    return members.length === 0 ? '{}' : `{ ${members.join(', ')} }`;
  }
  if (typeof value === 'string') return quoteHcl(value);
  return JSON.stringify(value);
}

/** An object key: bare when it is an identifier (`Condition`), quoted otherwise (`"sts:ExternalId"`). */
export function hclKey(key: string): string {
  return isIdentifier(key) ? key : quoteHcl(key);
}

/**
 * The shared part of the Terraform drafts: the text, re-read after each step (offsets never have
 * to agree between steps), and one edit from the original text at the end.
 */
abstract class HclDraft implements PolicyDraft {
  text: string;
  protected current: ReadUnit | undefined;

  constructor(
    private readonly original: string,
    private readonly reread: (text: string) => ReadUnit | undefined,
  ) {
    this.text = original;
    this.current = reread(original);
  }

  protected get root(): Node | undefined {
    return this.current?.unit.root;
  }

  node(path: JsonPath): Node | undefined {
    return nodeAtPath(this.root, path);
  }

  protected apply(...edits: TextEdit[]): void {
    for (const e of [...edits].sort((a, b) => b.offset - a.offset)) this.text = this.text.slice(0, e.offset) + e.newText + this.text.slice(e.offset + e.length);
    this.current = this.reread(this.text);
  }

  /** The HCL node of exactly this span (the policy's nodes point at the HCL they came from). */
  protected hclAt(span: { offset: number; length: number }, type?: string): HclNode | undefined {
    const hcl = this.current?.hcl;
    if (!hcl) return undefined;
    let node: HclNode | undefined = nodeAtOffset(hcl, span.offset + Math.min(1, span.length));
    while (node && !(node.start === span.offset && node.end === span.offset + span.length && (!type || node.type === type))) node = node.parent;
    return node;
  }

  replace(node: Node, value: unknown): boolean {
    this.apply({ offset: node.offset, length: node.length, newText: hclValue(value) });
    return true;
  }

  setMember(path: JsonPath, key: string, value: unknown): boolean {
    const existing = this.node([...path, key]);
    return existing ? this.replace(existing, value) : this.insertMember(path, key, value);
  }

  /** Removes an item of an HCL list with its comma, and its line when it is alone on it. */
  protected removeItem(item: HclNode): boolean {
    const tuple = item.parent?.type === 'tuple' ? item.parent : undefined;
    if (!tuple) return false;
    const items = childrenOf(tuple, 'expression');
    const index = items.indexOf(item);
    if (index < 0) return false;
    const comma = tuple.children[tuple.children.indexOf(item) + 1];
    if (index < items.length - 1 || comma?.type === ',') {
      const end = comma?.type === ',' ? comma.end : item.end;
      this.apply(wholeLines(this.text, item.start, end) ?? { offset: item.start, length: (items[index + 1]?.start ?? end) - item.start, newText: '' });
    } else {
      const previous = items[index - 1];
      const from = previous ? previous.end : item.start;
      this.apply(wholeLines(this.text, item.start, item.end) ?? { offset: from, length: item.end - from, newText: '' });
      // The comma after the previous item (now the last) may stay: HCL allows it.
    }
    return true;
  }

  appendItem(path: JsonPath, value: unknown): boolean {
    const list = this.node(path);
    const tuple = list && this.hclAt(list, 'tuple');
    return !!tuple && this.appendTo(tuple, value);
  }

  /** Removes the HCL list item a policy list item was read from (a `concat(...)` argument's item too). */
  protected removeListItem(node: Node): void {
    const item = this.hclAt(node);
    const expression = item && ancestor(item, 'expression');
    if (expression) this.removeItem(expression.parent?.type === 'tuple' ? expression : (ancestor(expression.parent, 'expression') ?? expression));
  }

  /** Removes text from `start` to `end`, with its lines when nothing else is on them. */
  protected removeText(start: number, end: number): void {
    this.apply(wholeLines(this.text, start, end) ?? { offset: start, length: end - start, newText: '' });
  }

  /** Appends to an HCL list, on its own line when the list is one item per line. */
  private appendTo(tuple: HclNode, value: unknown): boolean {
    const items = childrenOf(tuple, 'expression');
    const last = items[items.length - 1];
    const rendered = hclValue(value);
    if (!last) {
      const open = childOf(tuple, 'tuple_start') ?? tuple;
      this.apply({ offset: open.end, length: 0, newText: rendered });
      return true;
    }
    const comma = tuple.children[tuple.children.indexOf(last) + 1];
    const indent = lineIndent(this.text, last.start);
    if (indent !== undefined && this.text.slice(tuple.start, last.start).includes('\n')) {
      const after = comma?.type === ',' ? comma.end : last.end;
      this.apply({ offset: after, length: 0, newText: `${comma?.type === ',' ? '' : ','}${eolOf(this.text)}${indent}${rendered}${comma?.type === ',' ? ',' : ''}` });
    } else {
      this.apply({ offset: last.end, length: 0, newText: `, ${rendered}` });
    }
    return true;
  }

  edit(): TextEdit {
    return minimalEdit(this.original, this.text);
  }

  abstract insertMember(path: JsonPath, key: string, value: unknown): boolean;
  abstract removeEntry(node: Node): void;
  abstract renameKey(path: JsonPath, newKey: string): boolean;
}

/**
 * A `jsonencode({...})` policy edited through its JSON paths: members are written `Key = value`,
 * on a line of their own (aligned on `=` like their siblings) when the object is one member per line.
 */
export class ObjectDraft extends HclDraft {
  insertMember(path: JsonPath, key: string, value: unknown): boolean {
    const object = this.node(path);
    const hcl = object && this.hclAt(object, 'object');
    if (!object || object.type !== 'object' || !hcl) return false;
    const members = childrenOf(hcl, 'object_elem');
    const last = members[members.length - 1];
    if (!last) {
      const open = childOf(hcl, 'object_start') ?? hcl;
      const close = childOf(hcl, 'object_end') ?? hcl;
      this.apply({ offset: open.end, length: close.start - open.end, newText: ` ${hclKey(key)} = ${hclValue(value)} ` });
      return true;
    }
    const indent = lineIndent(this.text, last.start);
    if (indent === undefined || !this.text.slice(hcl.start, last.start).includes('\n')) {
      this.apply({ offset: last.end, length: 0, newText: `, ${hclKey(key)} = ${hclValue(value)}` });
      return true;
    }
    const comma = hcl.children[hcl.children.indexOf(last) + 1];
    // Members written with commas at their ends get one before the new member, and keep the style.
    const withCommas = comma?.type === ',' || members.slice(0, -1).some((m) => hcl.children[hcl.children.indexOf(m) + 1]?.type === ',');
    const at = comma?.type === ',' ? comma.end : last.end;
    const lead = withCommas && comma?.type !== ',' ? ',' : '';
    this.apply({ offset: at, length: 0, newText: `${lead}${eolOf(this.text)}${indent}${alignedKey(last, key)} = ${hclValue(value)}${withCommas && comma?.type === ',' ? ',' : ''}` });
    return true;
  }

  removeEntry(node: Node): void {
    const entry = node.parent?.type === 'property' ? node.parent : node;
    if (entry.type === 'property') {
      const element = this.hclAt(entry, 'object_elem');
      if (!element?.parent) return;
      const comma = element.parent.children[element.parent.children.indexOf(element) + 1];
      this.removeText(element.start, comma?.type === ',' ? comma.end : element.end);
      return;
    }
    this.removeListItem(node);
  }

  renameKey(path: JsonPath, newKey: string): boolean {
    const key = this.node(path)?.parent?.children?.[0];
    if (!key) return false;
    this.apply({ offset: key.offset, length: key.length, newText: hclKey(newKey) });
    return true;
  }
}

/**
 * An `aws_iam_policy_document` edited through the policy it renders: a new Condition entry is a new
 * `condition { test, variable, values }` block in its statement, an operator renamed is each block's
 * `test`, a removed element is its argument, a removed value an item of its list.
 */
export class DataDraft extends HclDraft {
  insertMember(path: JsonPath, key: string, value: unknown): boolean {
    const [first, index, element] = path;
    if (first !== 'Statement' || typeof index !== 'number') return false;
    if (path.length === 2 && key === 'Condition') return this.addConditions(index, value);
    if (path.length === 3 && element === 'Condition') return this.addConditions(index, { [key]: value });
    return false;
  }

  override setMember(path: JsonPath, key: string, value: unknown): boolean {
    const [, index, element, operator] = path;
    if (path.length === 4 && element === 'Condition' && typeof index === 'number' && typeof operator === 'string') {
      const blocks = this.conditionBlocks(index, operator, key);
      const values = blocks[0] && argumentOf(blocks[0], 'values', this.text);
      if (values) {
        this.apply({ offset: values.start, length: values.end - values.start, newText: hclValue([value].flat()) });
        // The other blocks with this test and key added values of their own: the one set replaces them.
        for (const block of this.conditionBlocks(index, operator, key).slice(1).reverse()) this.removeBlock(block);
        return true;
      }
      return this.addConditions(index, { [operator]: { [key]: value } });
    }
    return super.setMember(path, key, value);
  }

  removeEntry(node: Node): void {
    if (node.parent?.type === 'array') {
      this.removeListItem(node);
      return;
    }
    if (node.parent?.type !== 'property') return;
    const path = getNodePath(node);
    const [, index, element, operator, variable] = path;
    if (typeof index !== 'number') return;
    if (element === 'Condition' && typeof operator === 'string') {
      // An operator (every block with that test), or one key of it (the blocks with that test and variable).
      const blocks = this.conditionBlocks(index, operator, typeof variable === 'string' ? variable : undefined);
      for (const block of blocks.reverse()) this.removeBlock(block);
    } else if (path.length === 3) {
      // A statement element: its argument (`resources = [...]`).
      const statement = this.statementBlock(index);
      const argument = statement && childrenOf(childOf(statement, 'body'), 'attribute').find((a) => a.start <= node.offset && node.offset + node.length <= a.end);
      if (argument) this.removeText(argument.start, argument.end);
    }
  }

  renameKey(path: JsonPath, newKey: string): boolean {
    const [, index, element, operator] = path;
    if (path.length !== 4 || element !== 'Condition' || typeof index !== 'number' || typeof operator !== 'string') return false;
    const tests = this.conditionBlocks(index, operator).flatMap((b) => argumentOf(b, 'test', this.text) ?? []);
    if (tests.length === 0) return false;
    this.apply(...tests.map((t) => ({ offset: t.start, length: t.end - t.start, newText: quoteHcl(newKey) })));
    return true;
  }

  /** `condition` blocks at the end of a statement block, one per operator and key. */
  private addConditions(index: number, value: unknown): boolean {
    const statement = this.statementBlock(index);
    const body = childOf(statement, 'body');
    if (!statement || value === null || typeof value !== 'object') return false;
    const lastChild = body?.children[body.children.length - 1];
    const close = childOf(statement, 'block_end');
    if (!close) return false;
    const outer = lineIndent(this.text, statement.start) ?? '';
    const inner = (lastChild && lineIndent(this.text, lastChild.start)) ?? `${outer}  `;
    const unit = inner.slice(outer.length) || '  ';
    const eol = eolOf(this.text);
    const blocks: string[] = [];
    for (const [operator, keys] of Object.entries(value as Record<string, unknown>)) {
      if (keys === null || typeof keys !== 'object') return false;
      for (const [key, values] of Object.entries(keys as Record<string, unknown>)) {
        blocks.push(
          [`${inner}condition {`, `${inner}${unit}test     = ${quoteHcl(operator)}`, `${inner}${unit}variable = ${quoteHcl(key)}`, `${inner}${unit}values   = ${hclValue([values].flat())}`, `${inner}}`].join(eol),
        );
      }
    }
    const at = lastChild ? lastChild.end : (childOf(statement, 'block_start')?.end ?? close.start);
    this.apply({ offset: at, length: 0, newText: `${eol}${lastChild ? eol : ''}${blocks.join(`${eol}${eol}`)}${lastChild ? '' : `${eol}${outer}`}` });
    return true;
  }

  /** The `statement` block of the policy's statement at `index`. */
  private statementBlock(index: number): HclNode | undefined {
    const statement = this.node(['Statement', index]);
    return statement && this.hclAt(statement, 'block');
  }

  /** The `condition` blocks of a statement with a test (and a variable). */
  private conditionBlocks(index: number, test: string, variable?: string): HclNode[] {
    const body = childOf(this.statementBlock(index), 'body');
    return childrenOf(body, 'block').filter((block) => {
      if (this.text.slice(block.children[0].start, block.children[0].end) !== 'condition') return false;
      const same = (name: string, wanted: string) => {
        const argument = argumentOf(block, name, this.text);
        return argument !== undefined && this.text.slice(argument.start, argument.end).trim() === quoteHcl(wanted);
      };
      return same('test', test) && (variable === undefined || same('variable', variable));
    });
  }

  private removeBlock(block: HclNode): void {
    const lines = wholeLines(this.text, block.start, block.end);
    if (!lines) {
      this.removeText(block.start, block.end);
      return;
    }
    // A blank line left between two blocks goes too.
    const after = this.text.slice(lines.offset + lines.length);
    const blank = /^[ \t]*\r?\n/.exec(after);
    const before = this.text.slice(0, lines.offset);
    this.apply(blank && /\n[ \t]*\r?\n$/.test(before) ? { offset: lines.offset, length: lines.length + blank[0].length, newText: '' } : lines);
  }
}

/** The expression of a block's argument. */
function argumentOf(block: HclNode, name: string, text: string): HclNode | undefined {
  return attributeOf(childOf(block, 'body'), name, text)?.value;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The edit that removes whole lines from `start` to `end`, when nothing else is on them. */
function wholeLines(text: string, start: number, end: number): TextEdit | undefined {
  const indent = lineIndent(text, start);
  const rest = /^[ \t]*(#[^\n]*|\/\/[^\n]*)?\r?\n/.exec(text.slice(end));
  if (indent === undefined || !rest || rest[1]) return undefined;
  const from = start - indent.length;
  return { offset: from, length: end + rest[0].length - from, newText: '' };
}

/** A key padded so that its `=` lines up with the previous member's, as `terraform fmt` writes them. */
function alignedKey(previous: HclNode, key: string): string {
  const written = hclKey(key);
  const equals = previous.children.find((c) => c.type === '=' || c.type === ':');
  const keyNode = previous.children.find((c) => c.field === 'key');
  if (!equals || !keyNode) return written;
  const width = equals.start - keyNode.start - 1;
  return written.length < width ? written.padEnd(width) : written;
}
