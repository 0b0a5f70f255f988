import type { Node } from 'jsonc-parser';
import { classify, isTrustFileName } from '../classify';
import { randomExternalId } from '../fixes/randomId';
import { nodeAtPath, stringNodes } from '../jsonTree';
import { unitAt } from '../host/units';
import type { ParsedDocument, PolicyUnit } from '../host/types';
import { statementAtPath } from '../policyModel';
import type { PolicyKind } from '../types';
import { accountsIn, knownAccounts } from './accounts';
import { actionSuggestions } from './actions';
import { conditionKeySuggestions, operatorSuggestions } from './conditions';
import { conditionValueSuggestions } from './conditionValues';
import type { Cursor } from './cursor';
import { principalKeySuggestions, principalSuggestions, principalValueSuggestions } from './principals';
import { resourceSuggestions } from './resources';
import { effectValues, policySkeletons, statementKeys, statementValues, topLevelKeys, versionValues } from './structure';
import type { Suggestion } from './suggestion';
import type { CompletionList, CompletionOptions } from './types';

export type { CompletionEntry, CompletionKind, CompletionList, CompletionOptions } from './types';
export { snippetToPlain } from './plain';

/** A file that is about to become a policy: named like one, and still empty or holding only policy keys. */
const POLICY_FILE_NAME = /(polic|trust|assume-?role|role)[^/\\]*\.jsonc?$/i;

/** The kind a document is edited as (completion and hover): what analysis decides, or, for a new file named like a policy, what its name says. */
export function editingKind(parsed: PolicyUnit, options: Pick<CompletionOptions, 'fileName' | 'kindSetting'>): PolicyKind | undefined {
  const kind = classify(parsed, options)?.kind;
  if (kind || options.kindSetting === 'ignore' || !options.fileName || !POLICY_FILE_NAME.test(options.fileName)) return kind;
  const root = parsed.root;
  const onlyPolicyKeys = root?.type === 'object' && (root.children ?? []).every((p) => ['Version', 'Id', 'Statement'].includes(String(p.children?.[0]?.value)));
  if (root && !onlyPolicyKeys) return undefined;
  return isTrustFileName(options.fileName) ? 'trust' : 'identity';
}

/** Leaves out values the list already holds (other than the one being edited). */
function notListed(suggestions: Suggestion[], list: Node | undefined, typed: string): Suggestion[] {
  const present = new Set(stringNodes(list).map((n) => String(n.value)));
  present.delete(typed);
  return present.size === 0 ? suggestions : suggestions.filter((s) => s.snippet || !present.has(s.text));
}

interface Route {
  suggestions: Suggestion[];
  incomplete?: boolean;
}

function route(cursor: Cursor, parsed: PolicyUnit, kind: PolicyKind, options: CompletionOptions): Route | undefined {
  const { path, at } = cursor;
  const root = parsed.root;
  if (path.length === 0) return at === 'key' ? { suggestions: topLevelKeys(root, kind) } : root ? undefined : { suggestions: policySkeletons(kind) };
  if (path.length === 1 && path[0] === 'Version' && at === 'value') return { suggestions: versionValues() };
  if (path[0] === 'Statement' && at === 'value' && (path.length === 1 || (path.length === 2 && typeof path[1] === 'number'))) {
    return { suggestions: statementValues(path.length === 2, kind) };
  }
  // `Statement` written as one object: its own keys.
  if (path.length === 1 && path[0] === 'Statement' && at === 'key') return { suggestions: statementKeys(nodeAtPath(root, ['Statement']), kind) };
  const place = root && statementAtPath(root, path);
  if (!place) return undefined;
  const { statement, rest } = place;
  const [element, second, third] = rest;
  if (rest.length === 0) return at === 'key' ? { suggestions: statementKeys(statement?.node, kind) } : undefined;
  const accounts = () => knownAccounts(options.accounts, accountsIn(root), options.workspaceAccounts);
  switch (element) {
    case 'Effect':
      return at === 'value' && rest.length === 1 ? { suggestions: effectValues() } : undefined;
    case 'Action':
    case 'NotAction':
      return at === 'value' && rest.length <= 2 ? actionSuggestions(cursor.typed, statement, kind) : undefined;
    case 'Resource':
    case 'NotResource':
      return at === 'value' && rest.length <= 2 ? { suggestions: resourceSuggestions(statement, accounts()) } : undefined;
    case 'Principal':
    case 'NotPrincipal':
      if (rest.length === 1) return at === 'key' ? { suggestions: principalKeySuggestions(nodeAtPath(statement?.node, [element]), kind) } : { suggestions: principalValueSuggestions(kind) };
      if (at !== 'value' || rest.length > 3 || typeof second !== 'string') return undefined;
      return { suggestions: notListed(principalSuggestions(second, kind, accounts()), nodeAtPath(statement?.node, [element, second]), cursor.typed) };
    case 'Condition':
      if (rest.length === 1) return at === 'key' ? { suggestions: operatorSuggestions(nodeAtPath(statement?.node, ['Condition'])) } : undefined;
      if (rest.length === 2 && at === 'key' && typeof second === 'string') {
        return conditionKeySuggestions(statement, second, nodeAtPath(statement?.node, ['Condition', second]), cursor.typed, kind);
      }
      if (at === 'value' && (rest.length === 3 || rest.length === 4) && typeof second === 'string' && typeof third === 'string') {
        const values = conditionValueSuggestions(second, third, statement?.effect, accounts(), options.externalId ?? (() => randomExternalId()));
        return { suggestions: notListed(values, nodeAtPath(statement?.node, ['Condition', second, third]), cursor.typed) };
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Completion at an offset of a policy document: the cursor's JSON path picks the provider (structure,
 * actions, resources, principals, condition operators, keys and values). Undefined when the document
 * is not a policy or nothing fits the place.
 */
export function complete(document: ParsedDocument, offset: number, options: CompletionOptions = {}): CompletionList | undefined {
  const parsed = unitAt(document, offset);
  // jsonc-parser reads the cursor's place recursively: a document too deep to parse has none.
  if (!parsed || parsed.tooDeep) return undefined;
  const kind = editingKind(parsed, options);
  if (!kind) return undefined;
  const cursor = parsed.syntax.cursorAt(parsed, offset);
  if (!cursor) return undefined;
  const routed = route(cursor, parsed, kind, options);
  if (!routed || routed.suggestions.length === 0) return undefined;
  return parsed.syntax.toList(cursor, routed.suggestions, routed.incomplete ?? false);
}
