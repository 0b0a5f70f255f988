import { propertyValue, stringValue } from '../jsonTree';
import type { Rule } from './rule';

export const invalidSid: Rule = {
  id: 'invalid-sid',
  severity: 'error',
  kinds: ['identity', 'trust'],
  summary: 'A Sid with characters other than A-Z, a-z and 0-9 in an identity or trust policy.',
  docs: `IAM accepts only ASCII letters and digits in the \`Sid\` of identity and trust policies (resource
policies such as S3 bucket policies allow more). \`"Allow S3 read"\` or \`"allow-s3-read"\` is
rejected: write \`"AllowS3Read"\`.`,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      const sidNode = propertyValue(statement.node, 'Sid');
      const sid = stringValue(sidNode);
      if (!sidNode || sid === undefined || /^[A-Za-z0-9]*$/.test(sid)) continue;
      const camel = sid.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase());
      const suggestion = camel.charAt(0).toUpperCase() + camel.slice(1);
      report(sidNode, `Sid "${sid}" may contain only letters A-Z, a-z and digits 0-9${suggestion ? `; for example "${suggestion}"` : ''}.`, {
        suggestion,
      });
    }
  },
};
