import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BUCKET_POLICY, CLEAN_IDENTITY, PACKAGE_JSON, TRUST_WITH_RESOURCE } from '../support/policies';
import { LspClient, PUSH_CAPABILITIES, type DocumentKindParams } from './client';

describe('iamPolicy/documentKind notification', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({
      capabilities: PUSH_CAPABILITIES,
      settings: { enable: true, rules: {}, files: { '**/bucket-policies/*.json': 'resource' } },
    });
  });
  after(() => client.kill());

  async function kindOf(uri: string, text: string, languageId = 'json'): Promise<DocumentKindParams> {
    const kind = client.nextDocumentKind(uri);
    client.open(uri, text, languageId);
    return kind;
  }

  const cases: [string, string, string, Omit<DocumentKindParams, 'uri'>][] = [
    ['a trust policy', 'file:///ws/a.json', TRUST_WITH_RESOURCE, { kind: 'trust', reason: 'content' }],
    ['an identity policy', 'file:///ws/b.json', CLEAN_IDENTITY, { kind: 'identity', reason: 'content' }],
    ['a resource policy', 'file:///ws/c.json', BUCKET_POLICY, { kind: 'resource', reason: 'content' }],
    ['a trust file name', 'file:///ws/ops-role-trust.json', CLEAN_IDENTITY, { kind: 'trust', reason: 'file name' }],
    ['an iamPolicy.files association', 'file:///ws/bucket-policies/d.json', CLEAN_IDENTITY, { kind: 'resource', reason: 'setting' }],
    ['package.json', 'file:///x/package.json', PACKAGE_JSON, { kind: null, reason: null }],
  ];
  for (const [name, uri, text, expected] of cases) {
    it(`reports ${name}`, async () => {
      assert.deepEqual(await kindOf(uri, text), { uri, ...expected });
    });
  }

  it('analyses jsonc documents, and reports other languages as not policies', async () => {
    assert.equal((await kindOf('file:///ws/e.jsonc', `// a comment\n${CLEAN_IDENTITY}`, 'jsonc')).kind, 'identity');
    assert.equal((await kindOf('file:///ws/f.yaml', TRUST_WITH_RESOURCE, 'yaml')).kind, null);
  });

  it('follows edits that change the kind', async () => {
    const uri = 'file:///ws/g.json';
    await kindOf(uri, CLEAN_IDENTITY);
    const kind = client.nextDocumentKind(uri);
    client.replace(uri, 2, BUCKET_POLICY);
    assert.equal((await kind).kind, 'resource');
  });
});
