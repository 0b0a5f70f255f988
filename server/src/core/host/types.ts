import type { Node } from 'jsonc-parser';
import type { KindReason } from '../classify';
import type { CompletionList } from '../completion/types';
import type { Cursor } from '../completion/cursor';
import type { Suggestion } from '../completion/suggestion';
import type { TextEdit } from '../fixes/quickFix';
import type { JsonPath } from '../jsonTree';
import type { PolicyKind, Span } from '../types';

/** The syntaxes policies are found in: a JSON policy file, or infrastructure code that holds policies. */
export type DialectId = 'json' | 'terraform';

export interface SyntaxProblem extends Span {
  message: string;
  /** `hcl` for the host file's own syntax (Terraform), reported by hcl-syntax; JSON's otherwise. */
  syntax?: 'hcl';
}

/**
 * One policy inside a document. A JSON policy file holds one; a Terraform file any number. Its tree
 * is made of jsonc-parser-shaped nodes whose offsets are offsets in the host file, so every rule,
 * explanation, completion and hover runs on it unchanged, whatever the syntax it was written in.
 */
export interface PolicyUnit {
  /** Stable within its file across edits: `policy` for a JSON file, `aws_iam_role.deploy.assume_role_policy` in Terraform. */
  id: string;
  /** The host file's whole text (offsets index it). */
  text: string;
  root: Node | undefined;
  /** What the policy covers in the host file: the whole file, a `jsonencode(...)` argument, a data block. */
  span: Span;
  syntaxProblems: SyntaxProblem[];
  /** Set when the policy was too deeply nested to parse; `root` is then undefined. */
  tooDeep?: Span;
  /** Whether the top-level object has a `Statement` key (known even for documents too deep to parse). */
  hasTopLevelStatement: boolean;
  /** The kind the host implies (an `assume_role_policy` is a trust policy); undefined: settings, name or content decide. */
  kind?: PolicyKind;
  /** Why the host gave it that kind: its place, or (for a policy in no known place) its content. */
  kindReason?: KindReason;
  /**
   * Nodes whose value is not known here: a reference (`var.arns`), a function call, a string with
   * interpolations. Rules never judge them as written: they could be anything.
   */
  unknown: ReadonlySet<Node>;
  /** Objects and lists that may hold more than is written (a `dynamic` block, `merge(...)`, `concat(...)`). */
  open: ReadonlySet<Node>;
  /**
   * Why statements not seen here may join the policy (unresolved `source_policy_documents`, a
   * `dynamic "statement"`): nothing is reported that they could change.
   */
  incomplete?: string;
  /** Where statements merged in from documents written elsewhere stand (findings there are those documents'). */
  elsewhere?: Span[];
  /** Who the policy belongs to, as far as the host says (the graph's role and policy names). */
  owner?: UnitOwner;
  /**
   * What a value not known here stands for, where the host says (`${aws_iam_role.audit.arn}` is the
   * ARN of the module's role `audit`), for the trust graph; undefined when it does not know.
   */
  resolve?: (text: string) => string | undefined;
  /** The policy's own text as IAM would receive it (whitespace aside), for the size quota; undefined: the file's text. */
  policyText?: () => string;
  /** How the unit is written: cursor reading, completion text and fixes in its syntax. */
  syntax: UnitSyntax;
  /** The innermost node at an offset (with `includeRightBound`, also one ending there). */
  nodeAt(offset: number, includeRightBound?: boolean): Node | undefined;
}

/** What the host says about whose policy it is: a role's trust policy, a policy attached to users, groups or roles. */
export interface UnitOwner {
  /** A short name for people and the graph: `aws_iam_role.deploy`. */
  label: string;
  /** The role a trust policy belongs to (its `name`, else the resource name). */
  role?: string;
  /** Every role that uses it, when several do (`role` is the first). */
  roles?: string[];
  /** The roles, users and groups an identity policy is attached to, as `role:NAME`, `user:NAME`, `group:NAME`. */
  attachedTo?: string[];
}

/** A parsed document: the policies found in it, each with its own tree. */
export interface ParsedDocument {
  text: string;
  dialect: DialectId;
  /** JSON documents always have one unit (its root may be missing); host files one per policy found. */
  units: PolicyUnit[];
  /** Other files the document gives a kind (`assume_role_policy = file("trust.json")`), paths as written. */
  fileKinds?: { path: string; kind: PolicyKind }[];
  /**
   * Releases what the parser holds in WebAssembly memory (a tree-sitter tree); safe to call twice.
   * The document stays usable, and a next version parsed from it reuses what did not change.
   */
  dispose?(): void;
}

/**
 * A unit's syntax: how to read the cursor in it, write completion items and fixes in it. A JSON
 * file, a heredoc and a `jsonencode(...)` map each have their own.
 */
export interface UnitSyntax {
  /** Where the cursor is in the policy's terms (JSON path, key or value), or undefined where nothing can be completed. */
  cursorAt(unit: PolicyUnit, offset: number): Cursor | undefined;
  /** Suggestions as completion items in this syntax. */
  toList(cursor: Cursor, suggestions: readonly Suggestion[], incomplete: boolean): CompletionList;
  /** A draft of the host text that fixes edit through the policy's JSON paths. */
  draft(unit: PolicyUnit): PolicyDraft;
}

/**
 * A host text being rewritten one step at a time through the policy's JSON paths: each step sees the
 * text the previous steps made (re-read), so steps never have to agree on offsets. `edit()` turns the
 * result into one edit of the original text.
 */
export interface PolicyDraft {
  readonly text: string;
  /** The node at a JSON path of the policy as the draft has it now. */
  node(path: JsonPath): Node | undefined;
  /** Puts `value` in place of a node's value. */
  replace(node: Node, value: unknown): boolean;
  /** Adds `key: value` as the last member of the object at `path`. */
  insertMember(path: JsonPath, key: string, value: unknown): boolean;
  /** Adds a value as the last item of the list at `path`. */
  appendItem(path: JsonPath, value: unknown): boolean;
  /** Sets `key: value` in the object at `path`: replaces an existing value, else inserts. */
  setMember(path: JsonPath, key: string, value: unknown): boolean;
  /** Removes a member of an object (given its value) or an item of a list. */
  removeEntry(node: Node): void;
  /** Renames the key of the member whose value is at `path`. */
  renameKey(path: JsonPath, newKey: string): boolean;
  /** One edit from the original text to the current one. */
  edit(): TextEdit;
}
