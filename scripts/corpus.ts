// Lints the latest version of every AWS managed policy and prints findings by rule, to review
// verdicts against policies AWS accepts. `--rule ID [--limit N]` prints the findings of one rule.
import { parseArgs } from 'node:util';
import { lintManagedPolicies, tallyByRule, tallyLine } from '../test/support/managedPolicies';

const { values } = parseArgs({ options: { rule: { type: 'string' }, limit: { type: 'string' } } });
const linted = lintManagedPolicies();
for (const tally of tallyByRule(linted)) process.stdout.write(`${tallyLine(tally)}\n`);
if (values.rule) {
  const samples = linted.flatMap(({ name, text, findings }) =>
    findings.filter((f) => f.rule === values.rule).map((f) => `${name}: ${JSON.stringify(text.slice(f.offset, f.offset + f.length))}\n    ${f.message}`),
  );
  process.stdout.write(`\n${samples.slice(0, Number(values.limit ?? 40)).join('\n')}\n`);
}
