import { hasPlaceholder } from '../iam';
import type { TrustedPrincipal } from '../trust/principals';
import type { GraphNode } from './types';

/** The node of a principal, without a source: the same principal in two files is one node. */
export type PrincipalNode = Omit<GraphNode, 'source' | 'risk'>;

/** `${AWS::AccountId}` in a template is the account the role is created in: "this account". */
const OWN_ACCOUNT = /^\$\{AWS::AccountId\}$/;

/** Where an account field puts a node: a 12-digit account, this account, or a reference we cannot read. */
export function accountPlace(account: string): Pick<GraphNode, 'account' | 'local'> & { key: string } {
  if (/^\d{12}$/.test(account)) return { account, key: account };
  if (account === '' || OWN_ACCOUNT.test(account)) return { local: true, key: '' };
  return { key: account };
}

/** `"*"`: one node however many statements or files name it. */
export const PUBLIC_NODE: PrincipalNode = { id: 'public', kind: 'public', label: 'anyone (*)', detail: 'Any principal in any AWS account' };

export function roleNodeId(accountKey: string, name: string): string {
  return `role:${accountKey}:${name}`;
}

export function principalNode(principal: TrustedPrincipal): PrincipalNode | undefined {
  switch (principal.type) {
    case 'everyone':
      return PUBLIC_NODE;
    case 'account': {
      const place = accountPlace(principal.account);
      const label = place.local ? 'this account' : `account ${principal.account}`;
      return { id: `account:${place.key}`, kind: 'account', label, ...without(place), detail: `${principal.text}: every user and role of the account whose own policies allow it` };
    }
    case 'entity':
      return entityNode(principal);
    case 'service':
      return { id: `service:${principal.service}`, kind: 'service', label: principal.service, detail: `The AWS service ${principal.service}` };
    case 'oidc': {
      // The provider is an IAM resource of one account: two accounts' GitHub providers are two nodes.
      const account = /^arn:.*?:iam::(.*?):oidc-provider\//.exec(principal.text)?.[1];
      const placed = account === undefined ? undefined : accountPlace(account);
      const place = placed ? without(placed) : {};
      const name = principal.provider?.name;
      return {
        id: `oidc:${placed ? `${placed.key}:` : ''}${principal.issuer.toLowerCase()}`,
        kind: 'oidc',
        label: principal.issuer,
        ...place,
        detail: `${name ? `${name}: ` : ''}OIDC provider ${principal.text}`,
      };
    }
    case 'saml': {
      const place = accountPlace(principal.account);
      return { id: `saml:${place.key}:${principal.name}`, kind: 'saml', label: `SAML ${principal.name}`, ...without(place), detail: `SAML provider ${principal.text}` };
    }
    case 'canonical-user':
      return undefined;
  }
}

function entityNode(principal: Extract<TrustedPrincipal, { type: 'entity' }>): PrincipalNode {
  if (principal.entity === 'reference' || principal.entity === 'unique-id' || hasPlaceholder(principal.name)) {
    const detail = principal.entity === 'unique-id' ? `A deleted principal's unique id (${principal.text})` : `A template reference (${principal.text})`;
    return { id: `principal:${principal.text}`, kind: 'reference', label: principal.text, detail };
  }
  const place = accountPlace(principal.account);
  const kind = principal.entity === 'role' ? 'role' : principal.entity;
  const id = kind === 'role' ? roleNodeId(place.key, principal.name) : `${kind}:${place.key}:${principal.name}`;
  return { id, kind, label: principal.name, ...without(place), detail: principal.text };
}

function without(place: ReturnType<typeof accountPlace>): Pick<GraphNode, 'account' | 'local'> {
  return place.local ? { local: true } : place.account ? { account: place.account } : {};
}
