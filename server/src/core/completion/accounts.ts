import type { Node } from 'jsonc-parser';
import { forEachNode } from '../jsonTree';

const ACCOUNT = /^\d{12}$/;
/** The account field of an ARN: `arn:aws:iam::111122223333:role/x`. */
const ARN_ACCOUNT = /^arn:[\w-]+:[\w-]*:[\w-]*:(\d{12}):/;

/**
 * The account ids a policy names: 12-digit values and the account field of ARNs, in document order.
 * Completion offers them (with those of the workspace and the `iamPolicy.accounts` setting), so a
 * policy's accounts are typed once.
 */
export function accountsIn(root: Node | undefined): string[] {
  if (!root) return [];
  let cached = accountsByTree.get(root);
  if (!cached) {
    cached = collectAccounts(root);
    accountsByTree.set(root, cached);
  }
  return cached;
}

/** Per parsed tree: completion asks on each request, and a large policy takes milliseconds to walk. */
const accountsByTree = new WeakMap<Node, string[]>();

function collectAccounts(root: Node): string[] {
  const found = new Set<string>();
  forEachNode(root, (node) => {
    if (node.type !== 'string' || typeof node.value !== 'string') return;
    const value = node.value;
    if (ACCOUNT.test(value)) found.add(value);
    else {
      const arn = ARN_ACCOUNT.exec(value);
      if (arn) found.add(arn[1]);
    }
  });
  return [...found];
}

/**
 * Known accounts, most relevant first: the named ones (from the setting), then those the document
 * names, then those of the workspace's other policies. Lists cut the tail, never the document's own.
 */
export function knownAccounts(named: ReadonlyMap<string, string> | undefined, inDocument: readonly string[], inWorkspace: readonly string[] = []): Account[] {
  const result = new Map<string, Account>();
  const add = (id: string, name: string, source: Account['source']) => {
    if (!result.has(id)) result.set(id, { id, name, source });
  };
  for (const [id, name] of named ?? []) if (name) add(id, name, 'setting');
  for (const id of inDocument) add(id, named?.get(id) ?? '', named?.has(id) ? 'setting' : 'document');
  for (const [id, name] of named ?? []) add(id, name, 'setting');
  for (const id of inWorkspace) add(id, '', 'workspace');
  return [...result.values()];
}

export interface Account {
  id: string;
  name: string;
  /** Where it was found; accounts found only in the workspace's other policies are offered more briefly, after the others. */
  source: 'setting' | 'document' | 'workspace';
}

/** The line beside an account: its name, or where it was found. */
export function accountDetail(account: Account): string {
  return account.name || (account.source === 'setting' ? 'account in your settings' : account.source === 'document' ? 'account in this policy' : 'account in your workspace');
}

/**
 * The account field of a template as a choice: the accounts of the setting and of this policy first
 * (one of them is the likely one), then the fill-in, then a few of the workspace's.
 */
export function accountChoices(accounts: readonly Account[], max = 10): string[] {
  const near = accounts.filter((a) => a.source !== 'workspace').map((a) => a.id);
  const far = accounts.filter((a) => a.source === 'workspace').map((a) => a.id);
  return [...near.slice(0, max), 'ACCOUNT_ID', ...far.slice(0, Math.max(0, max - near.length))];
}
