// Realistic Terraform modules (test/corpus/terraform/, see its README): every policy in them is valid
// and idiomatic, so nothing may be reported at error or warning severity; each is found with the
// kind its place or use gives it; and each gets the findings a JSON copy of it gets.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Node } from 'jsonc-parser';
import type { PolicyService } from '../../server/src/core';
import { readFiles } from '../../server/src/cli/lint';
import { collectFiles } from '../../server/src/cli/files';
import { serviceFor } from '../../server/src/cli/terraform';

const CORPUS = join(import.meta.dirname, 'terraform');

/** What each module must hold: policy ids by kind (a subset: the modules hold more). */
const EXPECTED: Record<string, Record<string, string>> = {
  'github-oidc': { 'data.aws_iam_policy_document.trust': 'trust', 'data.aws_iam_policy_document.deploy': 'identity' },
  'eks-irsa': { 'data.aws_iam_policy_document.ebs_csi_assume': 'trust', 'data.aws_iam_policy_document.external_dns_assume': 'trust', 'data.aws_iam_policy_document.external_dns': 'identity' },
  'cross-account': { 'data.aws_iam_policy_document.audit_assume': 'trust', 'aws_iam_role.vendor.assume_role_policy': 'trust', 'aws_iam_role.scanner.assume_role_policy': 'trust', 'data.aws_iam_policy_document.auditors_assume_audit_role': 'identity' },
  's3-bucket': { 'data.aws_iam_policy_document.bucket': 'resource', 'data.aws_iam_policy_document.app': 'identity' },
  kms: { 'data.aws_iam_policy_document.key': 'resource' },
  lambda: { 'data.aws_iam_policy_document.assume': 'trust', 'data.aws_iam_policy_document.events_queue': 'resource' },
  'ecs-task': { 'data.aws_iam_policy_document.ecs_tasks_assume': 'trust', 'data.aws_iam_policy_document.task': 'identity' },
  dynamic: { 'data.aws_iam_policy_document.trust': 'trust', 'aws_iam_policy.raw.policy': 'identity' },
};

/** An unknown value standing for a whole statement, statement list, condition block or principal element. */
function isStructural(node: Node): boolean {
  const key: unknown = node.parent?.type === 'property' ? node.parent.children?.[0]?.value : undefined;
  const inStatements = node.parent?.type === 'array' && node.parent.parent?.children?.[0]?.value === 'Statement';
  return inStatements || (typeof key === 'string' && ['Statement', 'Condition', 'Principal', 'NotPrincipal'].includes(key));
}

describe('realistic Terraform modules', () => {
  let service: PolicyService;
  const files = collectFiles([CORPUS]);
  before(async () => {
    service = await serviceFor(files);
  });

  it('holds the eight modules of its README', () => {
    assert.deepEqual(readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort(), Object.keys(EXPECTED).sort());
  });

  it('finds every policy with its kind, and reports nothing at error or warning severity', () => {
    const found = new Map<string, Map<string, string>>();
    const serious: string[] = [];
    for (const { file, text, parsed } of readFiles(service, files, { kind: 'auto' })) {
      const module = file.path.split(/[\\/]/).slice(-2)[0];
      const analysis = service.analyze(parsed, { fileName: file.path });
      const kinds = found.get(module) ?? new Map<string, string>();
      for (const policy of analysis.policies) kinds.set(policy.id, policy.kind);
      found.set(module, kinds);
      for (const f of analysis.findings) {
        if (f.severity === 'error' || f.severity === 'warning') serious.push(`${file.path}: ${f.rule} at ${JSON.stringify(text.slice(f.offset, f.offset + f.length))}: ${f.message}`);
      }
    }
    assert.deepEqual(serious, []);
    for (const [module, expected] of Object.entries(EXPECTED)) {
      for (const [id, kind] of Object.entries(expected)) assert.equal(found.get(module)?.get(id), kind, `${module}: ${id}`);
    }
    const total = [...found.values()].reduce((n, m) => n + m.size, 0);
    assert.ok(total >= 30, `${total} policies`);
  });

  it('gives each policy the findings a JSON copy of what it renders gets', () => {
    let compared = 0;
    for (const { parsed } of readFiles(service, files, { kind: 'auto' })) {
      const analysis = service.analyze(parsed);
      for (const policy of analysis.policies) {
        const unit = parsed.units.find((u) => u.id === policy.id);
        // Documents not all known here (dynamic blocks, `Statement = var.statements`) render placeholders
        // where JSON needs an object or a list: a JSON file cannot stand for them.
        if (!unit?.policyText || unit.incomplete || unit.open.size > 0 || [...unit.unknown].some(isStructural)) continue;
        const copy = service.analyze(service.parse(JSON.stringify(JSON.parse(unit.policyText()), null, 2)), { kindSetting: policy.kind });
        const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule).sort();
        // Placeholders in a JSON copy are as unknown as in Terraform; structural unknowns are skipped above.
        assert.deepEqual(rules(analysis.findings.filter((f) => f.policy === policy.id)), rules(copy.findings), policy.id);
        compared++;
      }
    }
    assert.ok(compared >= 20, `${compared} compared`);
  });
});
