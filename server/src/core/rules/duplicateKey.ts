import { forEachNode } from '../jsonTree';
import type { Rule } from './rule';

export const duplicateKey: Rule = {
  id: 'duplicate-key',
  severity: 'error',
  summary: 'The same key twice in one object.',
  docs: `IAM rejects a policy whose objects repeat a key; other JSON tools silently keep the last value,
so the policy you read is not the one that would apply. Merge the two entries.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Action": "s3:PutObject", "Resource": "*" }
\`\`\``,
  check({ parsed, report }) {
    forEachNode(parsed.root, (node) => {
      if (node.type !== 'object') return;
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (typeof key?.value !== 'string') continue;
        if (seen.has(key.value)) {
          report(key, `Duplicate key "${key.value}": IAM rejects the policy. Merge the values into the first "${key.value}".`, {
            key: key.value,
          });
        }
        seen.add(key.value);
      }
    });
  },
};
