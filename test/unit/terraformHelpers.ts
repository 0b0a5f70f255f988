import { createPolicyService, snippetToPlain, type AnalyzeOptions, type CompletionEntry, type ModuleFacts, type ParsedDocument, type PolicyService } from '../../server/src/core';
import { toValue } from '../../server/src/core/jsonTree';
import { loadHclParser } from '../../server/src/shared/hclGrammar';
import { atCaret } from './completionHelpers';

let loaded: PolicyService | undefined;

/** Loads the Terraform grammar once for the test files that use these helpers (call it in `before`). */
export async function loadTerraform(): Promise<void> {
  loaded ??= createPolicyService({ hcl: await loadHclParser() });
}

/** The service with the Terraform grammar; `loadTerraform` must have run. */
export function terraformService(): PolicyService {
  if (!loaded) throw new Error('call loadTerraform() in a before() hook first');
  return loaded;
}

export function parseTf(text: string, module: readonly ModuleFacts[] = []): ParsedDocument {
  return terraformService().parse(text, { dialect: 'terraform', module });
}

/** Each policy of a Terraform text: its id, kind and the JSON the AWS provider would render. */
export function policiesOf(text: string, module: readonly ModuleFacts[] = []): { id: string; kind: string | undefined; json: unknown; incomplete?: string }[] {
  const parsed = parseTf(text, module);
  return parsed.units.map((u) => ({ id: u.id, kind: u.kind, json: toValue(u.root), ...(u.incomplete ? { incomplete: u.incomplete } : {}) }));
}

export interface TfFinding {
  rule: string;
  severity: string;
  /** The exact text the finding covers. */
  at: string;
  /** 1-based line of its start. */
  line: number;
  policy: string | undefined;
}

export function lintTf(text: string, options: AnalyzeOptions & { module?: readonly ModuleFacts[] } = {}): TfFinding[] {
  const analysis = terraformService().analyze(parseTf(text, options.module), options);
  return analysis.findings.map((f) => ({ rule: f.rule, severity: f.severity, at: text.slice(f.offset, f.offset + f.length), line: text.slice(0, f.offset).split('\n').length, policy: f.policy }));
}

/** The rules reported at error or warning severity. */
export function seriousRules(text: string, options: AnalyzeOptions & { module?: readonly ModuleFacts[] } = {}): string[] {
  return lintTf(text, options)
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => f.rule);
}

/** Completion at the `|` of a Terraform fixture: labels, and the text after applying an item. */
export function completeTf(withCaret: string): { labels: string[]; item(label: string): CompletionEntry; applied(label: string): string } {
  const { text, offset } = atCaret(withCaret);
  const list = terraformService().complete(parseTf(text), offset, { externalId: () => 'EXTERNAL-ID' });
  const items = [...(list?.items ?? [])].sort((a, b) => a.sortText.localeCompare(b.sortText));
  const item = (label: string) => {
    const found = items.find((i) => i.label === label);
    if (!found) throw new Error(`no item "${label}" in ${items.map((i) => i.label).slice(0, 30).join(', ')}`);
    return found;
  };
  return {
    labels: items.map((i) => i.label),
    item,
    applied: (label) => {
      if (!list) throw new Error('no completion');
      return text.slice(0, list.replace.offset) + snippetToPlain(item(label).insertText) + text.slice(list.replace.offset + list.replace.length);
    },
  };
}

/** The text after a quick fix (the first whose title starts with `title`) for the first finding of `rule`. */
export function fixTf(text: string, rule: string, title: string, at?: string): string {
  const parsed = parseTf(text);
  const finding = terraformService().analyze(parsed).findings.find((f) => f.rule === rule && (at === undefined || text.slice(f.offset, f.offset + f.length) === at));
  if (!finding) throw new Error(`no ${rule} finding${at ? ` at ${at}` : ''}`);
  const fixes = terraformService().quickFixes(parsed, finding, { randomBytes: (n) => new Uint8Array(n).fill(1) });
  const fix = fixes.find((f) => f.title.startsWith(title));
  if (!fix) throw new Error(`no fix "${title}" in ${fixes.map((f) => f.title).join(' | ')}`);
  let result = text;
  for (const edit of [...fix.edits].sort((a, b) => b.offset - a.offset)) result = result.slice(0, edit.offset) + edit.newText + result.slice(edit.offset + edit.length);
  return result;
}
