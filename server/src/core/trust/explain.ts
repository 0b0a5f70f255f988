import { isSourceAwareService } from '../iam';
import { findProperty, spanOf, stringValue } from '../jsonTree';
import { element, type PolicyModel, type Statement } from '../policyModel';
import { conditionsOf, principalsOf, type ConditionEntry } from '../statementParts';
import type { Span } from '../types';
import { ASSUME_ACTION, grantsAssume, statementTrustActions, type TrustAction } from './actions';
import { entryValues, guardOf, positiveOperator, statementGuards, type Guard } from './conditions';
import { audienceClaim, claimEntries, type OidcPrincipal } from './federation';
import { assumeFamily, trustedPrincipals, type TrustedPrincipal } from './principals';
import { subjectWords } from './subjectWords';

/** The condition entries a principal's words already say (by the offset of their key). */
type Used = Set<number>;

/** Who may (or may not) assume the role through one statement, in plain words. */
export interface StatementExplanation {
  /** 0-based position in the Statement list. */
  index: number;
  sid: string | undefined;
  /** The statement object, where a code lens goes. */
  span: Span;
  /** The `Principal` (or `NotPrincipal`) member, key and value, where hovering shows the explanation. */
  principalSpan: Span | undefined;
  effect: 'Allow' | 'Deny';
  /** Who, and under which conditions: "GitHub Actions runs of acme/web on branch main". */
  summary: string;
  /** The conditions, one phrase each ("with MFA", "when aws:SourceIp is in 203.0.113.0/24"). */
  conditions: string[];
  /** The trust actions the statement allows or denies. */
  actions: string[];
  /** In a file that holds several policies (Terraform): the policy, and whose it is. */
  policy?: { id: string; label: string };
}

/** Explains every Allow and Deny statement of a trust policy. */
export function explainTrustPolicy(policy: PolicyModel): StatementExplanation[] {
  const result: StatementExplanation[] = [];
  for (const statement of policy.statements) {
    if (statement.effect !== 'Allow' && statement.effect !== 'Deny') continue;
    const used: Used = new Set<number>();
    const who = describePrincipals(statement, used);
    const conditions = conditionsOf(statement)
      .filter((e) => !used.has(e.keyNode.offset))
      .map(conditionPhrase);
    const actions = [...(statementTrustActions(statement) ?? [])];
    const summary = [who, ...mergeMfa(conditions)].join(', ') + missingActionNote(statement, actions);
    const sid = stringValue(element(statement, 'Sid'));
    result.push({
      index: statement.index,
      sid,
      span: spanOf(statement.node),
      principalSpan: principalMember(statement),
      effect: statement.effect,
      summary,
      conditions,
      actions,
    });
  }
  return result;
}

/** A principal whose assume action the statement lacks cannot use it: say so rather than mislead. */
function missingActionNote(statement: Statement, actions: string[]): string {
  const needed = new Set(trustedPrincipals(statement).flatMap((p) => {
    const family = assumeFamily(p);
    return family ? [ASSUME_ACTION[family]] : [];
  }));
  const missing = [...needed].filter((a) => !actions.includes(a));
  if (statement.effect !== 'Allow' || missing.length === 0 || !grantsAssume(new Set(actions as TrustAction[]))) return '';
  return ` (but the statement does not allow ${missing.join(' or ')}, which ${missing.length > 1 ? 'they need' : 'it needs'})`;
}

function principalMember(statement: Statement): Span | undefined {
  const property = findProperty(statement.node, 'Principal') ?? findProperty(statement.node, 'NotPrincipal');
  return property && spanOf(property);
}

/** "with MFA" and "with MFA in the last 60 minutes" say one thing. */
function mergeMfa(phrases: string[]): string[] {
  return phrases.some((p) => p.startsWith('with MFA in the last')) ? phrases.filter((p) => p !== 'with MFA') : phrases;
}

function describePrincipals(statement: Statement, used: Used): string {
  const element = principalsOf(statement);
  if (!element) return 'No principal (the statement applies to nobody)';
  if (element.name === 'NotPrincipal') {
    if (element.everyone) return 'Nobody (NotPrincipal "*" leaves no one out of the exception)';
    const names = element.entries.flatMap((e) => e.values.map((v) => v.text));
    return `Everyone except ${names.join(', ') || 'nobody'}`;
  }
  const principals = trustedPrincipals(statement);
  const entities = principals.filter((p): p is Extract<TrustedPrincipal, { type: 'entity' }> => p.type === 'entity');
  const phrases = [...groupEntities(entities), ...principals.filter((p) => p.type !== 'entity').map((p) => describePrincipal(statement, p, used))];
  if (phrases.length === 0) return 'No principal that IAM accepts';
  const joined = [...new Set(phrases)].join(' or ');
  return joined[0].toUpperCase() + joined.slice(1);
}

/** Roles and users, the same name in many accounts said once: "the role Deploy in 60 accounts (1, 2, 3, …)". */
function groupEntities(entities: Extract<TrustedPrincipal, { type: 'entity' }>[]): string[] {
  const groups = new Map<string, Extract<TrustedPrincipal, { type: 'entity' }>[]>();
  for (const entity of entities) {
    const key = `${entity.entity}\u0000${entity.name}`;
    const group = groups.get(key);
    if (group) group.push(entity);
    else groups.set(key, [entity]);
  }
  return [...groups.values()].map((group) => {
    const accounts = group.map((e) => e.account).filter((a) => a !== '');
    if (accounts.length <= 1) return entityWords(group[0]);
    const shown = accounts.length > 3 ? `${accounts.slice(0, 3).join(', ')}, …` : accounts.join(', ');
    return `${entityWords({ ...group[0], account: '' })} in ${accounts.length} accounts (${shown})`;
  });
}

const SERVICE_WORDS: Readonly<Record<string, string>> = {
  'lambda.amazonaws.com': 'Lambda functions',
  'edgelambda.amazonaws.com': 'Lambda@Edge functions',
  'ec2.amazonaws.com': 'EC2 instances',
  'ecs-tasks.amazonaws.com': 'ECS tasks',
  'pods.eks.amazonaws.com': 'EKS pods (EKS Pod Identity)',
  'states.amazonaws.com': 'Step Functions state machines',
  'events.amazonaws.com': 'EventBridge rules',
  'scheduler.amazonaws.com': 'EventBridge Scheduler schedules',
  'codebuild.amazonaws.com': 'CodeBuild projects',
  'cloudformation.amazonaws.com': 'CloudFormation stacks',
  'config.amazonaws.com': 'AWS Config',
  'sagemaker.amazonaws.com': 'SageMaker jobs and endpoints',
  'glue.amazonaws.com': 'Glue jobs and crawlers',
};

function describePrincipal(statement: Statement, principal: TrustedPrincipal, used: Used): string {
  switch (principal.type) {
    case 'everyone':
      return 'anyone in any AWS account';
    case 'account':
      return `any principal in account ${principal.account} whose own policies allow sts:AssumeRole on this role`;
    case 'entity':
      return entityWords(principal);
    case 'service': {
      const words = Object.hasOwn(SERVICE_WORDS, principal.service) ? SERVICE_WORDS[principal.service] : `the service ${principal.service}`;
      const named = words.startsWith('the service') ? words : `${words} (${principal.service})`;
      if (!isSourceAwareService(principal.service)) return `${named} given this role`;
      const source = statementGuards(statement).has('source');
      return source ? named : `${named} acting for any account's resources`;
    }
    case 'oidc':
      return oidcWords(statement, principal, used);
    case 'saml': {
      const aud = claimEntries(statement, 'SAML', 'aud');
      aud.forEach((e) => used.add(e.keyNode.offset));
      const endpoints = aud.flatMap(entryValues);
      const console = endpoints.length > 0 && endpoints.every((v) => /^https:\/\/([a-z0-9-]+\.)?signin\.aws\.amazon\.com\/saml$/.test(v));
      const to = console ? ' to the AWS console' : endpoints.length > 0 ? ` for SAML:aud ${endpoints.map((v) => `"${v}"`).join(' or ')}` : '';
      return `users signed in through the SAML provider ${principal.name}${principal.account ? ` (account ${principal.account})` : ''}${to}`;
    }
    case 'canonical-user':
      return `the canonical user ${principal.text.slice(0, 12)}…`;
  }
}

function entityWords(principal: Extract<TrustedPrincipal, { type: 'entity' }>): string {
  const inAccount = principal.account ? ` in account ${principal.account}` : '';
  switch (principal.entity) {
    case 'role':
      return `the role ${principal.name}${inAccount}`;
    case 'user':
      return `the IAM user ${principal.name}${inAccount}`;
    case 'session':
      return `the role session ${principal.name}${inAccount}`;
    case 'federated-user':
      return `the federated user ${principal.name}${inAccount}`;
    case 'reference':
      return `the principal ${principal.name}`;
    default:
      return `a deleted principal (unique id ${principal.name}): re-creating one of the same name does not restore this trust`;
  }
}

/** Values of a claim the statement tests, marking the entries used. */
function claimValues(statement: Statement, principal: OidcPrincipal, claim: string, used: Used): string[] {
  const entries = claimEntries(statement, principal.issuer, claim);
  entries.forEach((e) => used.add(e.keyNode.offset));
  return entries.flatMap(entryValues);
}

/**
 * The subject tests in words: the values of one test are alternatives ("or"); separate tests must all
 * hold ("and"). A `*` under StringEquals is literal, so such a value matches no workload.
 */
function subjectGroups(statement: Statement, principal: OidcPrincipal, used: Used): string | undefined {
  const id = principal.provider?.id;
  const claims: [string, (v: string) => string][] = [['sub', (v) => v]];
  if (id === 'github') claims.push(['repository', (v) => `repo:${v}`]);
  const groups = claims.flatMap(([claim, asSubject]) =>
    claimEntries(statement, principal.issuer, claim).map((entry) => {
      used.add(entry.keyNode.offset);
      const wildcards = positiveOperator(entry, { alwaysPresent: true })?.wildcards ?? false;
      return entryValues(entry)
        .map((v) => (!wildcards && /[*?]/.test(v) ? `subject "${v}" (compared literally, so no workload matches)` : subjectWords(id, asSubject(v))))
        .join(' or ');
    }),
  );
  return groups.length > 0 ? groups.join(' and ') : undefined;
}

function oidcWords(statement: Statement, principal: OidcPrincipal, used: Used): string {
  const id = principal.provider?.id;
  const subjects = subjectGroups(statement, principal, used);
  const audiences = claimValues(statement, principal, audienceClaim(principal), used);
  const of = (anyone: string) => subjects ?? anyone;
  switch (id) {
    case 'github':
      return `GitHub Actions runs of ${of('any repository on GitHub')}`;
    case 'gitlab':
      return `GitLab CI/CD jobs of ${of('any project on GitLab')}`;
    case 'terraform':
      return `HCP Terraform runs of ${of('any organization')}`;
    case 'eks': {
      const cluster = /oidc\.eks\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/id\/(.+)$/i.exec(principal.issuer);
      const where = cluster ? `EKS cluster ${cluster[2]} (${cluster[1]})` : 'the EKS cluster';
      return `pods of ${where} running as ${of('any service account')}`;
    }
    case 'cognito': {
      const amr = claimValues(statement, principal, 'amr', used).map((v) => v.toLowerCase());
      const who = amr.includes('unauthenticated') ? (amr.includes('authenticated') ? 'signed-in and guest users' : 'guest (unauthenticated) users') : amr.includes('authenticated') ? 'signed-in users' : 'signed-in and guest users';
      return `${who} of ${audiences.length > 0 ? `the Cognito identity pool ${audiences.join(' or ')}` : 'any Cognito identity pool in any account'}`;
    }
    case 'google':
    case 'amazon':
    case 'facebook':
      return `users signed in with ${principal.provider?.name} to ${audiences.length > 0 ? `the app ${audiences.join(' or ')}` : 'any app'}${subjects ? ` (${subjects})` : ''}`;
    default:
      return `identities from the OIDC provider ${principal.issuer} with ${subjects ?? 'any subject'}`;
  }
}

const GUARD_WORDS: Partial<Record<Guard, (values: string[]) => string>> = {
  mfa: () => 'with MFA',
  'external-id': () => 'that present the agreed ExternalId',
  'principal-arn': (v) => `only as ${v.join(' or ')}`,
  organization: (v) => `only from the organization ${v.join(' or ')}`,
  'source-identity': (v) => `with source identity ${v.join(' or ')}`,
  'user-id': (v) => `only as user id ${v.join(' or ')}`,
  source: (v) => `acting for ${v.join(' or ')}`,
};

const VERBS: Readonly<Record<string, string>> = {
  StringEquals: 'is',
  StringNotEquals: 'is not',
  StringEqualsIgnoreCase: 'is',
  StringNotEqualsIgnoreCase: 'is not',
  StringLike: 'matches',
  StringNotLike: 'does not match',
  NumericEquals: 'is',
  NumericNotEquals: 'is not',
  NumericLessThan: 'is less than',
  NumericLessThanEquals: 'is at most',
  NumericGreaterThan: 'is more than',
  NumericGreaterThanEquals: 'is at least',
  DateEquals: 'is',
  DateNotEquals: 'is not',
  DateLessThan: 'is before',
  DateLessThanEquals: 'is at or before',
  DateGreaterThan: 'is after',
  DateGreaterThanEquals: 'is at or after',
  Bool: 'is',
  BinaryEquals: 'is',
  IpAddress: 'is in',
  NotIpAddress: 'is not in',
  ArnEquals: 'matches',
  ArnLike: 'matches',
  ArnNotEquals: 'does not match',
  ArnNotLike: 'does not match',
};

/** One condition entry in words: a guard ("with MFA") or the test itself. */
function conditionPhrase(entry: ConditionEntry): string {
  const values = entryValues(entry);
  const guard = guardOf(entry);
  const key = entry.key.toLowerCase();
  if (guard === 'mfa-age' && key === 'aws:multifactorauthage' && values.length === 1 && /^\d+$/.test(values[0])) {
    const seconds = Number(values[0]);
    return seconds < 120 ? `with MFA in the last ${seconds} seconds` : `with MFA in the last ${Math.round(seconds / 60)} minutes`;
  }
  const words = guard && GUARD_WORDS[guard];
  if (words) return words(values);
  if (!('operator' in entry.reading)) return `when ${entry.key} ${entry.operatorText} ${values.join(', ')}`;
  const { operator } = entry.reading;
  if (operator.family === 'Null') return `when ${entry.key} is ${values.every((v) => v.toLowerCase() === 'true') ? 'absent' : 'present'}`;
  const shown = values.length > 3 ? [...values.slice(0, 3), `${values.length - 3} more`] : values;
  const set = operator.setOperator === 'ForAnyValue' ? 'any of ' : operator.setOperator === 'ForAllValues' ? 'each of ' : '';
  const ifExists = operator.ifExists ? ' (or is absent)' : '';
  return `when ${set}${entry.key} ${VERBS[operator.base] ?? operator.base} ${shown.map((v) => `"${v}"`).join(' or ')}${ifExists}`;
}
