import { findNodeAtOffset, type Node } from 'jsonc-parser';
import { guessKind } from '../classify';
import type { PolicyUnit, UnitOwner, UnitSyntax } from '../host/types';
import { toValue } from '../jsonTree';
import { readPolicy } from '../policyModel';
import type { PolicyKind, Span } from '../types';
import { readDataDocument, type MergedDocuments } from './dataDocument';
import { readHeredoc } from './heredoc';
import { documentReference, ownerOf, policyPlaces, type ModuleFacts } from './module';
import { NOT_IAM_RESOURCES } from './places';
import { dataSyntax, objectSyntax, type Reread } from './hclSyntax';
import { attributesOf, functionCall, referenceOf, unwrap, type Attribute, type Block, type HclNode } from './syntax';
import { READ_ONLY_SYNTAX } from './versions';
import { hasErrorPart, hclProblems, jsonNode, valueOf, type JsonNode, type TreeParts } from './values';

/** The policies one block gave, and the files it gave a kind. */
export interface BlockUnits {
  units: PolicyUnit[];
  /** The HCL each unit was read from, by unit id. */
  hcl: Map<string, HclNode>;
  /** For a data document: its statements for merges elsewhere. */
  document?: { name: string; statements: unknown[]; complete: boolean };
}

/** Builds the units of one file, given the module's facts. */
export class UnitBuilder {
  readonly units: PolicyUnit[] = [];
  /** The HCL each unit of this file was read from: the `jsonencode` argument or the data block. */
  readonly hcl = new Map<string, HclNode>();
  private readonly ids = new Set<string>();
  private readonly dataBlocks: Block[] = [];
  private readonly pendingLocals: { name: string; attribute: Attribute; block: Block }[] = [];
  /** What each block gave, for the next version. */
  readonly byBlock = new Map<Block, BlockUnits>();
  /** The block being read: what `add` and file kinds are recorded under. */
  private current: BlockUnits | undefined;

  constructor(
    private readonly text: string,
    private readonly facts: ModuleFacts,
    private readonly reread: Reread,
    /** The previous version's units of a block the edit did not touch, moved; undefined to read it. */
    private readonly reused: (block: Block) => BlockUnits | undefined,
  ) {}

  /** Starts recording what a block gives; false when the previous version's units were taken instead. */
  private enter(block: Block): boolean {
    const before = this.reusable(block) ? this.reused(block) : undefined;
    if (before) {
      this.byBlock.set(block, before);
      for (const unit of before.units) {
        this.ids.add(unit.id);
        this.units.push(unit);
      }
      for (const [id, node] of before.hcl) this.hcl.set(id, node);
      return false;
    }
    this.current = { units: [], hcl: new Map() };
    this.byBlock.set(block, this.current);
    return true;
  }

  /**
   * Blocks whose policies depend on nothing but themselves and the module's facts. Heredocs keep
   * the text they were read from; merged documents depend on the documents they merge.
   */
  private reusable(block: Block): boolean {
    const source = this.text.slice(block.node.start, block.node.end);
    return !/<<|source_policy_documents|override_policy_documents|source_json|override_json/.test(source);
  }

  readBlock(block: Block): void {
    const [type, name] = block.labels;
    if (!block.body) return;
    if (block.type === 'data' && type === 'aws_iam_policy_document' && name) {
      this.dataBlocks.push(block);
      return;
    }
    if (block.type === 'locals') {
      for (const attribute of attributesOf(block.body, this.text)) this.pendingLocals.push({ name: attribute.name, attribute, block });
      return;
    }
    if (!this.enter(block)) return;
    if (block.type === 'resource' && type && NOT_IAM_RESOURCES.has(type)) return;
    const placed = new Set<HclNode>();
    for (const place of policyPlaces(block, this.text)) {
      placed.add(place.attribute.node);
      const owner = ownerOf(block, this.facts, this.text, place.nested);
      const id = `${type}.${name}.${place.nested ? `${place.nested.type}[${place.index ?? 0}].` : ''}${place.attribute.name}`;
      this.readValue(place.attribute, id, { kind: place.kind, owner });
    }
    // Policies in other places (a module argument, an output, a resource we do not know): by content.
    const prefix = block.type === 'resource' ? `${type}.${name}` : [block.type, ...block.labels].join('.');
    for (const attribute of attributesOf(block.body, this.text)) {
      if (!placed.has(attribute.node)) this.readValue(attribute, `${prefix}.${attribute.name}`, undefined);
    }
  }

  /** A policy-bearing value: `jsonencode({...})`, a heredoc, a reference to a document, or `file("x.json")`. */
  private readValue(attribute: Attribute, id: string, place: { kind: PolicyKind; owner: UnitOwner } | undefined): void {
    const value = unwrap(attribute.value);
    if (!value) return;
    const call = functionCall(value, this.text);
    const inner = call?.name === 'jsonencode' ? unwrap(call.args[0]) : undefined;
    if (inner?.type === 'object') this.addObject(inner, id, place);
    else if (value.type === 'heredoc_template') this.addHeredoc(value, id, place);
    else if (call?.name === 'jsonencode' && place && hasErrorPart(value)) this.addUnreadable(value, id, place);
  }

  /**
   * A policy in a place that holds one, whose HCL does not parse enough to read it (`jsonencode(` with
   * its argument in error): its syntax errors are reported there, and nothing else (what it says is unknown).
   */
  private addUnreadable(value: HclNode, id: string, place: { kind: PolicyKind; owner: UnitOwner }): void {
    this.add({
      id,
      root: undefined,
      span: { offset: value.start, length: value.end - value.start },
      parts: this.parts(value),
      place,
      syntax: READ_ONLY_SYNTAX,
      hcl: value,
      incomplete: 'the policy does not parse',
      nodeAt: () => undefined,
    });
  }

  private addObject(object: HclNode, id: string, place: { kind: PolicyKind; owner: UnitOwner } | undefined): void {
    const parts = this.parts(object);
    const root = valueOf(object, parts, undefined);
    if (!place && !hasStatement(root)) return;
    this.add({
      id,
      root,
      span: { offset: object.start, length: object.end - object.start },
      parts,
      place,
      syntax: objectSyntax(object, this.reread),
      hcl: object,
      nodeAt: treeNodeAt(root),
    });
  }

  private addHeredoc(heredoc: HclNode, id: string, place: { kind: PolicyKind; owner: UnitOwner } | undefined): void {
    const read = readHeredoc(heredoc, this.text);
    if (!read || (!place && !read.hasTopLevelStatement)) return;
    const root = read.root;
    const parts: TreeParts = { text: this.text, unknown: read.unknown, open: new Set(), problems: read.syntaxProblems };
    this.add({
      id,
      root,
      span: read.span,
      parts,
      place,
      syntax: read.syntax,
      hcl: heredoc,
      tooDeep: read.tooDeep,
      hasTopLevelStatement: read.hasTopLevelStatement,
      incomplete: read.incomplete,
      policyText: textOf(this.text, read.span),
      nodeAt: treeNodeAt(root),
    });
  }

  /** Locals and data documents: their kind comes from where the module uses them, so they are read last. */
  resolveDocuments(documents: ModuleFacts['documents']): void {
    let localsBlock: Block | undefined;
    let reading = false;
    for (const { name, attribute, block } of this.pendingLocals) {
      if (block !== localsBlock) {
        localsBlock = block;
        reading = this.enter(block);
      }
      if (!reading) continue;
      const use = this.useOf(`local.${name}`);
      const value = unwrap(attribute.value);
      if (value?.type === 'object') this.addObject(value, `local.${name}`, use);
      else this.readValue(attribute, `local.${name}`, use);
    }
    const byName = new Map(this.dataBlocks.map((b) => [b.labels[1] ?? '', b]));
    for (const block of this.dataBlocks) {
      const name = block.labels[1] ?? '';
      if (!this.enter(block)) {
        const before = this.byBlock.get(block)?.document;
        if (before) documents[name] = { statements: before.statements, complete: before.complete };
        continue;
      }
      const parts = this.parts(block.node);
      const read = readDataDocument(block, parts, (attribute) => this.merged(attribute, byName));
      const nodes = read.nodes;
      const id = `data.aws_iam_policy_document.${name}`;
      const place = this.useOf(id);
      const statements = statementsOf(read.root);
      documents[name] = { statements, complete: !read.incomplete };
      if (this.current) this.current.document = { name, ...documents[name] };
      // `data "aws_iam_policy_document" "empty" {}`: a no-op piece for merges; only a policy where it is used as one.
      if (!place && !read.incomplete && statements.length === 0) continue;
      this.add({
        id,
        root: read.root,
        span: { offset: block.node.start, length: block.node.end - block.node.start },
        parts,
        place,
        syntax: dataSyntax(block.node, this.reread),
        hcl: block.node,
        incomplete: read.incomplete,
        elsewhere: read.elsewhere,
        nodeAt: listNodeAt(nodes),
      });
    }
  }

  /** The statements of the documents an attribute merges in (`[data.aws_iam_policy_document.base.json]`), as foreign nodes. */
  private merged(attribute: Attribute, here: ReadonlyMap<string, Block>): MergedDocuments {
    const list = unwrap(attribute.value);
    const items = list?.type === 'tuple' ? list.children.filter((c) => c.type === 'expression') : [attribute.value];
    const statements: JsonNode[] = [];
    const spans: Span[] = [];
    let unresolved = list?.type !== 'tuple' && list !== undefined && documentReference(attribute.value, this.text) === undefined;
    for (const item of items) {
      const target = referenceOf(item, this.text);
      const name = target?.[0] === 'data' && target[1] === 'aws_iam_policy_document' ? target[2] : undefined;
      const known = name !== undefined ? (this.facts.documents[name] ?? (here.has(name) ? this.renderLocal(here.get(name) as Block) : undefined)) : undefined;
      if (!known) {
        unresolved = true;
        continue;
      }
      if (!known.complete) unresolved = true;
      spans.push({ offset: item.start, length: item.end - item.start });
      for (const statement of known.statements) statements.push(foreignNode(statement, item, undefined));
    }
    return { statements, spans, unresolved };
  }

  /** A document of this file merged into another: its statements as JSON (its own merges are not followed further). */
  private renderLocal(block: Block): { statements: unknown[]; complete: boolean } {
    const read = readDataDocument(block, this.parts(block.node), () => ({ statements: [], spans: [], unresolved: true }));
    return { statements: statementsOf(read.root), complete: !read.incomplete };
  }

  /**
   * Where the module uses a document: its kind (a trust policy where any role uses it as one), and
   * whose it is, all of them (one trust document often serves several roles).
   */
  private useOf(target: string): { kind: PolicyKind; owner: UnitOwner } | undefined {
    const uses = this.facts.uses.filter((u) => u.target === target);
    if (uses.length === 0) return undefined;
    const kind = uses.find((u) => u.kind === 'trust')?.kind ?? uses[0].kind;
    const owners = uses.filter((u) => u.kind === kind).map((u) => u.owner ?? { label: target });
    const roles = [...new Set(owners.flatMap((o) => (o.role === undefined ? [] : [o.role])))];
    const attached = [...new Set(owners.flatMap((o) => o.attachedTo ?? []))];
    const owner: UnitOwner = {
      label: [...new Set(owners.map((o) => o.label))].join(', '),
      ...(roles.length > 0 ? { role: roles[0] } : {}),
      ...(roles.length > 1 ? { roles } : {}),
      ...(attached.length > 0 ? { attachedTo: attached } : {}),
    };
    return { kind, owner };
  }

  /** What a tree read from this HCL is built into. */
  private parts(hcl: HclNode): TreeParts {
    return { text: this.text, unknown: new Set(), open: new Set(), problems: [], broken: hasErrorPart(hcl, true) };
  }

  private add(spec: {
    id: string;
    root: Node | undefined;
    span: Span;
    parts: TreeParts;
    place: { kind: PolicyKind; owner: UnitOwner } | undefined;
    syntax: UnitSyntax;
    nodeAt: PolicyUnit['nodeAt'];
    tooDeep?: Span;
    hasTopLevelStatement?: boolean;
    incomplete?: string;
    elsewhere?: Span[];
    policyText?: () => string;
    /** The HCL the unit is read from (drafts find their way in it). */
    hcl: HclNode;
  }): void {
    let id = spec.id;
    for (let n = 2; this.ids.has(id); n++) id = `${spec.id}#${n}`;
    this.ids.add(id);
    const root = spec.root;
    // Found by its content alone: only what reads as an IAM policy (not an SNS data protection policy).
    if (!spec.place && !looksLikeIamPolicy(root)) return;
    const kind = spec.place?.kind ?? (root ? kindByContent(root, spec.id) : undefined);
    const label = spec.place?.owner.label ?? spec.id;
    this.hcl.set(id, spec.hcl);
    this.current?.hcl.set(id, spec.hcl);
    // Errors in the HCL of a jsonencode argument or a data block (a heredoc's are JSON's, found by its parser).
    const problems = spec.hcl.type === 'heredoc_template' ? spec.parts.problems : [...spec.parts.problems, ...hclProblems(spec.hcl, this.text)];
    const unit: PolicyUnit = {
      id,
      text: this.text,
      root,
      span: spec.span,
      syntaxProblems: problems,
      ...(spec.tooDeep ? { tooDeep: spec.tooDeep } : {}),
      hasTopLevelStatement: spec.hasTopLevelStatement ?? hasStatement(root),
      ...(kind ? { kind, kindReason: spec.place ? 'place' : 'content' } : {}),
      unknown: spec.parts.unknown,
      open: spec.parts.open,
      ...(spec.incomplete ? { incomplete: spec.incomplete } : {}),
      ...(spec.elsewhere?.length ? { elsewhere: spec.elsewhere } : {}),
      owner: { ...spec.place?.owner, label },
      policyText: spec.policyText ?? renderedText(root),
      resolve: resolverOf(this.facts.values),
      syntax: spec.syntax,
      nodeAt: spec.nodeAt,
    };
    this.units.push(unit);
    this.current?.units.push(unit);
  }
}

/*
 * Units outlive their builder and the parse that made them (the next version reuses those of blocks an
 * edit did not touch), so what they hold is made here, outside any closure that sees the builder or
 * the previous version: a closure keeps its whole scope alive, and versions would chain.
 */

/**
 * `${aws_iam_role.audit.arn}`, `${var.auditors_account_id}`: what the module says they are (the
 * ARN of its role, a variable's default), for the trust graph; undefined when it says nothing.
 */
function resolverOf(values: ModuleFacts['values']): (value: string) => string | undefined {
  return (value) => {
    let known = false;
    const resolved = value.replace(/\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g, (reference, name: string) => {
      if (!Object.hasOwn(values, name)) return reference;
      known = true;
      return values[name];
    });
    return known ? resolved : undefined;
  };
}

/** The node at an offset of a tree whose nodes nest by position (JSON, jsonencode). */
function treeNodeAt(root: Node | undefined): PolicyUnit['nodeAt'] {
  return (offset, includeRightBound) => (root ? findNodeAtOffset(root, offset, includeRightBound) : undefined);
}

/** The node at an offset among a data document's nodes (see `innermost`). */
function listNodeAt(nodes: readonly Node[]): PolicyUnit['nodeAt'] {
  return (offset, includeRightBound) => innermost(nodes, offset, includeRightBound);
}

/** A policy's JSON text, rendered when asked (for the size quota). */
function renderedText(root: Node | undefined): () => string {
  return () => JSON.stringify(toValue(root));
}

/** The text of a span, read when asked. */
function textOf(text: string, span: Span): () => string {
  return () => text.slice(span.offset, span.offset + span.length);
}

/** A document named for a role's trust (`assume_role`, `github_trust`, `assume_role_policy`), not `trusted_*`. */
const TRUST_NAME = /(^|[._-])(trust(?!ed)|assume[_-]?role)[^.]*$/i;

/**
 * The kind of a policy no place gives one: its content's. A statement with principals reads as a
 * resource policy unless an sts action shows a trust policy; where the actions are only known when
 * Terraform runs (`actions = [var.assume_role_action]`), a name like `assume_role` tells.
 */
function kindByContent(root: Node, id: string): PolicyKind {
  const kind = guessKind({ root });
  return kind === 'resource' && TRUST_NAME.test(id) ? 'trust' : kind;
}

/** Only Version (of IAM's two), Id and Statement at the top, and a statement with an Effect or an Action. */
function looksLikeIamPolicy(root: Node | undefined): boolean {
  if (root?.type !== 'object' || !hasStatement(root)) return false;
  const keys = (root.children ?? []).map((p): unknown => p.children?.[0]?.value);
  if (!keys.every((k) => k === 'Version' || k === 'Id' || k === 'Statement')) return false;
  const version: unknown = root.children?.find((p) => p.children?.[0]?.value === 'Version')?.children?.[1]?.value;
  if (version !== undefined && version !== '2012-10-17' && version !== '2008-10-17') return false;
  const statements = readPolicy(root).statements;
  return statements.length === 0 || statements.some((s) => s.node.children?.some((p) => ['Effect', 'Action', 'NotAction'].includes(String(p.children?.[0]?.value))));
}

function hasStatement(root: Node | undefined): boolean {
  return root?.type === 'object' && !!root.children?.some((p) => p.children?.[0]?.value === 'Statement');
}

function statementsOf(root: Node): unknown[] {
  return readPolicy(root).statements.map((s) => toValue(s.node));
}

/** A plain JSON value as a tree whose every node stands at `at` (a statement merged in from another document). */
function foreignNode(value: unknown, at: HclNode, parent: JsonNode | undefined): JsonNode {
  if (Array.isArray(value)) {
    const array = jsonNode('array', at.start, at.end, parent);
    array.children = value.map((v) => foreignNode(v, at, array));
    return array;
  }
  if (value !== null && typeof value === 'object') {
    const object = jsonNode('object', at.start, at.end, parent);
    object.children = Object.entries(value).map(([k, v]) => {
      const property = jsonNode('property', at.start, at.end, object);
      property.children = [jsonNode('string', at.start, at.end, property, k), foreignNode(v, at, property)];
      return property;
    });
    return object;
  }
  const type = typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'null';
  return jsonNode(type, at.start, at.end, parent, value);
}

/** The smallest node containing an offset (a data document's nodes do not nest by position). */
function innermost(nodes: readonly Node[], offset: number, includeRightBound = false): Node | undefined {
  let best: Node | undefined;
  for (const node of nodes) {
    const end = node.offset + node.length;
    if (offset < node.offset || offset > end || (offset === end && !includeRightBound && node.length > 0)) continue;
    if (node.length === 0 && offset !== node.offset) continue;
    if (!best || node.length < best.length || (node.length === best.length && depth(node) > depth(best))) best = node;
  }
  return best;
}

function depth(node: Node): number {
  let d = 0;
  for (let n = node.parent; n; n = n.parent) d++;
  return d;
}
