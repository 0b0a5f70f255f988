import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Node } from 'jsonc-parser';
import { appendItem, Draft, insertMember, layoutOf, removeEntry, renameKey, setMember } from '../../server/src/core/fixes/jsonEdit';
import type { JsonPath } from '../../server/src/core/jsonTree';

/** The draft's node at `path`, which the test expects to exist. */
function nodeOf(draft: Draft, path: JsonPath): Node {
  const node = draft.node(path);
  assert.ok(node, `no node at ${JSON.stringify(path)}`);
  return node;
}

/** Applies a draft's single edit to its original text: the edit alone must give the draft's text. */
function viaEdit(draft: Draft): string {
  const { offset, length, newText } = draft.edit();
  return draft.original.slice(0, offset) + newText + draft.original.slice(offset + length);
}

describe('jsonEdit', () => {
  it('layoutOf: the smallest indentation, a tab, and CRLF; two spaces when nothing is indented', () => {
    assert.deepEqual(layoutOf('{\n    "Version": "2012-10-17",\n  "Statement": []\n}'), { unit: '  ', eol: '\n' });
    assert.deepEqual(layoutOf('{\r\n\t"Version": "2012-10-17"\r\n}'), { unit: '\t', eol: '\r\n' });
    assert.deepEqual(layoutOf('{"Version": "2012-10-17"}'), { unit: '  ', eol: '\n' });
  });

  it('Draft.edit is one minimal edit from the original to the current text, after several steps', () => {
    const draft = new Draft('{\n  "Effect": "Allow",\n  "Action": "sts:AssumeRole"\n}');
    assert.ok(insertMember(draft, [], 'Condition', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }));
    assert.ok(renameKey(draft, ['Condition', 'Bool'], 'BoolIfExists'));
    assert.equal(draft.text, '{\n  "Effect": "Allow",\n  "Action": "sts:AssumeRole",\n  "Condition": {\n    "BoolIfExists": {\n      "aws:MultiFactorAuthPresent": "true"\n    }\n  }\n}');
    assert.equal(viaEdit(draft), draft.text);
    assert.equal(draft.edit().offset, '{\n  "Effect": "Allow",\n  "Action": "sts:AssumeRole"'.length);
    assert.equal(draft.edit().length, 0);
  });

  it('appendItem: empty lists (one line or not), lists one per line, and a trailing comma', () => {
    const cases: [string, string][] = [
      ['{\n  "Action": []\n}', '{\n  "Action": [\n    "sts:TagSession"\n  ]\n}'],
      ['{"Action": []}', '{"Action": ["sts:TagSession"]}'],
      ['{\n  "Action": [\n    "sts:AssumeRole"\n  ]\n}', '{\n  "Action": [\n    "sts:AssumeRole",\n    "sts:TagSession"\n  ]\n}'],
      ['{\n  "Action": [\n    "sts:AssumeRole",\n  ]\n}', '{\n  "Action": [\n    "sts:AssumeRole",\n    "sts:TagSession"\n  ]\n}'],
      ['{"Action": ["sts:AssumeRole"]}', '{"Action": ["sts:AssumeRole", "sts:TagSession"]}'],
    ];
    for (const [before, after] of cases) {
      const draft = new Draft(before);
      assert.ok(appendItem(draft, ['Action'], 'sts:TagSession'));
      assert.equal(draft.text, after, before);
      assert.equal(viaEdit(draft), after);
    }
  });

  it('insertMember: on the same line as siblings that share a line, after a block comment, and a nested value over several lines', () => {
    const sameLine = new Draft('{\n  "Effect": "Allow", "Action": "sts:AssumeRole"\n}');
    insertMember(sameLine, [], 'Sid', 'Deploy');
    assert.equal(sameLine.text, '{\n  "Effect": "Allow", "Action": "sts:AssumeRole", "Sid": "Deploy"\n}');

    const comment = new Draft('{\n  "Action": "sts:AssumeRole" /* deploy */\n}');
    insertMember(comment, [], 'Condition', { Bool: { 'aws:MultiFactorAuthPresent': ['true'] } });
    assert.equal(comment.text, '{\n  "Action": "sts:AssumeRole", /* deploy */\n  "Condition": {\n    "Bool": {\n      "aws:MultiFactorAuthPresent": [\n        "true"\n      ]\n    }\n  }\n}');

    const nested = new Draft('{\n  "Principal": {\n    "AWS": "444455556666"\n  }\n}');
    insertMember(nested, [], 'Action', ['sts:AssumeRole']);
    assert.equal(nested.text, '{\n  "Principal": {\n    "AWS": "444455556666"\n  },\n  "Action": [\n    "sts:AssumeRole"\n  ]\n}');
  });

  it('setMember replaces an existing value inline, and inserts a missing key', () => {
    const draft = new Draft('{\n  "Effect": "Allow",\n  "Action": "sts:AssumeRole"\n}');
    assert.ok(setMember(draft, [], 'Action', ['sts:AssumeRole', 'sts:TagSession']));
    assert.equal(draft.text, '{\n  "Effect": "Allow",\n  "Action": ["sts:AssumeRole", "sts:TagSession"]\n}');
    assert.ok(setMember(draft, [], 'Sid', 'Deploy'));
    assert.equal(draft.text, '{\n  "Effect": "Allow",\n  "Action": ["sts:AssumeRole", "sts:TagSession"],\n  "Sid": "Deploy"\n}');
  });

  it('removeEntry: the first, a middle, the last and the only member, one per line', () => {
    const text = '{\n  "Sid": "A",\n  "Effect": "Allow",\n  "Action": "sts:AssumeRole",\n  "Resource": "*"\n}';
    const remove = (source: string, key: string) => {
      const draft = new Draft(source);
      removeEntry(draft, nodeOf(draft, [key]));
      assert.equal(viaEdit(draft), draft.text);
      return draft.text;
    };
    assert.equal(remove(text, 'Sid'), text.replace('  "Sid": "A",\n', ''));
    assert.equal(remove(text, 'Effect'), text.replace('  "Effect": "Allow",\n', ''));
    assert.equal(remove(text, 'Resource'), text.replace(',\n  "Resource": "*"', ''));
    assert.equal(remove('{\n  "Resource": "*"\n}', 'Resource'), '{}');
    assert.equal(remove('{"Action": ["sts:AssumeRole", "sts:TagSession"]}', 'Action'), '{}');
  });

  it('removeEntry: items of a one-line list', () => {
    const draft = new Draft('{"Action": ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"]}');
    removeEntry(draft, nodeOf(draft, ['Action', 1]));
    assert.equal(draft.text, '{"Action": ["sts:AssumeRole", "sts:SetSourceIdentity"]}');
    removeEntry(draft, nodeOf(draft, ['Action', 1]));
    assert.equal(draft.text, '{"Action": ["sts:AssumeRole"]}');
    removeEntry(draft, nodeOf(draft, ['Action', 0]));
    assert.equal(draft.text, '{"Action": []}');
  });

  it('steps that do not apply report false and change nothing', () => {
    const text = '{\n  "Action": "sts:AssumeRole",\n  "Principal": ["x"]\n}';
    const draft = new Draft(text);
    assert.equal(insertMember(draft, ['Action'], 'k', 1), false);
    assert.equal(insertMember(draft, ['Missing'], 'k', 1), false);
    assert.equal(appendItem(draft, ['Action'], 'x'), false);
    assert.equal(renameKey(draft, ['Missing'], 'k'), false);
    assert.equal(renameKey(draft, ['Principal', 0], 'k'), false);
    assert.equal(draft.text, text);
    assert.equal(viaEdit(draft), text);
    const broken = new Draft('{"Action": ');
    assert.doesNotThrow(() => insertMember(broken, [], 'k', 1));
  });
});
