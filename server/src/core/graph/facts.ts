import { analyzeUnit } from '../analyze';
import type { PolicyUnit, UnitOwner } from '../host/types';
import { replacePlaceholders, splitArn } from '../iam';
import { spanOf, stringValue } from '../jsonTree';
import { element, readPolicy, type Statement } from '../policyModel';
import { RULES, RULES_BY_ID } from '../rules';
import { defaultSeverity } from '../rules/rule';
import { principalsOf, resourcesOf } from '../statementParts';
import { ASSUME_ACTION, grantsAssume, statementTrustActions } from '../trust/actions';
import { assumeFamily, reread, trustedPrincipals } from '../trust/principals';
import type { Finding, PolicyKind, Span } from '../types';
import { shortConditions } from './conditions';
import { principalNode, PUBLIC_NODE, type PrincipalNode } from './principalNode';
import type { Risk } from './types';

/** One statement of a file, as an edge points at it. */
export interface StatementRef {
  span: Span;
  index: number;
  sid?: string;
}

/** A principal a trust policy lets assume the role. */
export interface TrustFact {
  principal: PrincipalNode;
  conditions: string[];
  risk: Risk;
  reasons: string[];
  /** The rules behind the risk, for build to discount what only matters across accounts. */
  rules: string[];
  /** The principal's value in `Principal`. */
  span: Span;
  statement: StatementRef;
}

/** A Resource an identity policy allows sts:AssumeRole on (a role ARN, a pattern or `*`). */
export interface GrantFact {
  resource: string;
  conditions: string[];
  span: Span;
  statement: StatementRef;
}

/**
 * What one file adds to the graph. It depends on the file's text and kind only, never on other
 * files or on where the file is: the server keeps one per file and rebuilds the graph from them.
 */
export interface FileFacts {
  kind: PolicyKind;
  /** The policy's id in its file (a Terraform file holds several). */
  policy: string;
  /** Whose policy it is, where the host file says (a Terraform role's name). */
  owner?: UnitOwner;
  /** The whole policy, where a role or a policy node points. */
  span: Span;
  trusts: TrustFact[];
  grants: GrantFact[];
  /** Principals a trust statement names but cannot let in (the statement lacks their assume action). */
  unusable: { message: string; span: Span }[];
}

/**
 * Rules whose findings say how far a trust statement is open. A finding's default severity is the
 * edge's risk (error high, warning medium, info low), so the graph and the diagnostics agree.
 * Rules about statements that cannot work (a wrong action) are not about risk and are left out.
 */
const RISK_RULES = new Set([
  'public-principal',
  'not-principal-with-allow',
  'mfa-if-exists',
  'trust-cross-account-unconditioned',
  'trust-external-id-weak',
  'trust-oidc-missing-aud',
  'trust-oidc-missing-sub',
  'trust-oidc-wildcard-sub',
  'trust-saml-missing-aud',
  'trust-service-confused-deputy',
]);

const RISK_OF: Record<Finding['severity'], Risk> = { error: 'high', warning: 'medium', info: 'low', hint: 'low' };
const RISK_ORDER: Record<Risk, number> = { high: 2, medium: 1, low: 0 };

export function worstRisk(risks: Iterable<Risk>): Risk {
  let worst: Risk = 'low';
  for (const risk of risks) if (RISK_ORDER[risk] > RISK_ORDER[worst]) worst = risk;
  return worst;
}

/**
 * The risk rules on, whatever the user silenced (an edge's risk must not depend on it), and every
 * other rule off: the workspace scan reads every file, and only these findings count here.
 */
const RISK_RULES_ONLY: Readonly<Record<string, 'off'>> = Object.fromEntries(RULES.filter((r) => !RISK_RULES.has(r.id)).map((r) => [r.id, 'off']));

/** What one policy of a known kind adds to the graph. */
export function readFacts(parsed: PolicyUnit, kind: PolicyKind): FileFacts {
  const base = { kind, policy: parsed.id, ...(parsed.owner ? { owner: parsed.owner } : {}), span: parsed.span };
  const root = parsed.root;
  if (root?.type !== 'object') return { ...base, trusts: [], grants: [], unusable: [] };
  const policy = readPolicy(root);
  if (kind === 'trust') {
    // Findings only for trust policies: identity and resource files skip schema and rules.
    const findings = analyzeUnit(parsed, kind, { rules: RISK_RULES_ONLY });
    const unusable: FileFacts['unusable'] = [];
    const trusts = deniesEveryone(policy.statements, 'trust') ? [] : policy.statements.flatMap((s) => trustFacts(s, findings, unusable, parsed.resolve));
    return { ...base, trusts, grants: [], unusable };
  }
  if (kind === 'identity') {
    const grants = deniesEveryone(policy.statements, 'identity') ? [] : policy.statements.flatMap((s) => grantFacts(s, parsed.resolve));
    return { ...base, trusts: [], grants, unusable: [] };
  }
  return { ...base, trusts: [], grants: [], unusable: [] };
}

/**
 * A Deny without conditions of sts:AssumeRole to everyone (trust) or on every resource (identity)
 * overrides every Allow: nothing of the file is drawn. Narrower Denies are left to the statements'
 * own reading (the picture shows what the Allows say).
 */
function deniesEveryone(statements: readonly Statement[], kind: 'trust' | 'identity'): boolean {
  return statements.some((statement) => {
    if (statement.effect !== 'Deny' || element(statement, 'Condition') !== undefined || !coversAssumeRole(statement)) return false;
    if (kind === 'trust') return trustedPrincipals(statement).some((p) => p.type === 'everyone');
    const resources = resourcesOf(statement);
    return resources !== undefined && !resources.negated && resources.values.some((v) => v.text === '*');
  });
}

function statementRef(statement: Statement): StatementRef {
  const sid = stringValue(element(statement, 'Sid'));
  return { span: spanOf(statement.node), index: statement.index, ...(sid !== undefined ? { sid } : {}) };
}

const inside = (outer: Span, inner: Span) => inner.offset >= outer.offset && inner.offset + inner.length <= outer.offset + outer.length;

function trustFacts(statement: Statement, findings: Finding[], unusable: FileFacts['unusable'], resolve: PolicyUnit['resolve']): TrustFact[] {
  const actions = statementTrustActions(statement);
  if (statement.effect !== 'Allow' || !grantsAssume(actions)) return [];
  const ref = statementRef(statement);
  const here = findings.filter((f) => inside(ref.span, f));
  const element = principalsOf(statement);
  if (element?.name === 'NotPrincipal') {
    // Allow with NotPrincipal: everyone but the few named.
    const except = element.entries.flatMap((e) => e.values.map((v) => v.text));
    const conditions = [...(except.length > 0 ? [`except ${except.join(' | ')}`] : []), ...shortConditions(statement)];
    return [{ principal: PUBLIC_NODE, conditions, ...riskOf(here), span: spanOf(element.node), statement: ref }];
  }
  const facts: TrustFact[] = [];
  for (const written of trustedPrincipals(statement)) {
    // A Terraform reference the module resolves (`${var.auditors_account_id}`) is drawn as what it stands for.
    const resolved = resolve?.(written.text);
    const principal = (resolved !== undefined ? reread(written, resolved) : undefined) ?? written;
    const node = principalNode(principal);
    const family = assumeFamily(principal);
    if (!node || !family) continue;
    const span = spanOf(principal.node);
    // A GitHub provider with sts:AssumeRole cannot assume the role: no edge, but say why.
    if (!actions?.has(ASSUME_ACTION[family])) {
      unusable.push({ span, message: `${principal.text} is trusted, but the statement does not allow ${ASSUME_ACTION[family]}, which it needs: it cannot assume the role.` });
      continue;
    }
    // A finding on another principal of the statement is about that one; one on the conditions is about all.
    const mine = here.filter((f) => inside(span, f) || !onAnyPrincipal(statement, f));
    facts.push({ principal: node, conditions: shortConditions(statement, principal), ...riskOf(mine), span, statement: ref });
  }
  return facts;
}

function onAnyPrincipal(statement: Statement, finding: Finding): boolean {
  const element = principalsOf(statement);
  return element !== undefined && inside(spanOf(element.node), finding);
}

function riskOf(findings: Finding[]): { risk: Risk; reasons: string[]; rules: string[] } {
  return { risk: worstRisk(findings.map(findingRisk)), reasons: [...new Set(findings.map((f) => firstSentence(f.message)))], rules: findings.map((f) => f.rule) };
}

/** The risk of one finding: its rule's default severity in a trust policy. */
export function ruleRisk(ruleId: string): Risk {
  const rule = RULES_BY_ID.get(ruleId);
  return RISK_OF[rule ? defaultSeverity(rule, 'trust') : 'info'];
}

function findingRisk(finding: Finding): Risk {
  return RULES_BY_ID.has(finding.rule) ? ruleRisk(finding.rule) : RISK_OF[finding.severity];
}

function firstSentence(message: string): string {
  const end = message.search(/[.:](\s|$)/);
  return end > 0 ? message.slice(0, end) : message;
}

/** Whether a statement's Action (or NotAction) covers sts:AssumeRole (to allow or to deny it). */
function coversAssumeRole(statement: Statement): boolean {
  return statementTrustActions(statement)?.has('sts:AssumeRole') ?? false;
}

/**
 * Role ARNs (`arn:aws:iam::111122223333:role/Deploy`, patterns, CloudFormation references such as
 * `arn:${AWS::Partition}:iam::${AWS::AccountId}:role/deploy`) and `*`.
 */
function isRoleResource(text: string): boolean {
  if (text === '*' || /^arn:\*+$/.test(text)) return true;
  const arn = splitArn(replacePlaceholders(text, 'x'));
  return arn !== undefined && /^(iam|\*+)$/.test(arn.service) && /^(role|\*|role[/*?])/.test(arn.resource);
}

function grantFacts(statement: Statement, resolve: PolicyUnit['resolve']): GrantFact[] {
  if (statement.effect !== 'Allow' || !coversAssumeRole(statement)) return [];
  const resources = resourcesOf(statement);
  if (!resources) return [];
  const ref = statementRef(statement);
  const conditions = shortConditions(statement);
  // NotResource: every role but the few named, as wide as `*` for this picture.
  if (resources.negated) return [{ resource: '*', conditions: [`except ${resources.values.map((v) => v.text).join(' | ')}`, ...conditions], span: spanOf(resources.node), statement: ref }];
  // A Terraform reference to a role of the module (`aws_iam_role.audit.arn`) is that role.
  const values = resources.values.map((v) => ({ ...v, text: resolve?.(v.text) ?? v.text }));
  return values.filter((v) => isRoleResource(v.text)).map((v) => ({ resource: v.text, conditions, span: spanOf(v.node), statement: ref }));
}
