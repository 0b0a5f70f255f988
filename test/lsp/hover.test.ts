import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientCapabilities, Hover, MarkupContent, Position, Range } from 'vscode-languageserver-protocol/node';
import { DEFAULT_TEST_SETTINGS, LspClient } from './client';

const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true },
  textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } },
};

const IDENTITY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Ünïcode🚀日本", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket", "s3:Put*"],
      "Resource": ["arn:aws:s3:::reports", "arn:aws:iam::444455556666:role/Admin"],
      "Condition": {
        "StringLike": { "s3:prefix": "home/" },
        "IpAddress": { "aws:SourceIp": "203.0.113.0/24" }
      }
    }
  ]
}
`;

const TRUST = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Vendor",
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::444455556666:root" },
      "Action": "sts:AssumeRole"
    },
    {
      "Sid": "Lambda",
      "Effect": "Allow",
      "Principal": { "Service": "lambda.amazonaws.com" },
      "Action": "sts:AssumeRole"
    }
  ]
}
`;

/** The position `delta` UTF-16 units into the first occurrence of `needle` (after `after`, when given). */
function at(text: string, needle: string, delta = 1, after = ''): Position {
  const from = after ? text.indexOf(after) : 0;
  const offset = text.indexOf(needle, from);
  assert.ok(from >= 0 && offset >= 0, `no ${needle} in the text`);
  return TextDocument.create('file:///x', 'json', 1, text).positionAt(offset + delta);
}

/** The range of the first occurrence of `token` (a JSON string with its quotes) in the text. */
function rangeOf(text: string, token: string): Range {
  const document = TextDocument.create('file:///x', 'json', 1, text);
  const offset = text.indexOf(token);
  return { start: document.positionAt(offset), end: document.positionAt(offset + token.length) };
}

const markdown = (hover: Hover | null): string => {
  assert.ok(hover, 'no hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
};

describe('hover over stdio', () => {
  let client: LspClient;
  const identity = 'file:///ws/reports/reader-policy.json';
  const trust = 'file:///ws/roles/vendor-trust.json';

  before(async () => {
    client = await LspClient.start({ capabilities: CAPABILITIES, settings: { ...DEFAULT_TEST_SETTINGS, accounts: { '444455556666': 'Production' } } });
    client.open(identity, IDENTITY);
    client.open(trust, TRUST);
  });
  after(async () => {
    await client.stop();
  });

  const hover = (uri: string, position: Position) => client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });

  it('describes an action: access level, description, resource types, condition keys, reference link and data version', async () => {
    const found = await hover(identity, at(IDENTITY, 's3:GetObject', 4));
    const value = markdown(found);
    assert.match(value, /^\*\*s3:GetObject\*\* \(Read\)\n\nGrants permission to retrieve objects from Amazon S3\n/);
    assert.match(value, /Resource types: .*`object \(optional\)`/);
    assert.match(value, /Condition keys: .*`s3:ExistingObjectTag\/<key>`/);
    assert.match(value, /\(https:\/\/docs\.aws\.amazon\.com\/service-authorization\/latest\/reference\/list_amazons3\.html\)/);
    assert.match(value, /_IAM reference data: .+_$/);
    // The range is the string token; the non-ASCII Sid before it on the same line counts in UTF-16 units.
    assert.deepEqual(found?.range, rangeOf(IDENTITY, '"s3:GetObject"'));
  });

  it('counts the actions of a wildcard', async () => {
    const value = markdown(await hover(identity, at(IDENTITY, 's3:Put*', 5)));
    assert.match(value, /`s3:Put\*` matches \*\*\d+\*\* actions/);
  });

  it('explains a condition key: type, description, and which of the statement’s actions use it', async () => {
    const prefix = markdown(await hover(identity, at(IDENTITY, 's3:prefix', 3)));
    assert.match(prefix, /^\*\*s3:prefix\*\* \(String/);
    assert.match(prefix, /Used by 1 of this statement's \d+ actions: `s3:ListBucket`/);
    const sourceIp = await hover(identity, at(IDENTITY, 'aws:SourceIp', 6));
    assert.match(markdown(sourceIp), /^\*\*aws:SourceIp\*\* \(IPAddress, global key\)/);
    assert.deepEqual(sourceIp?.range, rangeOf(IDENTITY, '"aws:SourceIp"'));
  });

  it('explains a condition operator', async () => {
    const value = markdown(await hover(identity, at(IDENTITY, 'IpAddress', 2)));
    assert.match(value, /IpAddress/);
    assert.match(value, /CIDR|IP address/i);
  });

  it('takes an ARN apart, with the account name of iamPolicy.accounts, and says nothing of assuming roles outside trust policies', async () => {
    const found = await hover(identity, at(IDENTITY, 'arn:aws:iam::444455556666', 20));
    const value = markdown(found);
    assert.match(value, /- service: `iam`/);
    assert.match(value, /- account: `444455556666` \(Production\)/);
    assert.match(value, /- names: role `Admin`/);
    assert.doesNotMatch(value, /Who can assume/);
    assert.deepEqual(found?.range, rangeOf(IDENTITY, '"arn:aws:iam::444455556666:role/Admin"'));
  });

  it('combines the ARN with who can assume the role over a trust policy’s Principal value', async () => {
    const found = await hover(trust, at(TRUST, 'arn:aws:iam::444455556666:root', 10));
    const value = markdown(found);
    assert.match(value, /\*\*ARN\*\* `arn:aws:iam::444455556666:root`/);
    assert.match(value, /- account: `444455556666` \(Production\)/);
    assert.match(value, /\n---\n/);
    assert.match(value, /\*\*Who can assume this role\*\*: Statement 1 \\\(Vendor\\\)/);
    assert.match(value, /Any principal in account 444455556666 whose own policies allow sts:AssumeRole on this role/);
    assert.ok(value.indexOf('**ARN**') < value.indexOf('Who can assume'), 'the value first, then the statement');
    assert.deepEqual(found?.range, rangeOf(TRUST, '"arn:aws:iam::444455556666:root"'));
  });

  it('describes a service principal, with who can assume the role', async () => {
    const value = markdown(await hover(trust, at(TRUST, 'lambda.amazonaws.com', 3)));
    assert.match(value, /lambda\.amazonaws\.com/);
    assert.match(value, /Lambda/);
    assert.match(value, /\*\*Who can assume this role\*\*: Statement 2 \\\(Lambda\\\)/);
  });

  it('follows a change of iamPolicy.accounts', async () => {
    client.settings = { ...DEFAULT_TEST_SETTINGS, accounts: { '444455556666': 'Audit' } };
    client.changeConfiguration();
    try {
      assert.match(markdown(await hover(trust, at(TRUST, 'arn:aws:iam::444455556666:root', 10))), /- account: `444455556666` \(Audit\)/);
    } finally {
      client.settings = { ...DEFAULT_TEST_SETTINGS, accounts: { '444455556666': 'Production' } };
      client.changeConfiguration();
    }
    assert.deepEqual(client.errors(), []);
  });
});
