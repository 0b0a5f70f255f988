import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { graph, kindSettingForFile, settingsFromFlatKeys, type PolicySettings } from '../core';
import { graphResponse, selectGraph } from '../shared/graphView';
import { ConfigResolver, type ConfigChoice } from './config';
import { collectFiles, InputError, readText } from './files';
import { readFiles } from './lint';
import { serviceFor } from './terraform';
import { parseOptions, UsageError } from './usageError';

export const GRAPH_USAGE = `Usage: iam-policy graph [options] <files or folders...>

Draws who can assume which role: the trust policies' principals ("trust" edges, with their
conditions and a risk) and the identity policies that allow sts:AssumeRole ("grant" edges),
with the halves that do not match.

Options:
  --format json|mermaid|dot|svg  output format (default: json)
  --account ID                   only edges touching this account (12 digits, or "this" for the
                                 unnamed account of the files); repeat for more
  --risk high|medium|low         only edges of this risk; repeat for more
  --default-account ID           the account of files no folder and no setting places
  --settings FILE                a VS Code settings.json to read iamPolicy.accounts,
                                 iamPolicy.graph.defaultAccount and iamPolicy.graph.roles from
                                 (default: .vscode/settings.json in the first folder named, if any)
  --no-settings                  read no settings file
  --config FILE, --no-config     as for lint: which .iampolicyrc.json says the files' kinds
  -h, --help                     show this help

Role names come from the trust policy's file name (NAME-trust-policy.json, NAME.trust.json) or
its folder (NAME/trust-policy.json), unless iamPolicy.graph.roles names them. A folder named by
an account id, or by an account's name in iamPolicy.accounts, puts its files in that account.
Exit codes: 0 the graph was written (whatever it shows), 2 usage or I/O error.
`;

export interface GraphArgs {
  format: 'json' | 'mermaid' | 'dot' | 'svg';
  accounts: string[];
  risks: graph.Risk[];
  defaultAccount: string | undefined;
  settings: { mode: 'auto' } | { mode: 'file'; path: string } | { mode: 'none' };
  config: ConfigChoice;
  paths: string[];
}

const FORMATS = ['json', 'mermaid', 'dot', 'svg'];

export function parseGraphArgs(argv: readonly string[]): GraphArgs | 'help' {
  const parsed = parseOptions({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      account: { type: 'string', multiple: true },
      risk: { type: 'string', multiple: true },
      'default-account': { type: 'string' },
      settings: { type: 'string' },
      'no-settings': { type: 'boolean' },
      config: { type: 'string' },
      'no-config': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('no files or folders to graph');
  const format = values.format ?? 'json';
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be json, mermaid, dot or svg, not "${format}"`);
  const accounts = values.account ?? [];
  for (const account of accounts) if (!/^(\d{12}|this)$/.test(account)) throw new UsageError(`--account must be a 12-digit account id or "this", not "${account}"`);
  const risks = values.risk ?? [];
  for (const risk of risks) if (!(graph.RISKS as readonly string[]).includes(risk)) throw new UsageError(`--risk must be high, medium or low, not "${risk}"`);
  const defaultAccount = values['default-account'];
  if (defaultAccount !== undefined && !/^\d{12}$/.test(defaultAccount)) throw new UsageError(`--default-account must be a 12-digit account id, not "${defaultAccount}"`);
  if (values.settings !== undefined && values['no-settings']) throw new UsageError('--settings and --no-settings cannot be used together');
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config cannot be used together');
  return {
    format: format as GraphArgs['format'],
    accounts,
    risks: risks as graph.Risk[],
    defaultAccount,
    settings: values.settings !== undefined ? { mode: 'file', path: values.settings } : values['no-settings'] ? { mode: 'none' } : { mode: 'auto' },
    config: values.config !== undefined ? { mode: 'file', path: values.config } : values['no-config'] ? { mode: 'none' } : { mode: 'auto' },
    paths: positionals,
  };
}

/** Writes the graph of the files; exit code 0 (a risky graph is still a graph: lint is the gate). */
export async function runGraph(args: GraphArgs, out: (text: string) => void): Promise<number> {
  const configs = new ConfigResolver(args.config);
  const { settings, folder } = readSettings(args);
  const files: graph.GraphFile[] = [];
  const texts = new Map<string, string>();
  const inputs = collectFiles(args.paths);
  const service = await serviceFor(inputs);
  for (const { file, text, parsed, kindSetting } of readFiles(service, inputs, { kind: 'auto', settingsFor: (path) => configs.settingsFor(path) })) {
    // Role names and accounts come from the path below the workspace (the settings' folder), as in the editor.
    const relativePath = folder ? relative(folder, resolve(file.path)).split('\\').join('/') : file.path;
    // The editor's file associations, from the same settings file, decide as they do in the panel.
    const facts = service.graphFacts(parsed, { fileName: file.path, kindSetting: kindSettingForFile(relativePath, settings.files) ?? kindSetting });
    if (facts.length === 0) continue;
    texts.set(file.path, text);
    files.push(...facts.map((f) => ({ path: file.path, relativePath, facts: f })));
  }
  const graphSettings = { accounts: settings.accounts, graph: { ...settings.graph, ...(args.defaultAccount ? { defaultAccount: args.defaultAccount } : {}) } };
  const filter = { accounts: args.accounts, risks: args.risks };
  if (args.format === 'json') {
    out(`${JSON.stringify(withRanges(selectGraph({ files, settings: graphSettings, filter }).shown, texts), null, 2)}\n`);
    return 0;
  }
  const response = await graphResponse({ files, settings: graphSettings, filter, format: args.format });
  out('text' in response ? response.text : '');
  return 0;
}

/** The settings file to use and the workspace folder it belongs to (the folder holding `.vscode/`). */
function readSettings(args: GraphArgs): { settings: PolicySettings; folder: string | undefined } {
  if (args.settings.mode === 'none') return { settings: settingsFromFlatKeys({}), folder: undefined };
  let path: string | undefined;
  if (args.settings.mode === 'file') {
    path = args.settings.path;
  } else {
    const first = args.paths[0];
    const candidate = statSync(first, { throwIfNoEntry: false })?.isDirectory() ? join(first, '.vscode', 'settings.json') : undefined;
    if (candidate && existsSync(candidate)) path = candidate;
  }
  if (!path) return { settings: settingsFromFlatKeys({}), folder: args.paths.length === 1 && statSync(args.paths[0], { throwIfNoEntry: false })?.isDirectory() ? resolve(args.paths[0]) : undefined };
  const errors: ParseError[] = [];
  const raw: unknown = parseJsonc(readText(path), errors, { allowTrailingComma: true });
  if (errors.length > 0 || typeof raw !== 'object' || raw === null) throw new InputError(`cannot read the settings file "${path}": it is not a JSON object`);
  // settings.json lives in <workspace>/.vscode/: paths are relative to the workspace.
  return { settings: settingsFromFlatKeys(raw), folder: resolve(path, '..', '..') };
}

/** The JSON format's sources: path and 0-based line/character range, as `lint --format json` gives them. */
function withRanges(shown: graph.TrustGraph, texts: ReadonlyMap<string, string>) {
  const documents = new Map<string, TextDocument>();
  const range = (source: graph.SourceRef) => {
    let document = documents.get(source.path);
    if (!document) {
      document = TextDocument.create('file:///graph', 'json', 0, texts.get(source.path) ?? '');
      documents.set(source.path, document);
    }
    return { path: source.path, range: { start: document.positionAt(source.span.offset), end: document.positionAt(source.span.offset + source.span.length) } };
  };
  return {
    nodes: shown.nodes.map(({ source, ...node }) => ({ ...node, ...(source ? { source: range(source) } : {}) })),
    edges: shown.edges.map(({ source, statement, ...edge }) => ({ ...edge, ...(statement.sid !== undefined ? { sid: statement.sid } : {}), source: range(source) })),
    issues: shown.issues.map(({ source, ...issue }) => ({ ...issue, source: range(source) })),
  };
}
