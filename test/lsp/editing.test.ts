import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { lines, TRUST_RESOURCE_RANGE, TRUST_WITH_RESOURCE } from '../support/policies';
import { rangeOf } from '../support/positions';
import { LspClient, PUSH_CAPABILITIES } from './client';

const byRule = (diagnostics: Diagnostic[], rule: string) => diagnostics.filter((d) => d.code === rule);

describe('editing (push mode)', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ capabilities: PUSH_CAPABILITIES });
  });
  after(() => client.kill());

  /** Opens a document and returns its first diagnostics. */
  async function open(uri: string, text: string): Promise<Diagnostic[]> {
    const published = client.nextDiagnostics(uri);
    client.open(uri, text);
    return (await published).diagnostics;
  }

  it('re-publishes after a full-text change', async () => {
    const uri = 'file:///ws/edit/full.json';
    assert.equal(byRule(await open(uri, TRUST_WITH_RESOURCE), 'trust-has-resource').length, 1);
    const next = client.nextDiagnostics(uri);
    client.replace(uri, 2, TRUST_WITH_RESOURCE.replace(',\n      "Resource": "*"', ''));
    const { version, diagnostics } = await next;
    assert.equal(version, 2);
    assert.deepEqual(byRule(diagnostics, 'trust-has-resource'), []);
  });

  it('applies incremental changes and moves ranges with the text', async () => {
    const uri = 'file:///ws/edit/incremental.json';
    await open(uri, TRUST_WITH_RESOURCE);
    // Delete `,\n      "Resource": "*"`: from the comma after "sts:AssumeRole" (line 7, character 32) to the
    // end of line 8 (character 21).
    assert.deepEqual(rangeOf(TRUST_WITH_RESOURCE, ',\n      "Resource": "*"\n').start, { line: 7, character: 32 });
    const removed = client.nextDiagnostics(uri);
    client.edit(uri, 2, { range: { start: { line: 7, character: 32 }, end: { line: 8, character: 21 } }, text: '' });
    assert.deepEqual(byRule((await removed).diagnostics, 'trust-has-resource'), []);

    // Insert a NotResource before "Sid" on line 4 (two changes in one notification, applied in order).
    const added = client.nextDiagnostics(uri);
    client.edit(
      uri,
      3,
      { range: { start: { line: 4, character: 6 }, end: { line: 4, character: 6 } }, text: '"NotResource": "*", ' },
      { range: { start: { line: 4, character: 6 }, end: { line: 4, character: 6 } }, text: '\n      ' },
    );
    const { version, diagnostics } = await added;
    assert.equal(version, 3);
    assert.deepEqual(
      byRule(diagnostics, 'trust-has-resource').map((d) => d.range),
      [{ start: { line: 5, character: 6 }, end: { line: 5, character: 19 } }],
    );
  });

  it('gets positions right in a CRLF document, also after an edit', async () => {
    const uri = 'file:///ws/edit/crlf.json';
    const crlf = TRUST_WITH_RESOURCE.replace(/\n/g, '\r\n');
    assert.deepEqual(byRule(await open(uri, crlf), 'trust-has-resource')[0]?.range, TRUST_RESOURCE_RANGE);
    const next = client.nextDiagnostics(uri);
    client.edit(uri, 2, { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: '\r\n' });
    const moved = byRule((await next).diagnostics, 'trust-has-resource')[0]?.range;
    assert.deepEqual(moved, { start: { line: 9, character: 6 }, end: { line: 9, character: 16 } });
  });

  it('counts characters in UTF-16 code units (emoji, umlaut)', async () => {
    const uri = 'file:///ws/edit/unicode-trust.json';
    const text = lines(
      '{',
      '  "Version": "2012-10-17",',
      '  "Statement": [',
      '    {',
      '      "Sid": "M\u00fcller", "NotResource": "*",',
      '      "Effect": "Allow", "Condition": { "StringEquals": { "aws:PrincipalTag/team": "\u{1F680}ops" } }, "Resource": "*",',
      '      "Principal": { "Service": "ec2.amazonaws.com" },',
      '      "Action": "sts:AssumeRole"',
      '    }',
      '  ]',
      '}',
    );
    const diagnostics = await open(uri, text);
    // `      "Sid": ` is 13 units; "Müller" with quotes is 8 (ü is one unit, two UTF-8 bytes).
    assert.deepEqual(byRule(diagnostics, 'invalid-sid')[0]?.range, { start: { line: 4, character: 13 }, end: { line: 4, character: 21 } });
    assert.deepEqual(byRule(diagnostics, 'trust-has-resource').map((d) => d.range), [
      { start: { line: 4, character: 23 }, end: { line: 4, character: 36 } },
      // 🚀 is two UTF-16 units (one code point, four UTF-8 bytes): "Resource" starts at 96, not 95 or 98.
      { start: { line: 5, character: 96 }, end: { line: 5, character: 106 } },
    ]);
    assert.deepEqual(byRule(diagnostics, 'trust-has-resource')[1]?.range, rangeOf(text, '"Resource"'));
    // ü (U+00FC) is accepted by IAM; the rocket is not, and is reported on its string.
    assert.deepEqual(byRule(diagnostics, 'invalid-character').map((d) => d.range), [rangeOf(text, '"\u{1F680}ops"')]);
  });
});
