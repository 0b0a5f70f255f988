import { minimatch } from 'minimatch';

/** What the graph needs to know that no policy says: account names, the default account, role names. */
export interface GraphOptions {
  /** Account id -> name (`iamPolicy.accounts`): names label clusters, and a folder named like an account puts its files there. */
  accounts?: Readonly<Record<string, string>>;
  /** The account of files no folder and no role setting place (`iamPolicy.graph.defaultAccount`). */
  defaultAccount?: string;
  /** Glob of a trust policy's path -> its role: a role ARN or a name (`iamPolicy.graph.roles`). */
  roles?: Readonly<Record<string, string>>;
}

/** Who a trust policy file belongs to; `account` unset means "this account", the workspace's own. */
export interface RoleIdentity {
  name: string;
  account?: string;
}

/** A trust policy file named only for its kind: the folder names the role (`deploy/trust-policy.json`). */
const KIND_ONLY = /^(trust|trust[-_. ]?policy|assume[-_. ]?role[-_. ]?policy|trust[-_. ]?relationships?)$/i;
/** `deploy-trust-policy`, `deploy.trust`, `deploy_trust`, `deploy-assume-role-policy`. */
const NAME_THEN_KIND = /^(.+?)[-_. ]+(trust|trust[-_. ]?policy|assume[-_. ]?role[-_. ]?policy|trust[-_. ]?relationships?)$/i;

const ROLE_ARN = /^arn:[^:]+:iam::(\d{12}|):role\/(?:.*\/)?([^/]+)$/;

/** Role names: letters, digits and `+=,.@_-`, at most 64 characters (IAM CreateRole). */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/**
 * The role a trust policy file defines: from the `roles` setting, else from the file name
 * (`NAME-trust-policy.json`, `NAME.trust.json`) or the folder (`NAME/trust-policy.json`). The account
 * comes from the setting's ARN, a folder named after an account, or the default account.
 */
export function roleIdentity(relativePath: string, options: GraphOptions): RoleIdentity {
  const setting = roleSetting(relativePath, options.roles);
  const arn = setting !== undefined ? ROLE_ARN.exec(setting) : null;
  if (arn) return { name: arn[2], ...accountField(arn[1] || fileAccount(relativePath, options)) };
  const name = setting !== undefined && ROLE_NAME.test(setting) ? setting : nameFromPath(relativePath);
  return { name, ...accountField(fileAccount(relativePath, options)) };
}

function accountField(account: string | undefined): { account?: string } {
  return account ? { account } : {};
}

function roleSetting(relativePath: string, roles: GraphOptions['roles']): string | undefined {
  if (!roles) return undefined;
  const path = relativePath.replace(/\\/g, '/');
  for (const [glob, role] of Object.entries(roles)) {
    if (typeof role === 'string' && minimatch(path, glob, { dot: true, matchBase: !glob.includes('/') })) return role.trim();
  }
  return undefined;
}

function nameFromPath(relativePath: string): string {
  const parts = relativePath.split(/[\\/]/).filter((p) => p !== '' && p !== '.');
  const base = (parts.pop() ?? '').replace(/\.jsonc?$/i, '');
  if (KIND_ONLY.test(base)) return parts.pop() ?? base;
  return NAME_THEN_KIND.exec(base)?.[1] ?? base;
}

/**
 * The account a file's folders name: a 12-digit folder (`111122223333/deploy-trust.json`), or a
 * folder named like an account in `accounts` (`auditors/` or `auditors-account/` for "Auditors"),
 * the nearest folder first. Else the default account, else none ("this account").
 */
export function fileAccount(relativePath: string, options: GraphOptions): string | undefined {
  const folders = relativePath.split(/[\\/]/).slice(0, -1).reverse();
  const byName = new Map<string, string>();
  for (const [id, name] of Object.entries(options.accounts ?? {})) {
    const key = folderKey(name);
    if (key && !byName.has(key)) byName.set(key, id);
  }
  for (const folder of folders) {
    if (/^\d{12}$/.test(folder)) return folder;
    const id = byName.get(folderKey(folder));
    if (id) return id;
  }
  return options.defaultAccount && /^\d{12}$/.test(options.defaultAccount) ? options.defaultAccount : undefined;
}

/** `Auditors`, `auditors-account` and `auditors_accounts` name one folder. */
function folderKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/accounts?$/, '');
}
