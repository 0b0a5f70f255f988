// Regressions from the review of completion and hover: each test fails without its fix.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchActions, wildcardCovers, wildcardRegExp } from '../../server/src/core/iam';
import { serviceReferenceUrl } from '../../server/src/core/iam/links';
import { completeAt, hoverAt, parses } from './completionHelpers';
import { lint } from './helpers';

const identity = (statement: string) => `{"Version": "2012-10-17", "Statement": [{${statement}}]}`;
const WORKSPACE_ONLY = { workspaceAccounts: ['000000000001', '999988887777'] };

describe('wildcards match in linear time', () => {
  it('runs of * and ?* that backtracking regular expressions never finish', () => {
    assert.deepEqual(matchActions(`s3:${'*'.repeat(40)}qqq`), []);
    assert.deepEqual(matchActions(`ec2:${'?*'.repeat(30)}qqq`), []);
    assert.ok(matchActions(`s3:${'*'.repeat(50_000)}`).length > 100, 'a huge pattern of stars is every s3 action');
    const text = identity(`"Effect": "Allow", "Action": "s3:${'*'.repeat(50_000)}", "Resource": "*"`);
    assert.doesNotThrow(() => lint(text));
  });

  it('keep their meaning: * any run, ? one character, case-insensitive', () => {
    const match = (pattern: string, text: string) => wildcardRegExp(pattern).test(text);
    assert.ok(match('s3:Get*Acl', 's3:GetObjectAcl'));
    assert.ok(match('S3:GET*', 's3:GetObject'));
    assert.ok(match('s3:Get?bject', 's3:GetObject'));
    assert.ok(!match('s3:Get?', 's3:GetObject'));
    assert.ok(match('*', ''));
    assert.ok(match('a*b*c', 'aXbYbZc'));
    assert.ok(!match('a*b*c', 'aXbYbZ'));
    assert.ok(wildcardCovers('s3:Get?', 's3:GetX'));
    assert.ok(!wildcardCovers('s3:Get?', 's3:Get*'), 'a ? does not cover the run a * stands for');
  });
});

describe('hover text cannot become markdown', () => {
  it('line breaks in a value do not end the code span (no live link or image)', () => {
    const value = 'arn:aws:s3:::b\\n\\n[click](https://evil.example/x) ![i](https://evil.example/i.png)\\n\\n';
    const contents = hoverAt(identity(`"Effect": "Allow", "Action": "s3:GetObject", "Resource": "${value.replace('click', 'cl|ick')}"`))?.contents ?? '';
    assert.ok(contents.includes('⏎⏎[click]'), contents);
    assert.doesNotMatch(contents, /\n\n\[click\]/);
  });
});

describe('condition completion suits the statement', () => {
  it('Bool in a Deny: false first for aws:SecureTransport', () => {
    const keys = completeAt(identity(`"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"|"}}`));
    assert.match(keys.item('aws:SecureTransport').insertText, /\$\{1\|false,true\|\}/);
    const values = completeAt(identity(`"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "|"}}`));
    assert.deepEqual(values.labels, ['false', 'true']);
  });

  it('no MFA key under BoolIfExists in an Allow (it would let long-term keys through)', () => {
    const allow = completeAt(identity(`"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"BoolIfExists": {"|"}}`));
    assert.ok(!allow.labels.includes('aws:MultiFactorAuthPresent'), allow.labels.join());
    const deny = completeAt(identity(`"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"BoolIfExists": {"|"}}`));
    assert.ok(deny.labels.includes('aws:MultiFactorAuthPresent'));
  });

  it('Arn operators offer ARN keys only, multi-valued ones with a set prefix', () => {
    const arn = completeAt(identity(`"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"ArnNotLike": {"|"}}`));
    assert.ok(arn.labels.includes('aws:SourceArn') && arn.labels.includes('aws:PrincipalArn'));
    assert.ok(!arn.labels.includes('aws:SourceAccount') && !arn.labels.includes('aws:PrincipalOrgID'), arn.labels.join());
    const set = completeAt(identity(`"Effect": "Allow", "Action": "events:PutTargets", "Resource": "*", "Condition": {"ForAnyValue:ArnLike": {"|"}}`));
    assert.ok(set.labels.includes('events:TargetArn'), set.labels.join());
  });

  it('aws:CalledVia: the services that call on the caller\'s behalf', () => {
    const c = completeAt(identity(`"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"ForAnyValue:StringEquals": {"aws:CalledVia": ["|"]}}`));
    assert.deepEqual(c.labels, ['athena.amazonaws.com', 'cloudformation.amazonaws.com', 'dynamodb.amazonaws.com', 'kms.amazonaws.com']);
  });
});

describe('accounts and sessions', () => {
  it('an account only seen elsewhere in the workspace is not the default of an ARN template', () => {
    const c = completeAt(identity(`"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "|"`), WORKSPACE_ONLY);
    const queue = c.list?.items.find((i) => i.label.includes(':queue'));
    assert.match(queue?.insertText ?? '', /\|ACCOUNT_ID,000000000001,999988887777\|/);
  });

  it('EKS Pod Identity: sts:TagSession fits the principal too', () => {
    const c = completeAt(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "pods.eks.amazonaws.com"}, "Action": ["sts:AssumeRole", "|"]}]}`, { fileName: 'pod-trust.json' });
    assert.equal(c.labels[0], 'sts:TagSession');
  });
});

describe('accepted items keep the JSON valid', () => {
  it('adds the comma before a following statement or key', () => {
    const before = completeAt(`{"Version": "2012-10-17", "Statement": [| {"Effect": "Allow", "Action": "*", "Resource": "*"}]}`);
    assert.ok(parses(before.applied('New statement')));
    const key = completeAt(identity(`"|" "Action": "*", "Resource": "*"`));
    assert.ok(parses(key.applied('Effect')), key.applied('Effect'));
  });

  it('an empty file named like a policy gets a whole policy', () => {
    const c = completeAt('|', { fileName: 'deploy-trust.json' });
    assert.deepEqual(c.labels, ['Trust policy']);
    assert.ok(parses(c.applied('Trust policy')));
  });
});

describe('services that share a prefix', () => {
  it('are named as users know them, and link to the index rather than the wrong page', () => {
    const contents = hoverAt(identity(`"Effect": "Allow", "Action": "cloudformation:Create|Stack", "Resource": "*"`))?.contents ?? '';
    assert.match(contents, /AWS CloudFormation in the Service Authorization Reference\]\(https:\/\/docs\.aws\.amazon\.com\/service-authorization\/latest\/reference\/list_awscloudformation\.html\)/);
    assert.match(serviceReferenceUrl('apigateway'), /reference_policies_actions-resources-contextkeys\.html$/);
    assert.match(serviceReferenceUrl('s3'), /list_amazons3\.html$/);
  });
});
