import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeLens, CompletionItem, CompletionList, Diagnostic, DocumentDiagnosticReport, Hover, TextEdit } from 'vscode-languageserver-protocol/node';
import { LspClient, PULL_CAPABILITIES, PUSH_CAPABILITIES } from './client';

/** A module with the three forms: a data source used as a trust policy, jsonencode, and a heredoc. */
const MAIN = `resource "aws_iam_role" "vendor" {
  name               = "vendor"
  assume_role_policy = data.aws_iam_policy_document.vendor_trust.json
}

data "aws_iam_policy_document" "vendor_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::444455556666:root"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::777788889999:root" }
        Action    = "sts:AssumeRole"
      }
    ]
  })
}

resource "aws_iam_policy" "ci" {
  policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [{ "Effect": "Allow", "Action": "s3:GetObjcet", "Resource": "*" }]
    }
  EOF
}
`;

const items = (report: DocumentDiagnosticReport): Diagnostic[] => (report.kind === 'full' ? report.items : []);
const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///x', 'terraform', 1, text), edits);
const textAt = (text: string, d: { range: Diagnostic['range'] }) => TextDocument.create('file:///x', 'terraform', 1, text).getText(d.range);

/** The text with `|` removed and the cursor's position. */
function caret(withCaret: string): { text: string; position: { line: number; character: number } } {
  const offset = withCaret.indexOf('|');
  const text = withCaret.slice(0, offset) + withCaret.slice(offset + 1);
  return { text, position: TextDocument.create('file:///x', 'terraform', 1, text).positionAt(offset) };
}

const labels = (list: CompletionList | CompletionItem[] | null) => (Array.isArray(list) ? list : (list?.items ?? [])).map((i) => i.label);

describe('Terraform documents over stdio', () => {
  let client: LspClient;
  const uri = 'file:///ws/module/main.tf';
  /** The text the server has for `uri`. */
  let current = MAIN;
  let version = 1;
  const replace = (text: string) => {
    current = text;
    client.replace(uri, ++version, text);
  };
  before(async () => {
    client = await LspClient.start({ capabilities: PULL_CAPABILITIES });
    client.open(uri, MAIN, 'terraform');
  });
  after(() => client.kill());

  it('reports each policy\'s findings on the HCL values, with rule ids', async () => {
    const found = items(await client.pull(uri));
    const at = found.map((d) => [d.code, textAt(MAIN, d)]);
    assert.deepEqual(at, [
      ['trust-cross-account-unconditioned', '"arn:aws:iam::444455556666:root"'],
      ['trust-cross-account-unconditioned', '"arn:aws:iam::777788889999:root"'],
      ['unknown-action', '"s3:GetObjcet"'],
    ]);
    assert.ok(found.every((d) => d.source === 'iam-policy' && typeof d.codeDescription?.href === 'string'));
  });

  it('names the kinds of the file\'s policies in its document kind notification', () => {
    // Sent with the diagnostics the last test pulled.
    const kind = client.documentKinds.findLast((k) => k.uri === uri);
    assert.deepEqual([kind?.kind, kind?.dialect, kind?.policies], [null, 'terraform', ['trust', 'trust', 'identity']]);
  });

  it('adds an ExternalId condition block to the data source: valid HCL that clears the finding', async () => {
    const finding = items(await client.pull(uri)).find((d) => textAt(MAIN, d) === '"arn:aws:iam::444455556666:root"');
    assert.ok(finding);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } });
    const fix = actions.find((a) => a.title.startsWith('Require the ExternalId'));
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    const fixed = apply(current, fix.edit?.changes?.[uri] ?? []);
    assert.match(fixed, /\n {4}condition \{\n {6}test {5}= "StringEquals"\n {6}variable = "sts:ExternalId"\n {6}values {3}= \["[A-Za-z0-9+=,.@:/-]{32,}"\]\n {4}\}\n {2}\}\n\}/);
    replace(fixed);
    const after = items(await client.pull(uri));
    assert.deepEqual(after.map((d) => d.code), ['trust-cross-account-unconditioned', 'unknown-action']);
  });

  it('merges the MFA condition into jsonencode as an HCL member, aligned with its siblings', async () => {
    const finding = items(await client.pull(uri)).find((d) => d.code === 'trust-cross-account-unconditioned');
    assert.ok(finding);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } });
    const fix = actions.find((a) => a.title.startsWith('Require MFA (aws:MultiFactorAuthPresent'));
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    const fixed = apply(current, fix.edit?.changes?.[uri] ?? []);
    assert.ok(fixed.includes('        Action    = "sts:AssumeRole"\n        Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }\n      }'), fixed);
  });

  it('completes actions in jsonencode and in a data source, and condition operators, keys and principal types in data sources', async () => {
    const cases: [string, string][] = [
      ['    actions = ["sts:Assume|"]', 'sts:AssumeRole'],
      ['      Action    = "s3:Get|"', 's3:GetObject'],
      ['      test     = "StringEq|"', 'StringEquals'],
      ['      variable = "aws:MultiFactorAuth|"', 'aws:MultiFactorAuthPresent'],
      ['      type        = "|"', 'Federated'],
    ];
    const template = `data "aws_iam_policy_document" "d" {
  statement {
LINE
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::444455556666:root"]
    }
  }
}
`;
    const other = 'file:///ws/module/completion.tf';
    let version = 1;
    for (const [line, expected] of cases) {
      const body = line.startsWith('      Action')
        ? `resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n${line}\n      Resource  = "*"\n    }]\n  })\n}\n`
        : line.includes('test') || line.includes('variable')
          ? template.replace('LINE', `    actions = ["sts:AssumeRole"]\n    condition {\n${line.includes('test') ? line : '      test     = "Bool"'}\n${line.includes('variable') ? line : '      variable = "aws:SecureTransport"'}\n      values   = ["true"]\n    }`)
          : line.includes('type')
            ? `data "aws_iam_policy_document" "d" {\n  statement {\n    actions = ["sts:AssumeRoleWithWebIdentity"]\n    principals {\n${line}\n      identifiers = ["x"]\n    }\n  }\n}\n`
            : template.replace('LINE', line);
      const { text, position } = caret(body);
      if (version === 1) client.open(other, text, 'terraform', version);
      else client.replace(other, version, text);
      version++;
      const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: other }, position });
      assert.ok(labels(list).includes(expected), `${line}: ${labels(list).slice(0, 10).join(', ')}`);
    }
  });

  it('hovers over an action of a heredoc', async () => {
    const text = MAIN.replace('s3:GetObjcet', 's3:GetObject');
    replace(text);
    const position = TextDocument.create('file:///x', 'terraform', 1, text).positionAt(text.indexOf('s3:GetObject') + 4);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
    assert.match(hover.contents.value, /GetObject/);
  });

  it('shows who can assume each role above its trust statements', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.equal(titles.length, 2, titles.join(' | '));
    assert.ok(titles.every((t) => t.startsWith('Can assume: ')), titles.join(' | '));
    assert.ok(titles.some((t) => t.includes('444455556666')) && titles.some((t) => t.includes('777788889999')), titles.join(' | '));
  });

  it('keeps the findings of the rest of the file while a block is half-typed, and completes in it', async () => {
    const broken = MAIN.replace('        Action    = "sts:AssumeRole"\n', '        Action    = ["sts:Assu\n');
    replace(MAIN);
    await client.pull(uri);
    replace(broken);
    const found = items(await client.pull(uri));
    assert.ok(found.some((d) => d.code === 'unknown-action' && textAt(broken, d) === '"s3:GetObjcet"'), JSON.stringify(found.map((d) => [d.code, textAt(broken, d)])));
    assert.ok(found.some((d) => d.code === 'trust-cross-account-unconditioned' && textAt(broken, d) === '"arn:aws:iam::444455556666:root"'));
    const offset = broken.indexOf('["sts:Assu\n') + '["sts:Assu'.length;
    const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: TextDocument.create('file:///x', 'terraform', 1, broken).positionAt(offset) });
    assert.ok(labels(list).includes('sts:AssumeRole'), labels(list).join(', '));
  });
});

describe('Terraform modules and languages over stdio', () => {
  it('gives a data source the kind of the argument that uses it in another open file of the module, and updates it', async () => {
    const client = await LspClient.start({ capabilities: PULL_CAPABILITIES });
    try {
      const iam = 'file:///ws/split/iam.tf';
      const main = 'file:///ws/split/main.tf';
      const document = `data "aws_iam_policy_document" "assume" {\n  statement {\n    actions   = ["sts:AssumeRole"]\n    resources = ["*"]\n  }\n}\n`;
      client.open(iam, document, 'terraform');
      // Alone, the document reads as an identity policy (sts:AssumeRole on every role).
      assert.deepEqual(items(await client.pull(iam)).map((d) => d.code), ['assume-role-wildcard-resource']);
      client.open(main, `resource "aws_iam_role" "r" {\n  assume_role_policy = data.aws_iam_policy_document.assume.json\n}\n`, 'terraform');
      await client.pull(main);
      // Used as a trust policy: a Resource is not allowed, and it has no principal.
      assert.deepEqual(items(await client.pull(iam)).map((d) => d.code).sort(), ['missing-principal', 'trust-has-resource']);
    } finally {
      client.kill();
    }
  });

  it('reads a .tf file opened as plain text (no Terraform extension), and pushes its diagnostics to a push client', async () => {
    const client = await LspClient.start({ capabilities: PUSH_CAPABILITIES });
    try {
      const uri = 'file:///ws/plain/main.tf';
      client.open(uri, MAIN, 'plaintext');
      const published = await client.nextDiagnostics(uri);
      assert.deepEqual(published.diagnostics.map((d) => d.code), ['trust-cross-account-unconditioned', 'trust-cross-account-unconditioned', 'unknown-action']);
    } finally {
      client.kill();
    }
  });

  it('gives a JSON file the kind of the Terraform argument that reads it with file()', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'iam-tf-file-'));
    try {
      writeFileSync(join(folder, 'main.tf'), 'resource "aws_iam_role" "r" {\n  assume_role_policy = file("${path.module}/role.json")\n}\n');
      const json = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}\n';
      writeFileSync(join(folder, 'role.json'), json);
      const client = await LspClient.start({ capabilities: PULL_CAPABILITIES, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'tf' }] });
      try {
        // The scan reads main.tf; the trust graph answers once it is done.
        await client.request('iamPolicy/trustGraph', { format: 'json' }, 20_000);
        const uri = pathToFileURL(join(folder, 'role.json')).href;
        client.open(uri, json);
        assert.deepEqual(items(await client.pull(uri)).map((d) => d.code).sort(), ['missing-principal', 'trust-has-resource']);
      } finally {
        client.kill();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('draws the Terraform roles of the workspace in the trust graph, named by their resources', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'iam-tf-graph-'));
    try {
      writeFileSync(join(folder, 'main.tf'), MAIN);
      const client = await LspClient.start({ capabilities: PULL_CAPABILITIES, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'tf' }] });
      try {
        const response = await client.request<{ text: string }>('iamPolicy/trustGraph', { format: 'json' }, 20_000);
        const graph = JSON.parse(response.text) as { edges: { from: string; to: string }[] };
        const edges = graph.edges.map((e) => `${e.from} -> ${e.to}`).sort();
        assert.deepEqual(edges, ['account:444455556666 -> role::vendor', 'account:777788889999 -> role::deploy']);
      } finally {
        client.kill();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
