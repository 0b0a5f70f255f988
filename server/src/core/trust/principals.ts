import type { Node } from 'jsonc-parser';
import { ARN_FIELD, hasPlaceholder, isPlaceholder, principalProblem, providerForFederated, providerForIssuer, type IdentityProvider } from '../iam';
import type { Statement } from '../policyModel';
import { conditionsOf, principalsOf } from '../statementParts';
import { statementTrustActions } from './actions';

/** A principal a trust statement names, read for what it means. Malformed values are left out (invalid-principal reports them). */
export type TrustedPrincipal = { node: Node; text: string } & (
  | { type: 'everyone' }
  /** An account (`123456789012` or `arn:aws:iam::123456789012:root`): any principal of it whose own policies allow. */
  | { type: 'account'; account: string }
  /** A user, role or session; `reference` is a template reference (`${TrustedRoleArn}`) we cannot read. */
  | { type: 'entity'; account: string; entity: 'role' | 'user' | 'session' | 'federated-user' | 'unique-id' | 'reference'; name: string }
  | { type: 'service'; service: string }
  /** An OIDC provider ARN or a web identity host (Cognito, Google, Amazon, Facebook). */
  | { type: 'oidc'; issuer: string; provider: IdentityProvider | undefined }
  | { type: 'saml'; name: string; account: string }
  | { type: 'canonical-user' }
);

const SAML_PROVIDER = new RegExp(String.raw`^arn:${ARN_FIELD}:iam::(${ARN_FIELD}|):saml-provider\/(.+)$`);
const ACCOUNT_ROOT = new RegExp(String.raw`^arn:${ARN_FIELD}:iam::(${ARN_FIELD}):root$`);
const IAM_ENTITY = new RegExp(String.raw`^arn:${ARN_FIELD}:(iam|sts)::(${ARN_FIELD}):(user|role|assumed-role|federated-user)\/(.+)$`);

function readAws(node: Node, text: string): TrustedPrincipal {
  if (text === '*') return { node, text, type: 'everyone' };
  if (/^\d{12}$/.test(text)) return { node, text, type: 'account', account: text };
  const root = ACCOUNT_ROOT.exec(text);
  if (root) return { node, text, type: 'account', account: root[1] };
  const entity = IAM_ENTITY.exec(text);
  if (entity) {
    const kind = entity[3];
    const name = kind === 'assumed-role' ? entity[4] : entity[4].slice(entity[4].lastIndexOf('/') + 1);
    const type = kind === 'assumed-role' ? 'session' : (kind as 'user' | 'role' | 'federated-user');
    return { node, text, type: 'entity', account: entity[2], entity: type, name };
  }
  if (hasPlaceholder(text)) return { node, text, type: 'entity', account: '', entity: 'reference', name: text };
  return { node, text, type: 'entity', account: '', entity: 'unique-id', name: text };
}

function readFederated(node: Node, text: string): TrustedPrincipal | undefined {
  const federated = providerForFederated(text);
  const saml = SAML_PROVIDER.exec(text);
  if (saml) return { node, text, type: 'saml', account: saml[1], name: saml[2] };
  return federated && { node, text, type: 'oidc', issuer: federated.issuer, provider: federated.provider };
}

/**
 * The principals of a statement's `Principal` (not `NotPrincipal`, which names who is *not*
 * trusted). Values with CloudFormation placeholders are read for their shape
 * (`arn:aws:iam::${AWS::AccountId}:root` is an account).
 */
export function trustedPrincipals(statement: Statement): readonly TrustedPrincipal[] {
  // Every trust rule and the explanation ask for them: read each statement once per parse.
  let read = readCache.get(statement.node);
  if (!read) {
    read = readTrustedPrincipals(statement);
    readCache.set(statement.node, read);
  }
  return read;
}

const readCache = new WeakMap<Node, readonly TrustedPrincipal[]>();

/** The kind of STS call a principal assumes a role with (`aws` for accounts, users, roles, services and `*`). */
export type AssumeFamily = 'aws' | 'saml' | 'oidc';

export function assumeFamily(principal: TrustedPrincipal): AssumeFamily | undefined {
  switch (principal.type) {
    case 'saml':
    case 'oidc':
      return principal.type;
    case 'canonical-user':
      return undefined;
    default:
      return 'aws';
  }
}

function readTrustedPrincipals(statement: Statement): TrustedPrincipal[] {
  const principal = principalsOf(statement);
  if (principal?.name !== 'Principal') return [];
  if (principal.everyone) return [{ node: principal.node, text: '*', type: 'everyone' }];
  const result: TrustedPrincipal[] = [];
  for (const entry of principal.entries) {
    for (const { node, text } of entry.values) {
      // A federated principal is read by its shape even with a bad account id (invalid-principal
      // reports that), so that its conditions are judged as soon as the provider is recognisable.
      if (entry.key !== 'Federated' && !hasPlaceholder(text) && principalProblem(entry.key, text) !== undefined) continue;
      const read = entry.key === 'Federated' && isPlaceholder(text) ? inferFederated(statement, node, text) : readPrincipal(entry.key, node, text);
      if (read) result.push(read);
    }
  }
  return result;
}

/** The same principal read from another text: what a template reference stands for, where the host says. */
export function reread(principal: TrustedPrincipal, text: string): TrustedPrincipal | undefined {
  const key = principal.type === 'service' ? 'Service' : principal.type === 'oidc' || principal.type === 'saml' ? 'Federated' : principal.type === 'canonical-user' ? 'CanonicalUser' : 'AWS';
  return readPrincipal(key, principal.node, text);
}

function readPrincipal(key: string, node: Node, text: string): TrustedPrincipal | undefined {
  switch (key) {
    case 'AWS':
      return readAws(node, text);
    case 'Service':
      return { node, text, type: 'service', service: text.toLowerCase() };
    case 'Federated':
      return readFederated(node, text);
    case 'CanonicalUser':
      return { node, text, type: 'canonical-user' };
    default:
      return undefined;
  }
}

/**
 * A federated principal written as a template reference (`${GitHubOidcProviderArn}`): the provider
 * is whatever issuer the statement's claim keys name (`token.actions.githubusercontent.com:sub`),
 * when they name exactly one; SAML when they test `SAML:` keys.
 */
function inferFederated(statement: Statement, node: Node, text: string): TrustedPrincipal | undefined {
  const issuers = new Set<string>();
  let saml = false;
  for (const { key } of conditionsOf(statement)) {
    const colon = key.lastIndexOf(':');
    const issuer = key.slice(0, colon);
    if (issuer.toLowerCase() === 'saml') saml = true;
    else if (/^(sub|aud|amr|app_id|id)$/.test(key.slice(colon + 1)) && (issuer.includes('.') || hasPlaceholder(issuer))) issuers.add(issuer);
  }
  const actions = statementTrustActions(statement);
  // No claim keys at all: the action says which kind of provider the reference stands for.
  if (!saml && issuers.size === 0 && actions?.has('sts:AssumeRoleWithWebIdentity') && !actions.has('sts:AssumeRoleWithSAML')) {
    return { node, text, type: 'oidc', issuer: text, provider: undefined };
  }
  const samlAction = actions?.has('sts:AssumeRoleWithSAML') && !actions.has('sts:AssumeRoleWithWebIdentity');
  if ((saml || samlAction) && issuers.size === 0) return { node, text, type: 'saml', account: '', name: text };
  if (issuers.size !== 1 || saml) return undefined;
  const [issuer] = issuers;
  return { node, text, type: 'oidc', issuer, provider: providerForIssuer(issuer) };
}
