import { forEachNode, stringValue } from '../jsonTree';
import type { Rule } from './rule';

/**
 * Policy variables: `${prefix:name}` (aws:username, aws:PrincipalTag/team, s3:prefix, saml:sub...)
 * and the escapes `${*}`, `${?}`, `${$}`. CloudFormation placeholders such as `${AWS::AccountId}`
 * (double colon) and `${BucketName}` (no colon) are not policy variables and are left alone.
 */
const POLICY_VARIABLE = /\$\{(?:[*?$]|[A-Za-z0-9._-]+:(?!:)[^}]+)\}/;

export const policyVariableVersion: Rule = {
  id: 'policy-variable-version',
  severity: 'error',
  summary: 'Policy variables (${...}) with Version 2008-10-17 or no Version.',
  docs: `Policy variables such as \`\${aws:username}\` or \`\${aws:PrincipalTag/team}\` are only replaced
under \`"Version": "2012-10-17"\`. With \`2008-10-17\`, or with no \`Version\` (which means 2008-10-17), they
are compared as literal text and the statement silently never matches.`,
  check({ policy, report }) {
    if (!policy) return;
    const version = policy.version ? stringValue(policy.version) : undefined;
    if (version === '2012-10-17') return;
    if (policy.version && version !== '2008-10-17') return; // an invalid Version is reported on its own
    const reason = policy.version ? 'the policy says "Version": "2008-10-17"' : 'the policy has no "Version"';
    forEachNode(policy.root, (node) => {
      const text = stringValue(node);
      const variable = text === undefined ? undefined : POLICY_VARIABLE.exec(text)?.[0];
      if (!variable) return;
      report(node, `${variable} is a policy variable, but ${reason}: it is matched as literal text. Set "Version": "2012-10-17".`, {
        variable,
      });
    });
  },
};
