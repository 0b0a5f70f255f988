import { TextDocument } from 'vscode-languageserver-textdocument';
import { dialectOf, type DialectId, type Finding, type KindSetting, type ParsedDocument, type PolicyKind, type PolicyService, type PolicySummary } from '../core';
import type { FileSettings } from './config';
import { readText, type InputFile } from './files';
import { TerraformModules } from './terraform';

export interface Position {
  line: number;
  character: number;
}

/** A finding with 0-based UTF-16 positions, as in LSP; formats convert to 1-based where they need it. */
export interface PositionedFinding extends Finding {
  range: { start: Position; end: Position };
}

export interface FileReport {
  path: string;
  dialect: DialectId;
  /** The kind of a policy file; undefined for a Terraform file (each of its `policies` has one). */
  kind: PolicyKind | undefined;
  /** The policies of a Terraform file, with their ranges. */
  policies: (PolicySummary & { range: { start: Position; end: Position } })[];
  findings: PositionedFinding[];
}

export interface LintReport {
  files: FileReport[];
  /** Files that are not IAM policies (JSON) or hold none (Terraform). */
  skipped: string[];
  /** Files named on the command line that a config file says to ignore (files found in folders are ignored silently). */
  ignored: string[];
}

export interface LintOptions {
  /** From --kind. */
  kind: KindSetting;
  /** The config file's settings for a file (see config.ts), if any. */
  settingsFor?: (path: string) => FileSettings | undefined;
}

/** A file read for linting or explaining, with the kind setting that applies to it. */
export interface ReadFile {
  file: InputFile;
  text: string;
  parsed: ParsedDocument;
  kindSetting: KindSetting | undefined;
  settings: FileSettings | undefined;
}

/**
 * Reads and parses each file, unless its config says to ignore it (--kind still forces the files
 * named on the command line); ignored files are passed to `ignored`.
 */
export function* readFiles(service: PolicyService, files: readonly InputFile[], options: LintOptions, ignored: (file: InputFile) => void = () => undefined): Generator<ReadFile> {
  const modules = new TerraformModules(service, files);
  for (const file of files) {
    const settings = options.settingsFor?.(file.path);
    const forcedByCommandLine = file.explicit && options.kind !== 'auto';
    if (settings?.kindSetting === 'ignore' && !forcedByCommandLine) {
      ignored(file);
      continue;
    }
    const text = readText(file.path);
    if (dialectOf(file.path) === 'terraform') {
      const parsed = modules.parse(file.path, text);
      yield { file, text, parsed, kindSetting: settings?.kindSetting === 'ignore' ? 'ignore' : undefined, settings };
      continue;
    }
    const parsed = service.parse(text, { allowComments: /\.jsonc$/i.test(file.path) });
    const looksLikePolicy = parsed.units.some((u) => u.hasTopLevelStatement);
    yield { file, text, parsed, kindSetting: chooseKind(file, looksLikePolicy, options.kind, settings?.kindSetting, modules.kindOf(file.path)), settings };
  }
}

export function lintFiles(service: PolicyService, files: readonly InputFile[], options: LintOptions): LintReport {
  const report: LintReport = { files: [], skipped: [], ignored: [] };
  const ignored = (file: InputFile) => {
    if (file.explicit) report.ignored.push(file.path);
  };
  for (const { file, text, parsed, kindSetting, settings } of readFiles(service, files, options, ignored)) {
    const analysis = service.analyze(parsed, { fileName: file.path, kindSetting, rules: settings?.rules });
    if (analysis.policies.length === 0) {
      // variables.tf and outputs.tf hold no policy: not worth a line, unless named.
      if (analysis.dialect === 'json' || file.explicit) report.skipped.push(file.path);
      continue;
    }
    const document = TextDocument.create('file:///lint', 'json', 0, text);
    const range = (span: { offset: number; length: number }) => ({ start: document.positionAt(span.offset), end: document.positionAt(span.offset + span.length) });
    report.files.push({
      path: file.path,
      dialect: analysis.dialect,
      kind: analysis.kind,
      policies: analysis.dialect === 'json' ? [] : analysis.policies.map((p) => ({ ...p, range: range(p) })),
      findings: analysis.findings.map((finding) => ({ ...finding, range: range(finding) })),
    });
  }
  return report;
}

/**
 * --kind forces the files named on the command line. Files found in folders follow their config's
 * `files` glob first (it names them one by one), then the kind a Terraform module gives them
 * (`assume_role_policy = file("trust.json")`), then --kind when they look like policies, so that
 * package.json and friends are not linted as policies.
 */
function chooseKind(
  file: InputFile,
  looksLikePolicy: boolean,
  commandLine: KindSetting,
  fromConfig: KindSetting | undefined,
  fromTerraform: PolicyKind | undefined,
): KindSetting | undefined {
  if (file.explicit && commandLine !== 'auto') return commandLine;
  if (fromConfig !== undefined) return fromConfig;
  if (fromTerraform !== undefined) return fromTerraform;
  return commandLine !== 'auto' && looksLikePolicy ? commandLine : undefined;
}

export function countBySeverity(report: LintReport): Record<Finding['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of report.files) for (const finding of file.findings) counts[finding.severity]++;
  return counts;
}
