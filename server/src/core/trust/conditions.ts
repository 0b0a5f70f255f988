import { hasWildcard, isAllWildcards, replacePlaceholders, splitArn } from '../iam';
import type { ConditionOperator } from '../iam';
import { scalarText } from '../jsonTree';
import type { PolicyModel, Statement } from '../policyModel';
import { conditionsOf, type ConditionEntry } from '../statementParts';
import { statementTrustActions } from './actions';
import { trustedPrincipals } from './principals';

/** What a trust condition requires of the caller, in the terms the rules and the explanation use. */
export type Guard =
  | 'external-id'
  | 'mfa'
  | 'mfa-age'
  | 'principal-arn'
  | 'organization'
  | 'source-identity'
  | 'principal-tag'
  | 'user-id'
  | 'source';

/** The operator of an entry when it is a positive test: not negated or Null; not IfExists or ForAllValues, unless the key is always present. */
export function positiveOperator(entry: ConditionEntry, options: { alwaysPresent?: boolean } = {}): ConditionOperator | undefined {
  if (!('operator' in entry.reading)) return undefined;
  const operator = entry.reading.operator;
  if (operator.negated || operator.family === 'Null') return undefined;
  // Both are true when the key is absent; for a key that is always in the request they change nothing.
  if ((operator.ifExists || operator.setOperator === 'ForAllValues') && !options.alwaysPresent) return undefined;
  return operator;
}

/** The text of each scalar value of an entry (numbers and booleans as written). */
export function entryValues(entry: ConditionEntry): string[] {
  return entry.values.map((v) => scalarText(v) ?? '');
}

/**
 * Whether a value admits every caller: under a matching operator, wildcards with nothing but syntax
 * around them (`*`, `o-*`, `arn:*`, `*:*`, `us-east-1:*`), or an ARN whose account is a wildcard
 * (anyone can create a resource or a role of a given name in their own account). An ARN with a
 * pinned account and wildcards elsewhere (`arn:aws:logs:*:111122223333:*`) narrows. Placeholders
 * (`${AWS::AccountId}`) are specific values we cannot see, never open.
 */
function isOpenValue(value: string, wildcards: boolean): boolean {
  if (!wildcards) return false;
  const text = replacePlaceholders(value, 'x');
  if (!hasWildcard(text)) return false;
  const arn = splitArn(text);
  if (arn) {
    const open = isAllWildcards;
    if (arn.account !== '' && open(arn.account)) return true;
    return open(arn.region) && open(arn.account) && open(arn.resource);
  }
  return onlySyntax(text);
}

/** Whether a pattern has no literal part beyond the syntax of what it matches. */
function onlySyntax(text: string): boolean {
  const literal = text
    .replace(/[*?]/g, '')
    .replace(/^arn:/, '')
    .replace(/^(o|ou|r)-/, '')
    .replace(/^[a-z]{2}(-[a-z]+)+-\d+:/, '')
    .replace(/[^A-Za-z0-9]/g, '');
  return literal.length === 0;
}

/** Whether an entry is a positive test whose every value narrows (the values of one key are ORed). */
export function narrowingEntry(entry: ConditionEntry, options: { alwaysPresent?: boolean } = {}): boolean {
  const operator = positiveOperator(entry, options);
  if (!operator || entry.values.length === 0) return false;
  return !entryValues(entry).some((v) => isOpenValue(v, operator.wildcards));
}

const SIMPLE_GUARDS: Readonly<Record<string, Guard>> = {
  'sts:externalid': 'external-id',
  'aws:principalarn': 'principal-arn',
  'aws:principalorgid': 'organization',
  'aws:principalorgpaths': 'organization',
  'sts:sourceidentity': 'source-identity',
  'aws:sourceidentity': 'source-identity',
  'aws:userid': 'user-id',
  'aws:sourceaccount': 'source',
  'aws:sourcearn': 'source',
  'aws:sourceorgid': 'source',
  'aws:sourceorgpaths': 'source',
};

/** What one condition entry of an Allow requires, if it really narrows who can assume. */
export function guardOf(entry: ConditionEntry): Guard | undefined {
  const key = entry.key.toLowerCase();
  const operator = positiveOperator(entry);
  const values = entryValues(entry).map((v) => v.toLowerCase());
  if (key === 'aws:multifactorauthpresent') {
    return operator?.family === 'Bool' && values.length > 0 && values.every((v) => v === 'true') ? 'mfa' : undefined;
  }
  if (key === 'aws:multifactorauthage') {
    if (operator?.family === 'Numeric' && /LessThan/.test(operator.base)) return 'mfa-age';
    // Null false: the key is present, which it only is after an MFA sign-in.
    const reading = entry.reading;
    const isNull = 'operator' in reading && reading.operator.family === 'Null';
    return isNull && values.length > 0 && values.every((v) => v === 'false') ? 'mfa' : undefined;
  }
  if (key.startsWith('aws:principaltag/')) return narrowingEntry(entry) ? 'principal-tag' : undefined;
  if (key === 'aws:principalarn') {
    // The Principal already names the account, so an ARN with a wildcard account still narrows to a role name.
    const arns = entryValues(entry);
    return operator && arns.length > 0 && !arns.some((v) => onlySyntax(v) || isOpenRoleArn(v)) ? 'principal-arn' : undefined;
  }
  return Object.hasOwn(SIMPLE_GUARDS, key) && narrowingEntry(entry) ? SIMPLE_GUARDS[key] : undefined;
}

/** `arn:aws:iam::123456789012:role/*`: every role of the account, which the Principal already says. */
function isOpenRoleArn(value: string): boolean {
  const arn = splitArn(value);
  return arn !== undefined && isAllWildcards(arn.resource.replace(/^(role|user|assumed-role)\//, ''));
}

/**
 * Guards a Deny in the same policy adds for everyone: a Deny of sts:AssumeRole to every principal
 * when a guard key fails (`BoolIfExists aws:MultiFactorAuthPresent "false"`, `StringNotEquals
 * sts:ExternalId`...). Only Denies whose condition is that one test count: more tests are ANDed and
 * would make the Deny apply to fewer requests. The data-perimeter exemption for AWS services
 * (`aws:PrincipalIsAWSService` "false") is allowed alongside.
 */
export function denyGuards(policy: PolicyModel | undefined): ReadonlySet<Guard> {
  if (!policy) return new Set();
  let guards = denyCache.get(policy);
  if (!guards) {
    guards = readDenyGuards(policy);
    denyCache.set(policy, guards);
  }
  return guards;
}

/** Two rules ask per analysis; the policy model is made once per analysis. */
const denyCache = new WeakMap<PolicyModel, ReadonlySet<Guard>>();

function readDenyGuards(policy: PolicyModel): Set<Guard> {
  const guards = new Set<Guard>();
  for (const statement of policy.statements) {
    if (statement.effect !== 'Deny' || !statementTrustActions(statement)?.has('sts:AssumeRole')) continue;
    const principals = trustedPrincipals(statement);
    if (!principals.some((p) => p.type === 'everyone')) continue;
    const entries = conditionsOf(statement).filter((e) => !isServiceExemption(e));
    if (entries.length !== 1) continue;
    const guard = denyGuard(entries[0]);
    if (guard) guards.add(guard);
  }
  return guards;
}

function isServiceExemption(entry: ConditionEntry): boolean {
  const key = entry.key.toLowerCase();
  return (key === 'aws:principalisawsservice' || key === 'aws:viaawsservice') && entryValues(entry).every((v) => v.toLowerCase() === 'false');
}

function denyGuard(entry: ConditionEntry): Guard | undefined {
  if (!('operator' in entry.reading)) return undefined;
  const { operator } = entry.reading;
  const key = entry.key.toLowerCase();
  const values = entryValues(entry).map((v) => v.toLowerCase());
  if (key === 'aws:multifactorauthpresent') {
    return operator.family === 'Bool' && operator.ifExists && values.every((v) => v === 'false') ? 'mfa' : undefined;
  }
  if (key === 'aws:multifactorauthage') {
    if (operator.family === 'Null') return values.every((v) => v === 'true') ? 'mfa' : undefined;
    return operator.family === 'Numeric' && /GreaterThan/.test(operator.base) && operator.ifExists ? 'mfa-age' : undefined;
  }
  const guard = Object.hasOwn(SIMPLE_GUARDS, key) ? SIMPLE_GUARDS[key] : undefined;
  // ForAllValues: and ForAnyValue: with a negated test are false when the key is absent: such a Deny lets callers without it through.
  if (!guard || !operator.negated || operator.setOperator !== undefined) return undefined;
  return values.length > 0 && !values.some((v) => isOpenValue(v, operator.wildcards)) ? guard : undefined;
}

/** The guards of one Allow statement: its own narrowing conditions. */
export function statementGuards(statement: Statement): Set<Guard> {
  const guards = new Set<Guard>();
  for (const entry of conditionsOf(statement)) {
    const guard = guardOf(entry);
    if (guard) guards.add(guard);
  }
  return guards;
}
