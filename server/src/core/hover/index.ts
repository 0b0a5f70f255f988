import { getNodePath, type Node } from 'jsonc-parser';
import { editingKind } from '../completion';
import { EFFECT_DOC, VERSION_DOC } from '../completion/structure';
import { dataFooter, describeAction, describeKey, describeOperator, describeWildcard } from '../describe';
import { actionId, actionSupportsKey, findAction, getService, hasWildcard, lookupConditionKey, matchActions, parseActionPattern, readOperator } from '../iam';
import { code, escapeMarkdown } from '../markdown';
import { spanOf, type JsonPath } from '../jsonTree';
import type { ParsedDocument } from '../host/types';
import { unitAt } from '../host/units';
import { statementAtPath, type Statement } from '../policyModel';
import { listedActions } from '../statementParts';
import type { KindSetting, Span } from '../types';
import { accountText, describeArn, describePrincipal, type AccountNames } from './arns';

export interface HoverOptions {
  fileName?: string;
  kindSetting?: KindSetting;
  /** Account names from the `iamPolicy.accounts` setting. */
  accounts?: AccountNames;
}

/** Markdown about the piece of a policy under the cursor, and the span it is about. */
export interface HoverResult {
  contents: string;
  span: Span;
}

const ELEMENT_DOCS: Record<string, string> = {
  Statement: 'The statements of the policy. An explicit Deny in any statement wins over every Allow.',
  Sid: 'An optional statement id. In IAM policies only letters and digits.',
  Action: 'The actions the statement allows or denies, `service:Action`; `*` and `?` wildcards are allowed.',
  NotAction: 'Every action except those listed. In an Allow it grants far more than it seems (including actions AWS adds later); use it in Deny statements.',
  Resource: 'The resources the actions apply to, as ARNs, or `*`.',
  NotResource: 'Every resource except those listed. In an Allow it grants more than it seems.',
  Principal: 'Who the statement applies to: AWS accounts, users and roles, services, or identity providers.',
  NotPrincipal: 'Everyone except the principals listed: hard to get right; prefer Principal with conditions.',
  Condition: 'When the statement applies: every operator and every key must match. A key matches when any of its values does (for a negated operator such as StringNotEquals: when none does).',
  Id: 'An optional identifier of the policy.',
};

function withFooter(text: string): string {
  return `${text}\n\n${dataFooter()}`;
}

function actionHover(text: string, negated: boolean): string | undefined {
  const prefix = negated ? '**NotAction**: the statement applies to every action except this.\n\n' : '';
  if (text === '*') return `${prefix}${code('*')}: every action of every service.`;
  const pattern = parseActionPattern(text);
  if (!pattern) return undefined;
  if (!hasWildcard(text)) {
    const action = findAction(pattern.service, pattern.name);
    return action ? withFooter(`${prefix}${describeAction(action, true)}`) : undefined;
  }
  return withFooter(`${prefix}${describeWildcard(text, matchActions(text))}`);
}

function keyHover(key: string, statement: Statement | undefined): string | undefined {
  const found = lookupConditionKey(key);
  if (found.status === 'unknown-key' || found.status === 'unknown-prefix') return undefined;
  const origin = found.status === 'global' ? 'global key' : found.status === 'service' ? `${found.service} key` : `${found.provider?.name ?? found.issuer} claim`;
  const lines = [describeKey(found.key, found.type, found.description, origin)];
  if (found.status === 'global') lines.push('', 'Global: present in the requests it applies to, whatever the action.');
  const actions = (statement && listedActions(statement)) ?? [];
  if (found.status === 'service' && actions.length > 0) {
    const using = actions.filter((a) => actionSupportsKey(a, key)).map(actionId);
    lines.push(
      '',
      using.length > 0
        ? `Used by ${using.length} of this statement's ${actions.length} actions: ${using.slice(0, 8).map(code).join(', ')}${using.length > 8 ? '…' : ''}`
        : "None of this statement's actions supports it: this test never matches for them.",
    );
  } else if (found.status === 'service') {
    const service = getService(found.service);
    const using = [...(service?.actions.values() ?? [])].filter((a) => actionSupportsKey(a, key)).map(actionId);
    if (using.length > 0) lines.push('', `${using.length} ${escapeMarkdown(found.service)} actions support it, such as ${using.slice(0, 6).map(code).join(', ')}.`);
  }
  return withFooter(lines.join('\n'));
}

/** Where a node is: the path of the value (for a key: of its property's value), and whether it is a key. */
function placeOf(node: Node): { path: JsonPath; isKey: boolean } {
  const isKey = node.parent?.type === 'property' && node.parent.children?.[0] === node;
  return { path: getNodePath(isKey ? (node.parent?.children?.[1] ?? node.parent) : node), isKey };
}

function contents(node: Node, root: Node, names: AccountNames): string | undefined {
  const { path, isKey } = placeOf(node);
  const value = typeof node.value === 'string' ? node.value : undefined;
  if (path.length === 1 && path[0] === 'Version') return isKey || value !== '2008-10-17' ? VERSION_DOC : `${VERSION_DOC}\n\nThis policy uses the old version: policy variables are read as plain text.`;
  if (path.length === 1 && isKey) return ELEMENT_DOCS[String(path[0])];
  const place = statementAtPath(root, path);
  if (!place || value === undefined) return undefined;
  const { statement, rest } = place;
  const [element, second, third] = rest;
  if (isKey && rest.length === 1) return element === 'Effect' ? EFFECT_DOC : ELEMENT_DOCS[String(element)];
  switch (element) {
    case 'Effect':
      return EFFECT_DOC;
    case 'Action':
    case 'NotAction':
      return actionHover(value, element === 'NotAction');
    case 'Resource':
    case 'NotResource':
      return value === '*' ? 'Every resource.' : describeArn(value, names);
    case 'Principal':
    case 'NotPrincipal':
      return isKey || typeof second !== 'string' ? (value === '*' ? describePrincipal('AWS', '*', names) : undefined) : describePrincipal(second, value, names);
    case 'Condition': {
      if (rest.length === 2 && isKey && typeof second === 'string') {
        const reading = readOperator(second);
        return 'operator' in reading ? describeOperator(reading.operator) : undefined;
      }
      if (rest.length === 3 && isKey && typeof third === 'string') return keyHover(third, statement);
      if (isKey) return undefined;
      if (/^\d{12}$/.test(value)) return `**AWS account** ${accountText(value, names)}`;
      return value.startsWith('arn:') ? describeArn(value, names) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Hover at an offset of a policy: actions and wildcards, condition operators and keys, ARNs and
 * principals taken apart, Version and Effect. Undefined when the document is not a policy or the
 * place has nothing to explain.
 */
export function hover(document: ParsedDocument, offset: number, options: HoverOptions = {}): HoverResult | undefined {
  const parsed = unitAt(document, offset);
  const root = parsed?.root;
  if (!parsed || !root || root.type !== 'object' || !editingKind(parsed, options)) return undefined;
  const node = parsed.nodeAt(offset);
  if (!node || node.type !== 'string') return undefined;
  const text = contents(node, root, options.accounts ?? new Map());
  return text ? { contents: text, span: spanOf(node) } : undefined;
}
