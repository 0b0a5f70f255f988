// Writes docs/rules/<id>.md and docs/rules/README.md from the rules' own summaries and docs, so the
// pages linked from diagnostics never drift from the code. A unit test fails when they are stale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../server/src/core';
import { renderConfigSchema, renderReadmeRules, renderRuleDoc, renderRuleIndex } from '../server/src/core/ruleDocs';

const folder = join(import.meta.dirname, '..', 'docs', 'rules');
mkdirSync(folder, { recursive: true });
for (const rule of RULES) writeFileSync(join(folder, `${rule.id}.md`), renderRuleDoc(rule));
writeFileSync(join(folder, 'README.md'), renderRuleIndex(RULES));
writeFileSync(join(import.meta.dirname, '..', 'schemas', 'iampolicyrc.schema.json'), renderConfigSchema(RULES));
const readmePath = join(import.meta.dirname, '..', 'README.md');
const readme = readFileSync(readmePath, 'utf8');
writeFileSync(readmePath, readme.replace(/<!-- rules[^>]*-->[\s\S]*?<!-- \/rules -->/, renderReadmeRules(RULES)));
process.stdout.write(`Wrote ${RULES.length} rule pages to docs/rules/\n`);
