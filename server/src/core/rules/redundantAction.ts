import { hasWildcard, wildcardCovers } from '../iam';
import type { Rule } from './rule';
import { actionLists, type ActionValue } from './actionValues';

/**
 * For each value of a list, the value that makes it redundant: one that covers it and is broader, or
 * an equivalent one that comes first (so of two duplicates only the later is reported, and removing
 * every reported value keeps the list's meaning). Only wildcards cover other text, and a wildcard
 * with a fixed service covers only that service's values: AWS's largest policies list thousands of
 * actions, so comparing every pair would be far too slow.
 */
function coveringValues(values: readonly ActionValue[]): (ActionValue | undefined)[] {
  const firstByText = new Map<string, number>();
  const wildcardsByService = new Map<string, number[]>();
  values.forEach((value, index) => {
    const lower = value.text.toLowerCase();
    if (!firstByText.has(lower)) firstByText.set(lower, index);
    if (!hasWildcard(value.text)) return;
    const service = serviceOf(lower);
    // Pushed, not copied: a policy may list thousands of wildcards.
    const indexes = wildcardsByService.get(service);
    if (indexes) indexes.push(index);
    else wildcardsByService.set(service, [index]);
  });
  const anyService = wildcardsByService.get(ANY_SERVICE) ?? [];
  return values.map((value, index) => {
    const lower = value.text.toLowerCase();
    const first = firstByText.get(lower) ?? index;
    if (first < index) return values[first];
    const candidates = [...(wildcardsByService.get(serviceOf(lower)) ?? []), ...anyService];
    const j = candidates.find(
      (c) => c !== index && values[c].text.toLowerCase() !== lower && wildcardCovers(values[c].text, value.text) && (c < index || !wildcardCovers(value.text, values[c].text)),
    );
    return j === undefined ? undefined : values[j];
  });
}

const ANY_SERVICE = '*';

/** The lower-case service of an action value, or `*` when its service part has a wildcard (or none). */
function serviceOf(lower: string): string {
  const colon = lower.indexOf(':');
  const service = colon < 0 ? lower : lower.slice(0, colon);
  return colon < 0 || hasWildcard(service) ? ANY_SERVICE : service;
}

export const redundantAction: Rule = {
  id: 'redundant-action',
  severity: 'hint',
  summary: 'An action already covered by another value of the same list (s3:GetObject with s3:Get*).',
  docs: `An action that another value of the same \`Action\` or \`NotAction\` list already covers adds
nothing: \`s3:GetObject\` next to \`s3:Get*\`, anything next to \`"*"\`, \`s3:Get*\` next to \`s3:*\`, or the same
action twice (names are case-insensitive). Remove it to keep the policy short (policies have size
quotas) and easy to review.

\`\`\`json
"Action": ["s3:Get*", "s3:GetObject"]
\`\`\`

If the broader value is the mistake (you meant to grant only \`s3:GetObject\`), remove that one instead.`,
  check({ policy, report }) {
    for (const { name, values } of actionLists(policy)) {
      const covering = coveringValues(values);
      values.forEach((value, index) => {
        const outer = covering[index];
        if (!outer) return;
        const how = outer.text.toLowerCase() === value.text.toLowerCase() ? 'repeats' : 'is already covered by';
        report(value.node, `"${value.text}" ${how} "${outer.text}" in the same ${name} list; remove it.`, { coveredBy: outer.text });
      });
    }
  },
};
