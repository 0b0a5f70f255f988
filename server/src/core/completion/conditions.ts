import type { Node } from 'jsonc-parser';
import { describeKey, describeOperator } from '../describe';
import {
  BASE_OPERATORS,
  GLOBAL_KEYS,
  GLOBAL_KEYS_URL,
  actionConditionKeys,
  familySuits,
  getService,
  hasService,
  isMultiValued,
  lookupConditionKey,
  readOperator,
  type ActionInfo,
  type ConditionKeyType,
  type ConditionOperator,
} from '../iam';
import { COMMON_OPERATORS } from '../iam/operatorDocs';
import { keysWithValues } from '../jsonTree';
import type { Statement } from '../policyModel';
import { listedActions } from '../statementParts';
import { trustedPrincipals } from '../trust/principals';
import type { PolicyKind } from '../types';
import { snippetLiteral, tabStop, type Suggestion } from './suggestion';

/** The global keys policies test most, listed before the rest. */
const POPULAR_GLOBAL_KEYS = [
  'aws:MultiFactorAuthPresent',
  'aws:SecureTransport',
  'aws:PrincipalOrgID',
  'aws:PrincipalArn',
  'aws:SourceAccount',
  'aws:SourceArn',
  'aws:SourceIp',
  'aws:SourceVpce',
  'aws:RequestedRegion',
  'aws:PrincipalTag/tag-key',
  'aws:ResourceTag/tag-key',
  'aws:RequestTag/tag-key',
  'aws:TagKeys',
  'aws:MultiFactorAuthAge',
];

let globalOrder: typeof GLOBAL_KEYS | undefined;

function globalKeysByUse(): typeof GLOBAL_KEYS {
  globalOrder ??= [...GLOBAL_KEYS].sort((a, b) => rank(a.key) - rank(b.key));
  return globalOrder;
}

function rank(key: string): number {
  const index = POPULAR_GLOBAL_KEYS.indexOf(key);
  return index < 0 ? POPULAR_GLOBAL_KEYS.length : index;
}

let operatorNames: string[] | undefined;

/** Every operator as written: bases, `IfExists` forms and set-prefixed forms, the common ones first. */
function allOperators(): string[] {
  if (!operatorNames) {
    const names = new Set<string>(COMMON_OPERATORS);
    // Null takes neither IfExists nor a set prefix.
    const testing = BASE_OPERATORS.filter((base) => base !== 'Null');
    for (const base of BASE_OPERATORS) names.add(base);
    for (const base of testing) names.add(`${base}IfExists`);
    for (const prefix of ['ForAnyValue:', 'ForAllValues:']) for (const base of testing) names.add(`${prefix}${base}`);
    for (const prefix of ['ForAnyValue:', 'ForAllValues:']) for (const base of testing) names.add(`${prefix}${base}IfExists`);
    operatorNames = [...names];
  }
  return operatorNames;
}

/** Operators under `Condition`, each opening a block where a key comes next. */
export function operatorSuggestions(condition: Node | undefined): Suggestion[] {
  const present = keysWithValues(condition);
  return allOperators()
    .filter((name) => !present.has(name))
    .map((name) => {
      const reading = readOperator(name);
      return {
        label: name,
        kind: 'operator',
        text: name,
        value: '{\n\t"$1": "$2"\n}',
        retrigger: true,
        documentation: 'operator' in reading ? describeOperator(reading.operator) : undefined,
      };
    });
}

interface KeyCandidate {
  key: string;
  type: ConditionKeyType;
  description: string;
  origin: string;
}

/** Keys of the statement's federated principals: `token.actions.githubusercontent.com:sub`, `SAML:aud`... */
function claimKeys(statement: Statement): KeyCandidate[] {
  const keys: KeyCandidate[] = [];
  for (const principal of trustedPrincipals(statement)) {
    if (principal.type === 'saml') {
      for (const claim of lookupSamlClaims()) keys.push(claim);
    } else if (principal.type === 'oidc') {
      const claims = principal.provider?.claims ?? [
        { claim: 'aud', type: 'String' as const, description: 'The audience of the token.' },
        { claim: 'sub', type: 'String' as const, description: 'The subject of the token.' },
      ];
      const origin = principal.provider ? `${principal.provider.name} claim` : 'token claim';
      for (const claim of claims) keys.push({ key: `${principal.issuer}:${claim.claim}`, type: claim.type, description: claim.description, origin });
    }
  }
  return keys;
}

function lookupSamlClaims(): KeyCandidate[] {
  return ['aud', 'sub', 'sub_type', 'iss', 'namequalifier', 'doc'].flatMap((claim) => {
    const found = lookupConditionKey(`SAML:${claim}`);
    return found.status === 'claim' ? [{ key: `SAML:${claim}`, type: found.type, description: found.description, origin: 'SAML claim' }] : [];
  });
}

function serviceKey(key: string, origin: string): KeyCandidate | undefined {
  const found = lookupConditionKey(key);
  if (found.status === 'service' || found.status === 'global') return { key, type: found.type, description: found.description, origin };
  return undefined;
}

/** Keys of the actions (and their resource types), by first appearance; once per statement's list (listedActions keeps it). */
function actionKeys(actions: readonly ActionInfo[]): readonly KeyCandidate[] {
  let keys = actionKeysCache.get(actions);
  if (!keys) {
    keys = readActionKeys(actions);
    actionKeysCache.set(actions, keys);
  }
  return keys;
}

const actionKeysCache = new WeakMap<readonly ActionInfo[], readonly KeyCandidate[]>();

function readActionKeys(actions: readonly ActionInfo[]): KeyCandidate[] {
  const seen = new Set<string>();
  const keys: KeyCandidate[] = [];
  for (const action of actions) {
    for (const name of actionConditionKeys(action)) {
      const lower = name.toLowerCase();
      if (seen.has(lower) || lower.startsWith('aws:')) continue;
      seen.add(lower);
      const candidate = serviceKey(name, `${action.service} key`);
      if (candidate) keys.push(candidate);
    }
  }
  return keys;
}

function keysOfService(prefix: string): KeyCandidate[] {
  const service = getService(prefix);
  return [...(service?.conditionKeys.values() ?? [])].filter((k) => !k.key.toLowerCase().startsWith('aws:')).map((k) => ({ key: k.key, type: k.type, description: k.description, origin: `${service?.prefix} key` }));
}

/** A key with a placeholder part (`aws:PrincipalTag/tag-key`, `s3:ResourceTag/${TagKey}`) becomes a snippet with a tab stop there. */
function keySnippet(key: string): { text: string; snippet: boolean } {
  const match = /\/tag-key$/i.exec(key) ?? /\$\{[^{}]*\}|<[^<>]*>/.exec(key);
  if (!match) return { text: key, snippet: false };
  const name = match[0].replace(/^\/|^\$\{|\}$|^<|>$/g, '');
  const head = key.slice(0, match.index) + (match[0].startsWith('/') ? '/' : '');
  return { text: `${snippetLiteral(head)}${tabStop(1, name)}${snippetLiteral(key.slice(match.index + match[0].length))}`, snippet: true };
}

/**
 * Keys worth offering under an operator: those it can compare, but for Arn operators only ARN keys
 * (`ArnNotLike` on an account id is always true), and not MFA under `BoolIfExists` in an Allow, the
 * classic way to let long-term keys through.
 */
function suits(operator: ConditionOperator, candidate: KeyCandidate, effect: string | undefined): boolean {
  if (!familySuits(operator, candidate.type, candidate.key)) return false;
  if (operator.family === 'Arn' && !candidate.type.endsWith('ARN')) return false;
  return !(operator.ifExists && effect !== 'Deny' && candidate.key.toLowerCase() === 'aws:multifactorauthpresent');
}

/** Which Bool value comes first: in a Deny, `false` for the keys a Deny tests for their absence of TLS or MFA. */
export function boolOrder(key: string, effect: string | undefined): [string, string] {
  const lower = key.toLowerCase();
  return effect === 'Deny' && (lower === 'aws:securetransport' || lower === 'aws:multifactorauthpresent') ? ['false', 'true'] : ['true', 'false'];
}

/** The value written after a key: a choice for Bool, a list for set operators, an empty string otherwise. */
function valueTemplate(key: string, type: ConditionKeyType, operator: ConditionOperator | undefined, effect: string | undefined, indexBase: number): { value: string; retrigger: boolean } {
  if (operator?.family === 'Null' || operator?.family === 'Bool' || type === 'Bool') return { value: `"\${${indexBase}|${boolOrder(key, effect).join(',')}|}"`, retrigger: false };
  if (operator?.setOperator) return { value: `["$${indexBase}"]`, retrigger: false };
  return { value: `"$${indexBase}"`, retrigger: true };
}

/**
 * Keys for an operator block: the claims of the statement's identity providers (trust policies), the
 * keys of its actions, then the global keys; only keys the operator can compare, not those already
 * there. For statements too broad to list (`*`, NotAction) the keys of a typed service prefix are listed.
 */
export function conditionKeySuggestions(
  statement: Statement | undefined,
  operatorText: string,
  block: Node | undefined,
  typed: string,
  kind: PolicyKind,
): { suggestions: Suggestion[]; incomplete: boolean } {
  const reading = readOperator(operatorText);
  const operator = 'operator' in reading ? reading.operator : undefined;
  const candidates: KeyCandidate[] = [];
  let incomplete = false;
  if (statement && kind === 'trust') candidates.push(...claimKeys(statement));
  const actions = statement ? listedActions(statement) : [];
  if (actions) candidates.push(...actionKeys(actions));
  else {
    incomplete = true;
    const prefix = typed.includes(':') ? typed.slice(0, typed.indexOf(':')) : undefined;
    if (prefix && prefix.toLowerCase() !== 'aws' && hasService(prefix)) candidates.push(...keysOfService(prefix));
  }
  for (const global of globalKeysByUse()) candidates.push({ key: global.key, type: global.type, description: global.description, origin: 'global key' });

  const present = new Set([...keysWithValues(block)].map((k) => k.toLowerCase()));
  const seen = new Set<string>();
  const suggestions: Suggestion[] = [];
  const multiValued = new Set<Suggestion>();
  for (const candidate of candidates) {
    const lower = candidate.key.toLowerCase();
    if (seen.has(lower) || present.has(lower)) continue;
    seen.add(lower);
    if (operator && !suits(operator, candidate, statement?.effect)) continue;
    const { text, snippet } = keySnippet(candidate.key);
    const { value, retrigger } = valueTemplate(candidate.key, candidate.type, operator, statement?.effect, snippet ? 2 : 1);
    const docs = describeKey(candidate.key, candidate.type, candidate.description, candidate.origin);
    const suggestion: Suggestion = {
      label: candidate.key,
      kind: 'key',
      detail: `${candidate.type} · ${candidate.origin}`,
      documentation: candidate.origin === 'global key' ? `${docs}\n\n[Global condition keys](${GLOBAL_KEYS_URL})` : docs,
      text,
      snippet,
      value,
      retrigger,
    };
    suggestions.push(suggestion);
    if (isMultiValued(candidate.type)) multiValued.add(suggestion);
  }
  // A set operator is for multi-valued keys, a plain one for single-valued keys: those first.
  if (operator) {
    const wantsMulti = operator.setOperator !== undefined;
    const fits = (s: Suggestion) => multiValued.has(s) === wantsMulti;
    suggestions.sort((a, b) => Number(fits(b)) - Number(fits(a)));
  }
  return { suggestions, incomplete };
}
