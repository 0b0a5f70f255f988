import { FILL_IN_ORGANIZATION_ID, SOURCELESS_SERVICES, splitArn } from '../iam';
import { audienceClaimOf } from '../trust/federation';
import { nodeAtPath, stringNodes } from '../jsonTree';
import { addAction, addCondition, moveConditionEntry, removeMemberAt, statementPath } from './conditionEdits';
import type { PolicyDraft as Draft } from '../host/types';
import { nodeAt, type FixProvider, type FixRequest, type QuickFix } from './quickFix';
import { randomExternalId } from './randomId';
import type { JsonPath } from '../jsonTree';
import { getNodePath, type Node } from 'jsonc-parser';

/** The finding's node and its statement, or nothing when the document changed under the finding. */
function located(request: FixRequest): { node: Node; statement: JsonPath } | undefined {
  const node = nodeAt(request.parsed, request.span);
  const statement = node && statementPath(node);
  return node && statement ? { node, statement } : undefined;
}

/** A fix made of steps on a draft of the document; nothing when a step does not apply. */
function fix(request: FixRequest, title: string, steps: (draft: Draft) => boolean, preferred = false): QuickFix[] {
  const draft = request.parsed.syntax.draft(request.parsed);
  const before = draft.text;
  if (!steps(draft) || draft.text === before) return [];
  return [{ title, edits: [draft.edit()], ...(preferred ? { preferred } : {}) }];
}

/** A fix that puts `value` in place of the finding's string node. */
function replaceNode(request: FixRequest, title: string, node: Node, value: string, preferred = false): QuickFix[] {
  return fix(request, title, (d) => d.replace(node, value), preferred);
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** An account principal with no condition: ExternalId, MFA, MFA age, a role ARN or the organization. */
export const narrowAccount: FixProvider = (request) => {
  const at = located(request);
  if (!at) return [];
  const { statement } = at;
  // From the principal as it is now, not from the finding's data: the text may have changed since.
  const principal = String(at.node.value);
  // splitArn keeps `${AWS::Partition}` and `${AWS::AccountId}` whole; a regex on colons cut them in two.
  const arn = splitArn(principal);
  const account = /^\d{12}$/.test(principal) ? principal : arn?.resource === 'root' ? arn.account : 'ACCOUNT_ID';
  const partition = arn?.partition ?? 'aws';
  const externalId = randomExternalId(request.randomBytes);
  return [
    ...fix(request, `Require the ExternalId "${externalId}" (newly generated: give it to the third party that assumes the role)`, (d) =>
      addCondition(d, statement, 'StringEquals', 'sts:ExternalId', externalId),
    ),
    ...fix(request, 'Require MFA (aws:MultiFactorAuthPresent "true")', (d) => addCondition(d, statement, 'Bool', 'aws:MultiFactorAuthPresent', 'true')),
    ...fix(request, 'Require MFA within the last hour (aws:MultiFactorAuthAge < 3600)', (d) =>
      addCondition(d, statement, 'Bool', 'aws:MultiFactorAuthPresent', 'true') && addCondition(d, statement, 'NumericLessThan', 'aws:MultiFactorAuthAge', '3600'),
    ),
    // Only for a lone principal: with others in the statement, the condition would lock them out.
    ...(principalCount(request, statement) === 1
      ? fix(request, `Only a role of account ${account} (aws:PrincipalArn; fill in ROLE_NAME)`, (d) =>
          addCondition(d, statement, 'ArnEquals', 'aws:PrincipalArn', `arn:${partition}:iam::${account}:role/ROLE_NAME`),
        )
      : []),
    ...fix(request, `Only principals of your organization (aws:PrincipalOrgID; fill in ${FILL_IN_ORGANIZATION_ID})`, (d) =>
      addCondition(d, statement, 'StringEquals', 'aws:PrincipalOrgID', FILL_IN_ORGANIZATION_ID),
    ),
  ];
};

function principalCount(request: FixRequest, statement: JsonPath): number {
  const principal = nodeAtPath(request.parsed.root, [...statement, 'Principal']);
  return principal?.type === 'object' ? (principal.children ?? []).reduce((n, p) => n + stringNodes(p.children?.[1]).length, 0) : 1;
}

/** What the audience of each provider's tokens is, or a placeholder where only the user knows. */
const AUDIENCE: Readonly<Record<string, string>> = {
  github: 'sts.amazonaws.com',
  eks: 'sts.amazonaws.com',
  terraform: 'aws.workload.identity',
  gitlab: 'https://gitlab.com',
  cognito: 'REGION:IDENTITY_POOL_ID',
  google: 'CLIENT_ID',
  amazon: 'APP_ID',
  facebook: 'APP_ID',
};

export const addAudience: FixProvider = (request) => {
  const at = located(request);
  const issuer = text(request.data.issuer);
  const provider = text(request.data.provider) ?? 'oidc';
  if (!at || !issuer) return [];
  const claim = audienceClaimOf(provider);
  const value = Object.hasOwn(AUDIENCE, provider) ? AUDIENCE[provider] : 'AUDIENCE';
  const known = value === 'sts.amazonaws.com' || value === 'aws.workload.identity' || value.startsWith('https://');
  return fix(request, `Require ${issuer}:${claim} "${value}"${known ? '' : ' (fill it in)'}`, (d) => addCondition(d, at.statement, 'StringEquals', `${issuer}:${claim}`, value), known);
};

/** The shape of each provider's subject, with the parts only the user knows in capitals. */
const SUBJECT: Readonly<Record<string, { operator: string; value: string }>> = {
  github: { operator: 'StringEquals', value: 'repo:OWNER/REPO:ref:refs/heads/main' },
  gitlab: { operator: 'StringEquals', value: 'project_path:GROUP/PROJECT:ref_type:branch:ref:main' },
  eks: { operator: 'StringEquals', value: 'system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT' },
  terraform: { operator: 'StringLike', value: 'organization:ORGANIZATION:project:PROJECT:workspace:WORKSPACE:run_phase:*' },
};

export const addSubject: FixProvider = (request) => {
  const at = located(request);
  const issuer = text(request.data.issuer);
  const provider = text(request.data.provider) ?? 'oidc';
  if (!at || !issuer) return [];
  const subject = Object.hasOwn(SUBJECT, provider) ? SUBJECT[provider] : { operator: 'StringEquals', value: 'SUBJECT' };
  const title = `Require ${issuer}:sub "${subject.value}" (fill in the capitals)`;
  // A subject value that does not narrow ("*"): replace it in place (only under the sub key itself).
  const path = getNodePath(at.node);
  const key = path.includes('Condition') ? path.find((p, i) => i > 0 && typeof p === 'string' && path[i - 1] !== 'Condition' && /:sub$/i.test(p)) : undefined;
  if (at.node.type === 'string' && key !== undefined) return replaceNode(request, title, at.node, subject.value);
  return fix(request, title, (d) => addCondition(d, at.statement, subject.operator, `${issuer}:sub`, subject.value));
};

export const addSamlAudience: FixProvider = (request) => {
  const at = located(request);
  if (!at) return [];
  return fix(request, 'Require SAML:aud "https://signin.aws.amazon.com/saml" (console sign-in)', (d) =>
    addCondition(d, at.statement, 'StringEquals', 'SAML:aud', 'https://signin.aws.amazon.com/saml'), true);
};

export const addSourceAccount: FixProvider = (request) => {
  const at = located(request);
  // With a compute service in the same statement (Lambda and Step Functions), the condition would
  // lock the compute service out: the statement must be split first, which is the user's call.
  const services = stringNodes(nodeAtPath(request.parsed.root, [...(at?.statement ?? []), 'Principal', 'Service'])).map((n) => String(n.value).toLowerCase());
  if (!at || services.some((s) => SOURCELESS_SERVICES.includes(s))) return [];
  return fix(request, 'Require aws:SourceAccount (fill in ACCOUNT_ID: the account whose resources use the role)', (d) =>
    addCondition(d, at.statement, 'StringEquals', 'aws:SourceAccount', 'ACCOUNT_ID'),
  );
};

/** Replaces the wrong assume action, or adds the missing one to the Action list. */
export const fixAssumeAction: FixProvider = (request) => {
  const at = located(request);
  if (!at) return [];
  const replaceWith = text(request.data.replaceWith);
  if (replaceWith && at.node.type === 'string') return replaceNode(request, `Change to "${replaceWith}"`, at.node, replaceWith, true);
  const add = text(request.data.addAction);
  return add ? fix(request, `Add "${add}" to the Action`, (d) => addAction(d, at.statement, add), true) : [];
};

/** Removes `Resource`/`NotResource` from a trust statement. */
export const removeTrustResource: FixProvider = (request) => {
  const at = located(request);
  if (!at || at.node.type !== 'string' || at.node.parent?.type !== 'property' || at.node.parent.children?.[0] !== at.node) return [];
  return fix(request, `Remove "${String(at.node.value)}" (a trust policy has none)`, (d) => removeMemberAt(d, at.node), true);
};

/**
 * Moves a condition entry to the operator in `data.replaceWith`: BoolIfExists -> Bool for MFA,
 * StringLike -> StringEquals for an ExternalId, ForAllValues:StringLike -> StringLike, StringEquals ->
 * StringLike for a wildcard. The finding is on the operator (then `data.key` names the key) or on a value.
 */
export const changeOperator: FixProvider = (request) => {
  const at = located(request);
  const replaceWith = text(request.data.replaceWith);
  if (!at || !replaceWith) return [];
  const where = operatorAndKey(at.node, text(request.data.key));
  if (!where) return [];
  return fix(request, `Change ${where.operator} to ${replaceWith} for ${where.key}`, (d) => moveConditionEntry(d, at.statement, where.operator, where.key, replaceWith), true);
};

/** The operator and key around a finding's node: an operator key (with the key from data) or a value. */
function operatorAndKey(node: Node, key: string | undefined): { operator: string; key: string } | undefined {
  const isKey = (n: Node) => n.parent?.type === 'property' && n.parent.children?.[0] === n;
  if (isKey(node) && key) return { operator: String(node.value), key };
  const keyProperty = node.parent?.type === 'array' ? node.parent.parent : node.parent;
  const operatorProperty = keyProperty?.parent?.parent;
  const keyName: unknown = keyProperty?.children?.[0]?.value;
  const operator: unknown = operatorProperty?.type === 'property' ? operatorProperty.children?.[0]?.value : undefined;
  return typeof keyName === 'string' && typeof operator === 'string' ? { operator, key: keyName } : undefined;
}

/** Puts a freshly generated ExternalId in place of a weak one. */
export const regenerateExternalId: FixProvider = (request) => {
  const at = located(request);
  if (!at || at.node.type !== 'string' || request.data.regenerate !== true) return [];
  const externalId = randomExternalId(request.randomBytes);
  return replaceNode(request, `Replace with the new random ExternalId "${externalId}" (give it to the third party)`, at.node, externalId);
};

/** Several providers for one rule: each offers what the finding's data lets it. */
export function allOf(...providers: FixProvider[]): FixProvider {
  return (request) => providers.flatMap((p) => p(request));
}
