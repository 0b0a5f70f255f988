import type { UnitOwner } from '../host/types';
import type { PolicyKind } from '../types';
import { ATTACHMENTS, INLINE_OWNERS, kindOfArgument, kindOfNestedArgument, NOT_IAM_RESOURCES } from './places';
import { attributeOf, attributesOf, blocksOf, functionCall, referenceOf, unwrap, type Attribute, type Block, type HclNode } from './syntax';

/**
 * What one file of a Terraform module tells the others: where it uses policy documents (an
 * `assume_role_policy = data.aws_iam_policy_document.x.json` makes `x` a trust policy wherever it is
 * written), the roles it names, the policies it attaches, and the documents it defines (for
 * `source_policy_documents` elsewhere). Plain data: the server and the CLI pass each file the facts
 * of its module's other files.
 */
export interface ModuleFacts {
  /** `data.aws_iam_policy_document.NAME` (`document`) or `local.NAME` used where a place gives a kind. */
  uses: DocumentUse[];
  /** `aws_iam_role` resource name -> the role's name. */
  roles: Record<string, string>;
  users: Record<string, string>;
  groups: Record<string, string>;
  /** `aws_iam_policy` resource name -> what it is attached to (`role:NAME`, `user:NAME`, `group:NAME`). */
  attachments: Record<string, string[]>;
  /** The statements of each `aws_iam_policy_document` defined here, as JSON values, for merges elsewhere. */
  documents: Record<string, { statements: unknown[]; complete: boolean }>;
  /**
   * What references stand for, where the module says: `var.NAME` with a literal default, the ARN
   * of a role or an OIDC provider it creates. For the trust graph's picture only: a variable may be
   * given another value when Terraform runs, so no rule reads these.
   */
  values: Record<string, string>;
}

export interface DocumentUse {
  /** `data.aws_iam_policy_document.NAME` or `local.NAME`. */
  target: string;
  kind: PolicyKind;
  owner?: UnitOwner;
}

/** The blocks worth copying whole: those that hold, use or name policies. The rest are read by header only. */
export function worthReading(block: Block, text: string): boolean {
  const [first] = block.labels;
  if (block.type === 'data') return first === 'aws_iam_policy_document';
  // Variables' defaults and OIDC providers' URLs give the graph's references a value.
  if (block.type === 'variable' || first === 'aws_iam_openid_connect_provider') return true;
  if (block.type === 'resource' && first !== undefined) {
    if (NOT_IAM_RESOURCES.has(first)) return false;
    if (first === 'aws_iam_role' || first === 'aws_iam_user' || first === 'aws_iam_group' || first in ATTACHMENTS || first in INLINE_OWNERS) return true;
  }
  const body = text.slice(block.node.start, block.node.end);
  return /Statement|aws_iam_policy_document|jsonencode|file\(|<</.test(body);
}

/**
 * The facts of one file, from its blocks (references and names only: no policy is read here), and
 * the files it gives a kind: `assume_role_policy = file("${path.module}/trust.json")`.
 */
export function readModuleFacts(blocks: readonly Block[], text: string): Omit<ModuleFacts, 'documents'> & { fileKinds: { path: string; kind: PolicyKind }[] } {
  const facts: Omit<ModuleFacts, 'documents'> & { fileKinds: { path: string; kind: PolicyKind }[] } = { uses: [], roles: {}, users: {}, groups: {}, attachments: {}, values: {}, fileKinds: [] };
  for (const block of blocks) {
    const [type, name] = block.labels;
    if (block.type === 'variable' && type && block.body) {
      const value = literal(attributeOf(block.body, 'default', text), text);
      if (value !== undefined) facts.values[`var.${type}`] = value;
    }
    if (block.type !== 'resource' || !type || !name || !block.body) continue;
    const named = literal(attributeOf(block.body, 'name', text), text) ?? name;
    if (type === 'aws_iam_role') {
      facts.roles[name] = named;
      facts.values[`aws_iam_role.${name}.arn`] = `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/${named}`;
    }
    if (type === 'aws_iam_user') facts.users[name] = named;
    if (type === 'aws_iam_group') facts.groups[name] = named;
    const url = type === 'aws_iam_openid_connect_provider' ? literal(attributeOf(block.body, 'url', text), text) : undefined;
    if (url) facts.values[`aws_iam_openid_connect_provider.${name}.arn`] = `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:oidc-provider/${url.replace(/^https:\/\//, '')}`;
  }
  for (const block of blocks) {
    const [type, name] = block.labels;
    if (block.type !== 'resource' || !type || !name || !block.body) continue;
    const holder = ATTACHMENTS[type];
    if (holder) {
      const policy = referenceOf(attributeOf(block.body, 'policy_arn', text)?.value, text);
      if (policy?.[0] === 'aws_iam_policy' && policy[1]) {
        const holders = (facts.attachments[policy[1]] ??= []);
        for (const kind of holder === 'any' ? (['role', 'user', 'group'] as const) : [holder]) {
          for (const attribute of [kind, `${kind}s`]) {
            for (const who of namesIn(attributeOf(block.body, attribute, text)?.value, kind, facts, text)) holders.push(`${kind}:${who}`);
          }
        }
      }
    }
    for (const place of policyPlaces(block, text)) {
      for (const target of documentReferences(place.attribute.value, text)) facts.uses.push({ target, kind: place.kind, owner: ownerOf(block, facts, text, place.nested) });
      const path = fileArgument(place.attribute.value, text);
      if (path !== undefined) facts.fileKinds.push({ path, kind: place.kind });
    }
  }
  return facts;
}

/** Where a resource holds a policy: its policy arguments, and those of nested blocks (`inline_policy`). */
export function policyPlaces(block: Block, text: string): { attribute: Attribute; kind: PolicyKind; nested?: Block; index?: number }[] {
  const [type] = block.labels;
  if (block.type !== 'resource' || !type || !block.body) return [];
  const places: { attribute: Attribute; kind: PolicyKind; nested?: Block; index?: number }[] = [];
  for (const attribute of attributesOf(block.body, text)) {
    const kind = kindOfArgument(type, attribute.name);
    if (kind) places.push({ attribute, kind });
  }
  const counts = new Map<string, number>();
  for (const nested of blocksOf(block.body, text)) {
    const index = counts.get(nested.type) ?? 0;
    counts.set(nested.type, index + 1);
    for (const attribute of attributesOf(nested.body, text)) {
      const kind = kindOfNestedArgument(type, nested.type, attribute.name);
      if (kind) places.push({ attribute, kind, nested, index });
    }
  }
  return places;
}

/** The file a `file("...")` or `templatefile("...", {...})` argument reads, relative to the module (`${path.module}/` dropped). */
function fileArgument(expression: HclNode, text: string): string | undefined {
  const call = functionCall(unwrap(expression), text);
  const first = unwrap(call?.args[0]);
  if ((call?.name !== 'file' && call?.name !== 'templatefile') || (first?.type !== 'string_lit' && first?.type !== 'quoted_template')) return undefined;
  const path = text.slice(first.start + 1, first.end - 1).replace(/^\$\{path\.(module|root|cwd)\}\//, '');
  return path.includes('${') ? undefined : path;
}

/** `data.aws_iam_policy_document.NAME.json`, `...NAME[0].minified_json`: wherever they are in an expression. */
const DATA_DOCUMENT = /\bdata\.aws_iam_policy_document\.([A-Za-z_][A-Za-z0-9_-]*)(?:\[[^\]]*\])?\.(?:json|minified_json)\b/g;

/**
 * The documents an argument's value may be: the data documents it names anywhere (`var.custom != "" ?
 * var.custom : data.aws_iam_policy_document.assume.json`, `one(data.aws_iam_policy_document.x[*].json)`),
 * or the local it encodes.
 */
export function documentReferences(expression: HclNode, text: string): string[] {
  const source = text.slice(expression.start, expression.end);
  const found = [...source.matchAll(DATA_DOCUMENT)].map((m) => `data.aws_iam_policy_document.${m[1]}`);
  const local = documentReference(expression, text);
  return [...new Set(local ? [...found, local] : found)];
}

/**
 * The document an argument's value stands for: `data.aws_iam_policy_document.NAME.json` (or
 * `minified_json`) or `jsonencode(local.NAME)` / `local.NAME`.
 */
export function documentReference(expression: HclNode, text: string): string | undefined {
  const direct = referenceOf(expression, text);
  if (direct?.[0] === 'data' && direct[1] === 'aws_iam_policy_document' && direct[2] && (direct[3] === 'json' || direct[3] === 'minified_json')) {
    return `data.aws_iam_policy_document.${direct[2]}`;
  }
  if (direct?.[0] === 'local' && direct[1] && direct.length === 2) return `local.${direct[1]}`;
  const call = functionCall(unwrap(expression), text);
  const local = call?.name === 'jsonencode' ? referenceOf(call.args[0], text) : undefined;
  return local?.[0] === 'local' && local[1] && local.length === 2 ? `local.${local[1]}` : undefined;
}

/** Whose policy a resource's argument holds: the role of an `aws_iam_role`, the holder of an inline policy, what an `aws_iam_policy` is attached to. */
export function ownerOf(block: Block, facts: Pick<ModuleFacts, 'roles' | 'users' | 'groups' | 'attachments'>, text: string, nested?: Block): UnitOwner {
  const [type = '', name = ''] = block.labels;
  const label = `${type}.${name}`;
  if (type === 'aws_iam_role') {
    const role = facts.roles[name] ?? name;
    return nested ? { label, attachedTo: [`role:${role}`] } : { label, role };
  }
  const inline = INLINE_OWNERS[type];
  if (inline) {
    const who = namesIn(attributeOf(block.body, inline.attribute, text)?.value, inline.type, facts, text);
    return { label, attachedTo: who.map((w) => `${inline.type}:${w}`) };
  }
  if (type === 'aws_iam_policy') return { label, ...(facts.attachments[name]?.length ? { attachedTo: facts.attachments[name] } : {}) };
  return { label };
}

/** The names an attribute gives (a literal, a list, or references to roles, users or groups of the module). */
function namesIn(expression: HclNode | undefined, kind: 'role' | 'user' | 'group', facts: Pick<ModuleFacts, 'roles' | 'users' | 'groups'>, text: string): string[] {
  const node = unwrap(expression);
  if (!node) return [];
  if (node.type === 'tuple') return node.children.filter((c) => c.type === 'expression').flatMap((c) => namesIn(c, kind, facts, text));
  if (node.type === 'string_lit') return [text.slice(node.start + 1, node.end - 1)];
  const reference = referenceOf(expression, text);
  const table = kind === 'role' ? facts.roles : kind === 'user' ? facts.users : facts.groups;
  if (reference?.[0] === `aws_iam_${kind}` && reference[1] && Object.hasOwn(table, reference[1])) return [table[reference[1]]];
  return [];
}

/** A string literal attribute's value (no interpolation). */
function literal(attribute: Attribute | undefined, text: string): string | undefined {
  const node = unwrap(attribute?.value);
  return node?.type === 'string_lit' ? text.slice(node.start + 1, node.end - 1) : undefined;
}

/** Joins the facts of a module's files. */
export function joinFacts(files: readonly ModuleFacts[]): ModuleFacts {
  const joined: ModuleFacts = { uses: [], roles: {}, users: {}, groups: {}, attachments: {}, documents: {}, values: {} };
  for (const facts of files) {
    joined.uses.push(...facts.uses);
    Object.assign(joined.roles, facts.roles);
    Object.assign(joined.users, facts.users);
    Object.assign(joined.groups, facts.groups);
    for (const [policy, holders] of Object.entries(facts.attachments)) (joined.attachments[policy] ??= []).push(...holders);
    Object.assign(joined.documents, facts.documents);
    Object.assign(joined.values, facts.values);
  }
  return joined;
}
