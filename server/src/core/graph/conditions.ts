import { splitArn, type ProviderId } from '../iam';
import type { Statement } from '../policyModel';
import { conditionsOf, type ConditionEntry } from '../statementParts';
import { entryValues, guardOf, positiveOperator } from '../trust/conditions';
import type { TrustedPrincipal } from '../trust/principals';

/** Longest condition label on an edge; the full text is in the statement, one click away. */
const MAX_LABEL = 48;
/** Values of one key shown before "+N". */
const MAX_VALUES = 2;

/**
 * The conditions of a statement in the short form an edge label has room for: `MFA`, `ExternalId`,
 * `org o-a1b2c3`, `example-org/web-app:main`, `kube-system/external-dns`, `source 111122223333`.
 * Claims of an OIDC provider other than `principal`'s are left out: they do not apply to it.
 */
export function shortConditions(statement: Statement, principal?: TrustedPrincipal): string[] {
  const labels: string[] = [];
  for (const entry of conditionsOf(statement)) {
    const label = entryLabel(entry, principal);
    if (label !== undefined && !labels.includes(clip(label))) labels.push(clip(label));
  }
  // "MFA" and "MFA ≤ 60 min" say one thing.
  return labels.some((l) => l.startsWith('MFA ≤')) ? labels.filter((l) => l !== 'MFA') : labels;
}

function entryLabel(entry: ConditionEntry, principal: TrustedPrincipal | undefined): string | undefined {
  const values = entryValues(entry);
  const key = entry.key;
  const lower = key.toLowerCase();
  const claim = claimOf(lower);
  if (claim) return claimLabel(entry, claim, values, principal);
  switch (guardOf(entry)) {
    case 'mfa':
      return 'MFA';
    case 'mfa-age':
      return values.length === 1 && /^\d{1,9}$/.test(values[0]) ? `MFA ≤ ${Math.max(1, Math.round(Number(values[0]) / 60))} min` : 'MFA';
    case 'external-id':
      return 'ExternalId';
    case 'organization':
      return `org ${list(values)}`;
    case 'principal-arn':
      return `as ${list(values.map(arnTail))}`;
    case 'source':
      return `source ${list(values.map(arnTail))}`;
    case 'source-identity':
      return `source identity ${list(values)}`;
    case 'principal-tag':
      return `tag ${key.slice(key.indexOf('/') + 1)}=${list(values)}`;
    case 'user-id':
      return `user id ${list(values)}`;
    default:
      return `${key} ${operatorWord(entry)} ${list(values)}`;
  }
}

/** `token.actions.githubusercontent.com:sub` -> issuer and claim; `SAML:aud` too. */
function claimOf(lowerKey: string): { issuer: string; claim: string } | undefined {
  // Global and service keys (`aws:PrincipalTag/team.name:x`) are never claims, whatever their tag part holds.
  if (/^[a-z0-9-]+:/.test(lowerKey) && !lowerKey.startsWith('saml:')) return undefined;
  const colon = lowerKey.lastIndexOf(':');
  if (colon <= 0) return undefined;
  const issuer = lowerKey.slice(0, colon);
  if (issuer !== 'saml' && !issuer.includes('.')) return undefined;
  return { issuer, claim: lowerKey.slice(colon + 1) };
}

function claimLabel(entry: ConditionEntry, { issuer, claim }: { issuer: string; claim: string }, values: string[], principal: TrustedPrincipal | undefined): string | undefined {
  if (issuer === 'saml') {
    if (principal && principal.type !== 'saml') return undefined;
    if (claim !== 'aud') return `SAML:${claim} ${list(values)}`;
    return values.length > 0 && values.every((v) => /signin\.aws\.amazon\.com\/saml$/i.test(v)) ? 'console sign-in' : `SAML:aud ${list(values)}`;
  }
  if (principal && (principal.type !== 'oidc' || principal.issuer.toLowerCase() !== issuer)) return undefined;
  const provider = principal?.type === 'oidc' ? principal.provider?.id : undefined;
  // A negated or set test reads as its operator, never as the subject it excludes.
  const positive = positiveOperator(entry, { alwaysPresent: true }) !== undefined;
  // The audience of GitHub, EKS and GitLab tokens is sts.amazonaws.com by convention: not worth the room.
  if (positive && claim === 'aud' && values.every((v) => v === 'sts.amazonaws.com')) return undefined;
  if (positive && claim === 'sub') return list(values.map((v) => shortSubject(provider, v)));
  if (positive && claim === 'aud' && provider === 'cognito') return `pool ${list(values)}`;
  return `${claim} ${operatorWord(entry) === '=' ? '' : `${operatorWord(entry)} `}${list(values)}`;
}

/** A subject as people say it: `repo:acme/web:ref:refs/heads/main` -> `acme/web:main`. */
export function shortSubject(provider: ProviderId | undefined, value: string): string {
  if (provider === 'github') {
    const m = /^repo:([^:]+)(?::(.*))?$/.exec(value);
    if (!m) return value;
    const context = m[2] ?? '*';
    const branch = /^ref:refs\/heads\/(.+)$/.exec(context);
    if (branch) return `${m[1]}:${branch[1]}`;
    const tag = /^ref:refs\/tags\/(.+)$/.exec(context);
    if (tag) return `${m[1]} tag:${tag[1]}`;
    const environment = /^environment:(.+)$/.exec(context);
    if (environment) return `${m[1]} env:${environment[1]}`;
    return context === 'pull_request' ? `${m[1]} PR` : `${m[1]}:${context}`;
  }
  if (provider === 'eks') {
    const m = /^system:serviceaccount:([^:]+):(.+)$/.exec(value);
    return m ? `${m[1]}/${m[2]}` : value;
  }
  if (provider === 'gitlab') {
    const m = /^project_path:([^:]+)(?::ref_type:[^:]+:ref:(.+))?/.exec(value);
    return m ? (m[2] ? `${m[1]}:${m[2]}` : m[1]) : value;
  }
  return value;
}

const OPERATOR_WORDS: Readonly<Record<string, string>> = {
  StringEquals: '=',
  StringEqualsIgnoreCase: '=',
  Bool: '=',
  NumericEquals: '=',
  DateEquals: '=',
  ArnEquals: '=',
  StringNotEquals: '≠',
  StringNotEqualsIgnoreCase: '≠',
  NumericNotEquals: '≠',
  DateNotEquals: '≠',
  ArnNotEquals: '≠',
  StringLike: '~',
  ArnLike: '~',
  StringNotLike: '!~',
  ArnNotLike: '!~',
  NumericLessThan: '<',
  NumericLessThanEquals: '≤',
  NumericGreaterThan: '>',
  NumericGreaterThanEquals: '≥',
  DateLessThan: '<',
  DateLessThanEquals: '≤',
  DateGreaterThan: '>',
  DateGreaterThanEquals: '≥',
  IpAddress: 'in',
  NotIpAddress: 'not in',
};

function operatorWord(entry: ConditionEntry): string {
  if (!('operator' in entry.reading)) return entry.operatorText;
  const { operator } = entry.reading;
  if (operator.family === 'Null') return 'null';
  const word = OPERATOR_WORDS[operator.base] ?? operator.base;
  const set = operator.setOperator ? `${operator.setOperator} ` : '';
  return `${set}${word}${operator.ifExists ? '?' : ''}`;
}

/** The part of an ARN that names the thing (`role/Deploy`), or the text when it is not an ARN. */
function arnTail(value: string): string {
  const arn = splitArn(value);
  if (!arn) return value;
  return arn.account ? `${arn.account}:${arn.resource}` : arn.resource;
}

function list(values: string[]): string {
  if (values.length === 0) return '(no value)';
  const shown = values.slice(0, MAX_VALUES).join(' | ');
  return values.length > MAX_VALUES ? `${shown} +${values.length - MAX_VALUES}` : shown;
}

function clip(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}
