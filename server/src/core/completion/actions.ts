import { describeAction, describeWildcard } from '../describe';
import { actionId, getService, hasService, matchActions, serviceName, servicePrefixes, type ActionInfo } from '../iam';
import { escapeMarkdown } from '../markdown';
import type { Statement } from '../policyModel';
import { actionsOf } from '../statementParts';
import { ASSUME_ACTION, TRUST_ACTIONS } from '../trust/actions';
import { assumeFamily, trustedPrincipals } from '../trust/principals';
import type { PolicyKind } from '../types';
import type { Suggestion } from './suggestion';

/** Wildcards are offered for verbs that at least this many actions share (`s3:Get*`). */
const MIN_WILDCARD_MATCHES = 2;

/**
 * Actions for `Action`/`NotAction`: service prefixes until a colon is typed (each then asks for its
 * actions), then the service's actions and the wildcards worth writing. Trust policies get only the
 * actions they accept, the one that fits the statement's principal first.
 */
export function actionSuggestions(typed: string, statement: Statement | undefined, kind: PolicyKind): { suggestions: Suggestion[]; incomplete: boolean } {
  const present = new Set((statement ? (actionsOf(statement)?.values ?? []) : []).map((v) => v.text.toLowerCase()));
  present.delete(typed.toLowerCase());
  if (kind === 'trust') return { suggestions: trustActions(statement, present), incomplete: false };
  const colon = typed.indexOf(':');
  const prefix = colon < 0 ? undefined : typed.slice(0, colon);
  if (prefix === undefined || !hasService(prefix)) return { suggestions: serviceSuggestions(), incomplete: true };
  const service = getService(prefix);
  if (!service) return { suggestions: [], incomplete: false };
  const suggestions = ofService(service.prefix).filter((s) => s.kind !== 'action' || !present.has(s.text.toLowerCase()));
  const stem = typedStemWildcard(service.prefix, typed.slice(colon + 1));
  if (stem && !suggestions.some((s) => s.label.toLowerCase() === stem.label.toLowerCase())) suggestions.splice(suggestions.length - 1, 0, stem);
  return { suggestions, incomplete: false };
}

let services: Suggestion[] | undefined;

function serviceSuggestions(): Suggestion[] {
  services ??= servicePrefixes().map((prefix) => ({
    label: prefix,
    kind: 'service',
    detail: serviceName(prefix),
    text: `${prefix}:`,
    retrigger: true,
  }));
  return services;
}

/** The leading verb of an action name: `Get` of `GetObjectAcl`. */
function verbOf(name: string): string | undefined {
  return /^[A-Z][a-z]+/.exec(name)?.[0];
}

/** Per service: its actions by name, the verb wildcards (`s3:Get*`), and `s3:*` last. Built once per service. */
const serviceCache = new Map<string, Suggestion[]>();

function ofService(prefix: string): Suggestion[] {
  let cached = serviceCache.get(prefix);
  if (!cached) {
    const actions = [...(getService(prefix)?.actions.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    cached = actions.map((action) => ({
      label: actionId(action),
      kind: 'action',
      detail: action.accessLevel,
      documentation: describeAction(action, false),
      text: actionId(action),
    }));
    const byVerb = new Map<string, ActionInfo[]>();
    for (const action of actions) {
      const verb = verbOf(action.name);
      if (verb) byVerb.set(verb, [...(byVerb.get(verb) ?? []), action]);
    }
    for (const [verb, matches] of [...byVerb].sort((a, b) => a[0].localeCompare(b[0]))) {
      if (matches.length >= MIN_WILDCARD_MATCHES) cached.push(wildcard(`${prefix}:${verb}*`, matches, `${matches.length} actions`));
    }
    cached.push({
      ...wildcard(`${prefix}:*`, actions, `all ${actions.length} actions`),
      documentation: `${describeWildcard(`${prefix}:*`, actions)}\n\nFull access to the service: prefer the actions you need.`,
    });
    serviceCache.set(prefix, cached);
  }
  return cached;
}

function wildcard(pattern: string, matches: readonly ActionInfo[], detail: string): Suggestion {
  return { label: pattern, kind: 'wildcard', detail, documentation: describeWildcard(pattern, matches), text: pattern };
}

/** The typed name as a wildcard (`s3:GetObject*`) when it matches several actions and is not a verb wildcard already. */
function typedStemWildcard(prefix: string, typedName: string): Suggestion | undefined {
  const stem = typedName.replace(/\*+$/, '');
  if (!stem || /[*?]/.test(stem)) return undefined;
  const matches = matchActions(`${prefix}:${stem}*`);
  return matches.length >= MIN_WILDCARD_MATCHES ? wildcard(`${prefix}:${stem}*`, matches, `${matches.length} actions`) : undefined;
}

const TRUST_ACTION_DOCS: Record<string, string> = {
  'sts:AssumeRole': 'Lets AWS accounts, users, roles and services assume the role.',
  'sts:AssumeRoleWithSAML': 'Lets users federated through a SAML 2.0 identity provider assume the role.',
  'sts:AssumeRoleWithWebIdentity': 'Lets users or workloads with an OIDC token (GitHub Actions, EKS service accounts, Cognito) assume the role.',
  'sts:TagSession': 'Lets the caller pass session tags. Needed by EKS Pod Identity and by identity providers that send tags.',
  'sts:SetSourceIdentity': 'Lets the caller set a source identity, which follows the session through role chaining.',
  'sts:SetContext': 'Lets the caller set context keys on the session (trusted identity propagation).',
};

function trustActions(statement: Statement | undefined, present: ReadonlySet<string>): Suggestion[] {
  const principals = statement ? trustedPrincipals(statement) : [];
  const fitting = new Set<string>(principals.flatMap((p) => {
    const family = assumeFamily(p);
    return family ? [ASSUME_ACTION[family]] : [];
  }));
  // EKS Pod Identity passes session tags: its trust policy needs sts:TagSession too.
  if (principals.some((p) => p.type === 'service' && p.service.toLowerCase() === 'pods.eks.amazonaws.com')) fitting.add('sts:TagSession');
  const ordered = [...TRUST_ACTIONS].sort((a, b) => Number(fitting.has(b)) - Number(fitting.has(a)));
  return ordered
    .filter((a) => !present.has(a.toLowerCase()))
    .map((a) => ({
      label: a,
      kind: 'action',
      detail: fitting.has(a) ? 'fits the principal' : 'trust policy action',
      documentation: escapeMarkdown(TRUST_ACTION_DOCS[a]),
      text: a,
    }));
}
