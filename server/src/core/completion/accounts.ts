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
  const add = (id: string, name: string, fromWorkspace: boolean) => {
    if (!result.has(id)) result.set(id, { id, name, fromWorkspace });
  };
  for (const [id, name] of named ?? []) if (name) add(id, name, false);
  for (const id of inDocument) add(id, named?.get(id) ?? '', false);
  for (const [id, name] of named ?? []) add(id, name, false);
  for (const id of inWorkspace) add(id, '', true);
  return [...result.values()];
}

export interface Account {
  id: string;
  name: string;
  /** Found only in the workspace's other policies: offered more briefly, after the others. */
  fromWorkspace: boolean;
}
