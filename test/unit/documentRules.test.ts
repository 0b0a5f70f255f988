import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { policyLength } from '../../server/src/core/rules/policySize';
import { findingsOf, identityStatement, lint, policy, trustStatement } from './helpers';

describe('json-syntax', () => {
  it('reports every parse error at its place and keeps analysing what parsed', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "allow", "Action": "s3:GetObject", "Resource": "*",}\n  ]\n  "Id": 1\n}';
    const { findings } = lint(text);
    const syntax = findings.filter((f) => f.rule === 'json-syntax');
    assert.deepEqual(
      syntax.map((f) => [f.line, f.at]),
      [
        [4, ','],
        [6, '"Id"'],
      ],
    );
    assert.match(syntax[0].message, /Trailing comma/);
    assert.match(syntax[1].message, /Comma expected/);
    assert.ok(findings.some((f) => f.rule === 'invalid-effect' && f.at === '"allow"'), 'rules still run on what parsed');
  });

  it('rejects comments in json, accepts them in jsonc', () => {
    const text = '{\n  // read only\n  "Version": "2012-10-17", "Statement": [' + JSON.stringify(identityStatement()) + ']\n}';
    assert.equal(findingsOf('json-syntax', text).length, 1);
    assert.match(findingsOf('json-syntax', text)[0].message, /Comments are not allowed/);
    assert.deepEqual(lint(text, { allowComments: true }).findings, []);
  });

  it('reports an unterminated document at its end', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"';
    const syntax = findingsOf('json-syntax', text);
    assert.ok(syntax.length >= 1);
    assert.ok(syntax.every((f) => f.message.length > 10));
  });

  it('refuses documents nested deeper than any policy, without overflowing the stack', () => {
    const deep = '{"Statement": ' + '['.repeat(10_000) + ']'.repeat(10_000) + '}';
    const { kind, findings } = lint(deep);
    assert.equal(kind, 'identity');
    assert.deepEqual(findings.map((f) => f.rule), ['json-syntax']);
    assert.match(findings[0].message, /64 levels/);
    assert.deepEqual(lint('['.repeat(10_000)).findings, [], 'deep non-policy JSON is not a policy');
  });
});

describe('duplicate-key', () => {
  it('reports the second occurrence of a key', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Action": "s3:PutObject", "Resource": "*"}]}';
    const found = findingsOf('duplicate-key', text);
    assert.equal(found.length, 1);
    assert.equal(text.indexOf('"Action"', text.indexOf('"Action"') + 1), text.indexOf(found[0].at, text.indexOf('s3:GetObject')));
    assert.deepEqual(found[0].data, { key: 'Action' });
  });

  it('is silent on distinct keys, including keys differing only in case', () => {
    assert.deepEqual(findingsOf('duplicate-key', policy([identityStatement({ Condition: { StringEquals: { 'aws:username': 'a', 'AWS:UserName': 'b' } } })])), []);
  });
});

describe('missing-version and invalid-version', () => {
  it('reports a missing Version at the opening brace only', () => {
    const found = findingsOf('missing-version', policy([identityStatement()], {}));
    assert.deepEqual(found.map((f) => [f.at, f.severity]), [['{', 'warning']]);
    assert.deepEqual(findingsOf('missing-version', policy([identityStatement()])), []);
  });

  it('reports a Version that is not a policy language version', () => {
    for (const version of ['2024-01-01', '2012-10-18', 2012, null]) {
      const found = findingsOf('invalid-version', policy([identityStatement()], { Version: version }));
      assert.equal(found.length, 1, String(version));
      assert.equal(found[0].at, JSON.stringify(version));
    }
    assert.deepEqual(findingsOf('invalid-version', policy([identityStatement()], { Version: '2008-10-17' })), []);
  });
});

describe('invalid-effect', () => {
  it('is case-sensitive and reports the value', () => {
    for (const effect of ['allow', 'ALLOW', 'Permit', 1]) {
      const found = findingsOf('invalid-effect', policy([identityStatement({ Effect: effect })]));
      assert.deepEqual(found.map((f) => f.at), [JSON.stringify(effect)]);
    }
    assert.deepEqual(findingsOf('invalid-effect', policy([identityStatement({ Effect: 'Deny' })])), []);
  });

  it('also applies when Statement is a single object', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: identityStatement({ Effect: 'deny' }) });
    assert.deepEqual(findingsOf('invalid-effect', text).map((f) => f.at), ['"deny"']);
  });
});

describe('duplicate-sid and invalid-sid', () => {
  it('reports the second statement with the same Sid', () => {
    const text = policy([identityStatement({ Sid: 'Read' }), identityStatement({ Sid: 'Write' }), identityStatement({ Sid: 'Read' })]);
    const found = findingsOf('duplicate-sid', text);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, text.split('\n').findLastIndex((l) => l.includes('"Read"')) + 1);
    assert.match(found[0].message, /statement 1/);
  });

  it('does not compare Sids across case or empty Sids', () => {
    assert.deepEqual(findingsOf('duplicate-sid', policy([identityStatement({ Sid: 'Read' }), identityStatement({ Sid: 'READ' })])), []);
  });

  it('reports non-alphanumeric Sids in identity and trust policies only', () => {
    const identity = findingsOf('invalid-sid', policy([identityStatement({ Sid: 'Allow S3 read' })]));
    assert.deepEqual(identity.map((f) => [f.at, f.data?.suggestion]), [['"Allow S3 read"', 'AllowS3Read']]);
    assert.equal(findingsOf('invalid-sid', policy([trustStatement({ Sid: 'ops-admins' })])).length, 1);
    assert.equal(findingsOf('invalid-sid', policy([identityStatement({ Sid: 'Zugriff für alle' })])).length, 1);
    const bucket = { Sid: 'Allow read for partner', Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
    assert.deepEqual(findingsOf('invalid-sid', policy([bucket])), [], 'resource policies allow spaces');
    assert.deepEqual(findingsOf('invalid-sid', policy([identityStatement({ Sid: 'AllowS3Read2' })])), []);
  });

  it('visits every statement, not just the first bad one', () => {
    const text = policy([identityStatement({ Sid: 'a-b' }), identityStatement({ Sid: 'Ok' }), identityStatement({ Sid: 'c d' })]);
    assert.equal(findingsOf('invalid-sid', text).length, 2);
  });
});

describe('missing-principal and trust-has-resource', () => {
  it('reports a trust statement without Principal on the statement', () => {
    const statement = { Effect: 'Allow', Action: 'sts:AssumeRole' };
    const text = policy([statement]);
    const found = findingsOf('missing-principal', text, { fileName: 'role-trust.json' });
    assert.equal(found.length, 1);
    assert.deepEqual(JSON.parse(found[0].at), statement);
    assert.deepEqual(findingsOf('schema', text, { fileName: 'role-trust.json' }), [], 'not reported twice');
  });

  it('reports a resource policy statement without Principal', () => {
    const text = policy([identityStatement()]);
    assert.equal(findingsOf('missing-principal', text, { kindSetting: 'resource' }).length, 1);
    assert.deepEqual(findingsOf('missing-principal', text), [], 'identity policies have no principal');
    assert.deepEqual(findingsOf('missing-principal', policy([identityStatement({ NotPrincipal: { AWS: '111122223333' } })]), { kindSetting: 'resource' }), []);
  });

  it('reports Resource and NotResource keys in a trust policy', () => {
    const text = policy([trustStatement({ Resource: '*' }), trustStatement({ NotResource: 'arn:aws:iam::111122223333:role/X' })]);
    const found = findingsOf('trust-has-resource', text);
    assert.deepEqual(found.map((f) => f.at), ['"Resource"', '"NotResource"']);
    assert.deepEqual(findingsOf('schema', text), []);
    assert.deepEqual(findingsOf('trust-has-resource', policy([trustStatement()])), []);
  });
});

describe('policy-variable-version', () => {
  const withVariable = identityStatement({ Resource: 'arn:aws:s3:::home/${aws:username}/*' });

  it('reports variables without Version 2012-10-17', () => {
    const none = findingsOf('policy-variable-version', policy([withVariable], {}));
    assert.deepEqual(none.map((f) => f.at), ['"arn:aws:s3:::home/${aws:username}/*"']);
    assert.equal(findingsOf('policy-variable-version', policy([withVariable], { Version: '2008-10-17' })).length, 1);
    const inCondition = identityStatement({ Condition: { StringLike: { 's3:prefix': ['home/${aws:PrincipalTag/team}/*', '${*}'] } } });
    assert.equal(findingsOf('policy-variable-version', policy([inCondition], {})).length, 2);
  });

  it('accepts variables with 2012-10-17 and ignores CloudFormation placeholders', () => {
    assert.deepEqual(findingsOf('policy-variable-version', policy([withVariable])), []);
    const cfn = identityStatement({ Resource: ['arn:${AWS::Partition}:s3:::${BucketName}/*', 'arn:aws:iam::${AWS::AccountId}:role/x'] });
    assert.deepEqual(findingsOf('policy-variable-version', policy([cfn], {})), []);
  });

  it('leaves an invalid Version to invalid-version', () => {
    assert.deepEqual(findingsOf('policy-variable-version', policy([withVariable], { Version: '2020-01-01' })), []);
  });
});

describe('policy-size', () => {
  it('counts characters without whitespace outside strings', () => {
    assert.equal(policyLength('{ "a" : "b c" }'), 11);
    assert.equal(policyLength('{"a":"x\\" y"}'), 13);
    assert.equal(policyLength('\r\n\t {}'), 2);
  });

  it('applies the quota of the kind', () => {
    const principals = Array.from({ length: 60 }, (_, i) => `arn:aws:iam::${String(100000000000 + i)}:role/Deploy`);
    const trust = policy([trustStatement({ Principal: { AWS: principals } })]);
    const found = findingsOf('policy-size', trust);
    assert.equal(found.length, 1);
    assert.equal(found[0].at, '{');
    assert.ok((found[0].data?.size as number) > 2048);
    assert.deepEqual(findingsOf('policy-size', trust, { kindSetting: 'resource' }), [], 'fits a bucket policy');
    assert.deepEqual(findingsOf('policy-size', policy([trustStatement()])), []);
  });

  it('does not count indentation', () => {
    const statements: unknown[] = [];
    let compact = '';
    while (compact.length < 5500) {
      statements.push(identityStatement({ Sid: `S${statements.length}`, Resource: `arn:aws:s3:::bucket-${statements.length}/*` }));
      compact = JSON.stringify({ Version: '2012-10-17', Statement: statements });
    }
    const indented = JSON.stringify(JSON.parse(compact), null, 8);
    assert.ok(indented.length > 6144 && compact.length < 6144);
    assert.deepEqual(findingsOf('policy-size', indented), []);
  });
});

describe('invalid-character', () => {
  it('reports characters outside tab, LF, CR and U+0020-U+00FF', () => {
    const text = policy([identityStatement({ Condition: { StringEquals: { 'aws:ResourceTag/team': '“platform”' } } })]);
    const found = findingsOf('invalid-character', text);
    assert.deepEqual(found.map((f) => [f.at, f.severity]), [['"“platform”"', 'error']]);
    assert.match(found[0].message, /U\+201C/);
  });

  it('explains U+FFFD as invalid UTF-8 and finds escaped characters too', () => {
    assert.match(findingsOf('invalid-character', policy([identityStatement({ Sid: 'A\uFFFDB' })]))[0].message, /UTF-8/);
    const escaped = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/\\ud83d\\ude00"}]}';
    assert.equal(findingsOf('invalid-character', escaped).length, 1);
  });

  it('accepts Latin-1 text and is only a warning in resource policies', () => {
    assert.deepEqual(findingsOf('invalid-character', policy([identityStatement({ Resource: 'arn:aws:s3:::b/café/*' })])), []);
    const bucket = { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/日本/*' };
    assert.deepEqual(findingsOf('invalid-character', policy([bucket])).map((f) => f.severity), ['warning']);
  });
});
