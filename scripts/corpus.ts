// Lints the latest version of every AWS managed policy and prints findings by rule, to review
// verdicts against policies AWS accepts. `--rule ID [--limit N]` prints the findings of one rule.
import { parseArgs } from 'node:util';
import { createPolicyService, type Finding } from '../server/src/core';
import { managedPolicies } from '../test/support/managedPolicies';

const { values } = parseArgs({ options: { rule: { type: 'string' }, limit: { type: 'string' } } });
const service = createPolicyService();
const counts = new Map<string, { severity: string; findings: number; policies: Set<string> }>();
const samples: string[] = [];
const limit = Number(values.limit ?? 40);

for (const { name, text } of managedPolicies()) {
  const findings: Finding[] = service.analyze(service.parse(text), { kindSetting: 'identity' }).findings;
  for (const f of findings) {
    const key = `${f.rule}\t${f.severity}`;
    const entry = counts.get(key) ?? { severity: f.severity, findings: 0, policies: new Set<string>() };
    entry.findings++;
    entry.policies.add(name);
    counts.set(key, entry);
    if (f.rule === values.rule && samples.length < limit) {
      samples.push(`${name}: ${JSON.stringify(text.slice(f.offset, f.offset + f.length))}\n    ${f.message}`);
    }
  }
}
for (const [key, entry] of [...counts].sort((a, b) => b[1].findings - a[1].findings)) {
  const [rule] = key.split('\t');
  process.stdout.write(`${rule.padEnd(32)} ${entry.severity.padEnd(8)} ${String(entry.findings).padStart(6)} findings in ${String(entry.policies.size).padStart(4)} policies\n`);
}
if (values.rule) process.stdout.write(`\n${samples.join('\n')}\n`);
