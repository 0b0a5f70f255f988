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

/** Known accounts, the named ones (from the setting) first, then the others in the order found. */
export function knownAccounts(named: ReadonlyMap<string, string> | undefined, inDocument: readonly string[]): { id: string; name: string }[] {
  const result = new Map<string, string>();
  for (const [id, name] of named ?? []) if (name) result.set(id, name);
  for (const [id, name] of named ?? []) if (!result.has(id)) result.set(id, name);
  for (const id of inDocument) if (!result.has(id)) result.set(id, '');
  return [...result].map(([id, name]) => ({ id, name }));
}
