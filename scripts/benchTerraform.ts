// Terraform figures for `npm run bench`: the grammar's first load, analysis after an edit in a large
// .tf file (in process and over stdio), the CLI on 1,000 .tf files, and the server's memory with 50
// open .tf files. The files are generated: four policy forms in turn, with filler resources between.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPolicyService, type ParsedDocument } from '../server/src/core';
import { loadHclParser } from '../server/src/shared/hclGrammar';
import { LspClient, PULL_CAPABILITIES } from '../test/lsp/client';

/** One policy-bearing block in one of four forms, then `filler` resources without policies. */
function block(i: number): string {
  switch (i % 4) {
    case 0:
      return `resource "aws_iam_role" "r${i}" {
  name = "role-${i}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "sts:AssumeRole"
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
  tags = { team = "platform", index = "${i}" }
}
`;
    case 1:
      return `data "aws_iam_policy_document" "d${i}" {
  statement {
    sid       = "Read${i}"
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["arn:aws:s3:::bucket-${i}/*"]
  }
  statement {
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.k.arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.eu-west-1.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "p${i}" {
  name   = "policy-${i}"
  policy = data.aws_iam_policy_document.d${i}.json
}
`;
    case 2:
      return `resource "aws_iam_policy" "h${i}" {
  policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [
        { "Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": "\${aws_sqs_queue.q.arn}" }
      ]
    }
  EOF
}
`;
    default:
      return `resource "aws_s3_bucket_policy" "b${i}" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecure"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.b.arn, "\${aws_s3_bucket.b.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
`;
  }
}

function filler(i: number): string {
  return `resource "aws_instance" "i${i}" {\n  ami           = "ami-0123456789abcdef0"\n  instance_type = "t3.micro"\n  tags = {\n    Name = "instance-${i}"\n  }\n}\n`;
}

/** A Terraform file of about `lines` lines holding `policies` policies. */
export function terraformFile(policies: number, lines: number): string {
  const parts: string[] = [];
  let count = 0;
  for (let i = 0; i < policies; i++) {
    parts.push(block(i));
    count += parts[parts.length - 1].split('\n').length;
    // Spread the filler between the policies.
    while (count < ((i + 1) * lines) / policies) {
      parts.push(filler(count));
      count += 8;
    }
  }
  return parts.join('\n');
}

export interface TerraformFigures {
  grammarLoad: number;
  editInProcess: { p50: number; p95: number; runs: number };
  editOverStdio: { p50: number; p95: number; runs: number };
  cli: { wall: number; files: number; policies: number; status: number | null };
  rssWith50: number | undefined;
}

export async function terraformFigures(cliPath: string, readRss: (pid: number | undefined) => { rss: number } | undefined): Promise<TerraformFigures> {
  let start = performance.now();
  const hcl = await loadHclParser();
  const grammarLoad = performance.now() - start;
  const service = createPolicyService({ hcl });

  // An edit inside one of the 40 policies of a 3,000-line file: parse (from the previous tree) and analyse.
  const large = terraformFile(40, 3000);
  const target = large.indexOf('"s3:GetObject"', large.length / 2) + 4;
  const version = (n: number) => large.slice(0, target) + (n % 2 === 0 ? '' : 'x') + large.slice(target);
  let previous: ParsedDocument = service.parse(large, { dialect: 'terraform' });
  service.analyze(previous);
  const times: number[] = [];
  for (let n = 1; n <= 200; n++) {
    const began = performance.now();
    const parsed = service.parse(version(n), { dialect: 'terraform', previous });
    service.analyze(parsed);
    times.push(performance.now() - began);
    previous = parsed;
  }
  previous.dispose?.();
  const editInProcess = stats(times);

  // The same edits over stdio: didChange then a diagnostics pull, as VS Code does on each keystroke.
  const client = await LspClient.start({ capabilities: PULL_CAPABILITIES });
  let editOverStdio: TerraformFigures['editOverStdio'];
  let rssWith50: number | undefined;
  try {
    const uri = 'file:///bench/large.tf';
    client.open(uri, large, 'terraform');
    await client.pull(uri, 30_000);
    const remote: number[] = [];
    for (let n = 1; n <= 100; n++) {
      const began = performance.now();
      client.replace(uri, n + 1, version(n));
      await client.pull(uri);
      remote.push(performance.now() - began);
    }
    editOverStdio = stats(remote);
    await client.stop();
  } finally {
    client.kill();
  }
  // A fresh server with 50 open files of 200 lines and 8 policies each, in 10 modules.
  const fresh = await LspClient.start({ capabilities: PULL_CAPABILITIES });
  try {
    for (let i = 0; i < 50; i++) {
      const file = `file:///bench/module${i % 10}/file${i}.tf`;
      fresh.open(file, terraformFile(8, 200).replace(/"r(\d+)"/g, `"r$1_${i}"`), 'terraform');
      await fresh.pull(file, 30_000);
    }
    rssWith50 = readRss(fresh.child.pid)?.rss;
    await fresh.stop();
  } finally {
    fresh.kill();
  }

  // 1,000 files in 100 module folders, each with 4 policies.
  const folder = mkdtempSync(join(tmpdir(), 'iam-policy-bench-tf-'));
  let cli: TerraformFigures['cli'];
  try {
    for (let m = 0; m < 100; m++) {
      const module = join(folder, `module-${m}`);
      mkdirSync(module);
      for (let f = 0; f < 10; f++) writeFileSync(join(module, `file-${f}.tf`), terraformFile(4, 60));
    }
    start = performance.now();
    const run = spawnSync(process.execPath, [cliPath, 'lint', '--format', 'json', folder], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const wall = performance.now() - start;
    let files = 0;
    let policies = 0;
    try {
      const report = JSON.parse(run.stdout) as { files: { policies?: unknown[] }[] };
      files = report.files.length;
      policies = report.files.reduce((n, f) => n + (f.policies?.length ?? 0), 0);
    } catch {
      // reported as 0 files: the note shows the exit status
    }
    cli = { wall, files, policies, status: run.status };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return { grammarLoad, editInProcess, editOverStdio, cli, rssWith50 };
}

function stats(times: number[]): { p50: number; p95: number; runs: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
  return { p50: at(50), p95: at(95), runs: sorted.length };
}
