import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CatalogAction, RoleCatalog, RoleResult } from '../../server/src/core/role';
import { BuildRoleRequest, RoleCatalogRequest, ServiceActionsRequest } from '../../server/src/shared/protocol';
import { LspClient, PULL_CAPABILITIES } from './client';

/** The role wizard's requests over stdio, as the VS Code client sends them, and as others might. */
describe('role wizard requests over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ capabilities: PULL_CAPABILITIES });
  });
  after(() => client.kill());

  it('builds a role from answers', async () => {
    const answers = { name: 'Auditor', account: '111122223333', trust: [{ type: 'account', accounts: ['444455556666'] }], mfa: true, managedPolicies: ['SecurityAudit'] };
    const result = await client.request<RoleResult>(BuildRoleRequest, { answers });
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(
      result.files.map((f) => f.name),
      ['trust-policy.json', 'trusted-account-policy.json', 'README.md'],
    );
  });

  it('answers malformed params with problems, and keeps serving', async () => {
    for (const params of [null, {}, { answers: 5 }, { answers: { name: 'R', trust: [{ type: 'account', accounts: 'x' }] } }, { answers: { name: 'R', trust: [], actions: 7 } }]) {
      const result = await client.request<RoleResult>(BuildRoleRequest, params);
      assert.equal(result.ok, false, JSON.stringify(params));
      if (!result.ok) assert.match(result.problems[0].message, /must be|needs/, JSON.stringify(result.problems));
    }
    assert.deepEqual(await client.request<CatalogAction[]>(ServiceActionsRequest, { service: 3 }), []);
    assert.deepEqual(await client.request<CatalogAction[]>(ServiceActionsRequest, null), []);
    assert.deepEqual(client.errors(), []);
  });

  it('lists attachable managed policies with summaries, services, and a service actions with their ARN formats', async () => {
    const catalog = await client.request<RoleCatalog>(RoleCatalogRequest, null);
    const audit = catalog.managedPolicies.find((p) => p.name === 'SecurityAudit');
    assert.equal(audit?.arn, 'arn:aws:iam::aws:policy/SecurityAudit');
    assert.match(audit?.summary ?? '', /Actions: List [\d,]+, Read/);
    assert.ok(!catalog.managedPolicies.some((p) => p.path === '/aws-service-role/'), 'service-linked policies cannot be attached');
    assert.ok(catalog.services.some((s) => s.prefix === 's3' && s.name === 'Amazon S3'));
    const actions = await client.request<CatalogAction[]>(ServiceActionsRequest, { service: 's3' });
    const getObject = actions.find((a) => a.action === 's3:GetObject');
    assert.equal(getObject?.accessLevel, 'Read');
    assert.ok(getObject?.resourceArns.some((arn) => arn.includes('${BucketName}/${ObjectName}')), JSON.stringify(getObject?.resourceArns));
  });
});
