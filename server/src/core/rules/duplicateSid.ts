import { propertyValue, stringValue } from '../jsonTree';
import type { Rule } from './rule';

export const duplicateSid: Rule = {
  id: 'duplicate-sid',
  severity: 'error',
  summary: 'Two statements with the same Sid.',
  docs: `Statement ids must be unique within a policy; IAM rejects duplicates. Rename one of them.`,
  check({ policy, report }) {
    const firstIndex = new Map<string, number>();
    for (const statement of policy?.statements ?? []) {
      const sidNode = propertyValue(statement.node, 'Sid');
      const sid = stringValue(sidNode);
      if (sid === undefined || sid === '' || !sidNode) continue;
      const first = firstIndex.get(sid);
      if (first === undefined) {
        firstIndex.set(sid, statement.index);
      } else {
        report(sidNode, `Sid "${sid}" is already used by statement ${first + 1}; statement ids must be unique.`, { sid });
      }
    }
  },
};
