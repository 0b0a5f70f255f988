import { actionId, actionResourceTypes, extraResourceTemplates } from '../iam';
import { codeList } from '../describe';
import { code, escapeMarkdown } from '../markdown';
import type { Statement } from '../policyModel';
import { listedActions } from '../statementParts';
import { accountChoices, type Account } from './accounts';
import { choice, snippetLiteral, tabStop, type Suggestion } from './suggestion';

const MAX_TEMPLATES = 100;
/** Known accounts offered as a choice in the account field. */
const MAX_ACCOUNT_CHOICES = 10;

/** What a template placeholder becomes: a literal for the partition, fill-in words for the account and Region, plain names otherwise. */
function hint(name: string): string {
  switch (name) {
    case 'Region':
      return 'REGION';
    case 'Account':
      return 'ACCOUNT_ID';
    case 'BucketName':
      return 'bucket';
    case 'ObjectName':
      return 'key';
    default:
      return (
        name
          .replace(/Name$/, '')
          .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
          .toLowerCase() || 'name'
      );
  }
}

/**
 * An ARN template as a snippet: `arn:${Partition}:s3:::${BucketName}/${ObjectName}` becomes
 * `arn:aws:s3:::${1:bucket}/${2:key}`; a placeholder used twice is one tab stop.
 */
function templateSnippet(template: string, accounts: readonly Account[]): { label: string; snippet: string } {
  const stops = new Map<string, number>();
  let label = '';
  let snippet = '';
  let last = 0;
  for (const match of template.matchAll(/\$\{([^{}]*)\}/g)) {
    const literal = template.slice(last, match.index);
    label += literal;
    snippet += snippetLiteral(literal);
    last = match.index + match[0].length;
    const name = match[1];
    if (name === 'Partition') {
      label += 'aws';
      snippet += 'aws';
      continue;
    }
    const value = hint(name);
    label += value;
    const known = stops.get(name);
    const index = known ?? stops.size + 1;
    stops.set(name, index);
    if (known !== undefined) snippet += `$${index}`;
    else if (name === 'Account' && accounts.length > 0) snippet += choice(index, accountChoices(accounts, MAX_ACCOUNT_CHOICES));
    else snippet += tabStop(index, value);
  }
  label += template.slice(last);
  snippet += snippetLiteral(template.slice(last));
  return { label, snippet };
}

/**
 * ARN templates of the resource types the statement's actions apply to, each a snippet with tab stops,
 * and `*`: first when some actions only take `*`, last otherwise.
 */
export function resourceSuggestions(statement: Statement | undefined, accounts: readonly Account[]): Suggestion[] {
  const actions = (statement && listedActions(statement)) ?? [];
  const byTemplate = new Map<string, { type: string; actions: string[] }>();
  const starOnly: string[] = [];
  for (const action of actions) {
    const types = actionResourceTypes(action);
    const templates = types.map((t) => ({ template: t.arn, type: `${t.service} ${t.name}` }));
    for (const extra of extraResourceTemplates(action, types)) templates.push({ template: extra, type: action.service });
    if (templates.length === 0) starOnly.push(actionId(action));
    for (const { template, type } of templates) {
      const entry = byTemplate.get(template) ?? { type, actions: [] };
      if (!entry.actions.includes(actionId(action))) entry.actions.push(actionId(action));
      byTemplate.set(template, entry);
    }
  }
  const suggestions: Suggestion[] = [];
  // Simple ARNs first (a bucket before an access point object), then those more of the actions use.
  const placeholders = (template: string) => template.split('${').length;
  const ordered = [...byTemplate].sort((a, b) => placeholders(a[0]) - placeholders(b[0]) || b[1].actions.length - a[1].actions.length);
  for (const [template, { type, actions: users }] of ordered.slice(0, MAX_TEMPLATES)) {
    const { label, snippet } = templateSnippet(template, accounts);
    suggestions.push({
      label,
      kind: 'resource',
      detail: type,
      documentation: [`ARN of ${escapeMarkdown(type)}: ${code(template)}`, '', `For ${codeList(users, 8)}.`].join('\n'),
      text: snippet,
      snippet: true,
    });
  }
  const star: Suggestion = {
    label: '*',
    kind: 'resource',
    detail: starOnly.length > 0 ? `needed by ${starOnly.length} action${starOnly.length === 1 ? '' : 's'}` : 'every resource',
    documentation:
      starOnly.length > 0
        ? `${codeList(starOnly, 8)} ${starOnly.length === 1 ? 'supports' : 'support'} no resource-level permissions: ${starOnly.length === 1 ? 'it needs' : 'they need'} \`*\`. Give such actions a statement of their own so the others keep their ARNs.`
        : 'Every resource. Prefer the ARNs of the resources the actions need.',
    text: '*',
  };
  if (starOnly.length > 0 && starOnly.length === actions.length) suggestions.unshift(star);
  else suggestions.push(star);
  return suggestions;
}
