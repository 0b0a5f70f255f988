import type { Node } from 'jsonc-parser';
import { keysWithValues } from '../jsonTree';
import type { PolicyKind } from '../types';
import type { Suggestion } from './suggestion';

/** A statement to start from, as a JSON object snippet. */
function statementSnippet(kind: PolicyKind): string {
  if (kind === 'trust') return '{\n\t"Effect": "Allow",\n\t"Principal": {\n\t\t"${1|AWS,Service,Federated|}": "$2"\n\t},\n\t"Action": "${3:sts:AssumeRole}"\n}';
  if (kind === 'resource') return '{\n\t"Effect": "${1|Allow,Deny|}",\n\t"Principal": {\n\t\t"AWS": "$2"\n\t},\n\t"Action": "$3",\n\t"Resource": "$4"\n}';
  return '{\n\t"Effect": "${1|Allow,Deny|}",\n\t"Action": "$2",\n\t"Resource": "$3"\n}';
}

/** Text indented by `depth` more tabs after each line break (the first line sits where it is inserted). */
const indented = (text: string, depth: number) => text.replace(/\n/g, `\n${'\t'.repeat(depth)}`);

/** `Statement`'s value: a list holding one statement. */
const statementList = (kind: PolicyKind) => `[\n\t${indented(statementSnippet(kind), 1)}\n]`;

/** The value of `Statement` (a list with one statement), or one more statement in the list. */
export function statementValues(inList: boolean, kind: PolicyKind): Suggestion[] {
  const text = inList ? statementSnippet(kind) : statementList(kind);
  return [{ label: inList ? 'New statement' : 'Statement list', kind: 'snippet', text, snippet: true, json: true, documentation: 'A statement to start from.' }];
}

/** A whole policy, for an empty document. */
export function policySkeletons(kind: PolicyKind): Suggestion[] {
  const statement = indented(statementSnippet(kind), 2);
  return [
    {
      label: kind === 'trust' ? 'Trust policy' : kind === 'resource' ? 'Resource policy' : 'Identity policy',
      kind: 'snippet',
      text: `{\n\t"Version": "2012-10-17",\n\t"Statement": [\n\t\t${statement}\n\t]\n}`,
      snippet: true,
      json: true,
      documentation: 'A policy with one statement to fill in.',
    },
  ];
}

/** Top-level keys, with a value to start from. */
export function topLevelKeys(object: Node | undefined, kind: PolicyKind): Suggestion[] {
  const statement = statementList(kind);
  const keys: Suggestion[] = [
    { label: 'Version', kind: 'property', text: 'Version', value: '"2012-10-17"', documentation: VERSION_DOC },
    { label: 'Statement', kind: 'property', text: 'Statement', value: statement, documentation: 'The list of statements; each one allows or denies actions.' },
    { label: 'Id', kind: 'property', text: 'Id', value: '"$1"', documentation: 'An optional identifier of the policy (some services, such as SQS, keep it; IAM ignores it).' },
  ];
  const present = keysWithValues(object);
  return keys.filter((k) => !present.has(k.label));
}

/** Statement keys that fit the kind of policy and are not there yet (nor their `Not` twin). */
export function statementKeys(statement: Node | undefined, kind: PolicyKind): Suggestion[] {
  const keys: (Suggestion & { kinds?: PolicyKind[]; twin?: string })[] = [
    { label: 'Sid', kind: 'property', text: 'Sid', value: '"$1"', documentation: 'An optional statement id: letters and digits only in IAM policies.' },
    { label: 'Effect', kind: 'property', text: 'Effect', value: '"${1|Allow,Deny|}"', documentation: EFFECT_DOC },
    {
      label: 'Principal',
      kind: 'property',
      text: 'Principal',
      value: '{\n\t"${1|AWS,Service,Federated|}": "$2"\n}',
      kinds: ['trust', 'resource'],
      twin: 'NotPrincipal',
      documentation: 'Who the statement applies to: AWS accounts, users and roles, services, or identity providers.',
    },
    {
      label: 'NotPrincipal',
      kind: 'property',
      text: 'NotPrincipal',
      value: '{\n\t"AWS": "$1"\n}',
      kinds: ['resource'],
      twin: 'Principal',
      documentation: 'Everyone except the principals listed. Hard to get right (with Allow it grants almost everyone); prefer Principal with conditions.',
    },
    { label: 'Action', kind: 'property', text: 'Action', value: '"$1"', retrigger: true, twin: 'NotAction', documentation: 'The actions the statement allows or denies, `service:Action`, wildcards allowed.' },
    {
      label: 'NotAction',
      kind: 'property',
      text: 'NotAction',
      value: '"$1"',
      retrigger: true,
      twin: 'Action',
      documentation: 'Every action except those listed. With Allow it grants far more than it seems; use it in Deny statements.',
    },
    {
      label: 'Resource',
      kind: 'property',
      text: 'Resource',
      value: '"$1"',
      retrigger: true,
      kinds: ['identity', 'resource'],
      twin: 'NotResource',
      documentation: 'The resources the actions apply to, as ARNs (wildcards allowed), or `*`.',
    },
    {
      label: 'NotResource',
      kind: 'property',
      text: 'NotResource',
      value: '"$1"',
      kinds: ['identity', 'resource'],
      twin: 'Resource',
      documentation: 'Every resource except those listed. With Allow it grants more than it seems; prefer Resource.',
    },
    {
      label: 'Condition',
      kind: 'property',
      text: 'Condition',
      value: '{\n\t"${1:StringEquals}": {\n\t\t"$2": "$3"\n\t}\n}',
      documentation: 'When the statement applies: operators, each with condition keys and the values they are compared with.',
    },
  ];
  const present = keysWithValues(statement);
  return keys.filter((k) => (!k.kinds || k.kinds.includes(kind)) && !present.has(k.label) && !(k.twin && present.has(k.twin)));
}

export const VERSION_DOC =
  'The policy language version. Always write `2012-10-17`: the older `2008-10-17` does not support policy variables such as `${aws:username}`, and a missing Version means 2008-10-17.';

export const EFFECT_DOC = '`Allow` grants what the statement describes; `Deny` refuses it and always wins over any Allow, in any policy.';

export function versionValues(): Suggestion[] {
  return [
    { label: '2012-10-17', kind: 'value', text: '2012-10-17', detail: 'current', documentation: VERSION_DOC },
    { label: '2008-10-17', kind: 'value', text: '2008-10-17', detail: 'old: no policy variables', documentation: VERSION_DOC },
  ];
}

export function effectValues(): Suggestion[] {
  return [
    { label: 'Allow', kind: 'value', text: 'Allow', documentation: EFFECT_DOC },
    { label: 'Deny', kind: 'value', text: 'Deny', documentation: EFFECT_DOC },
  ];
}

