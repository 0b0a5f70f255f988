import {
  CodeActionKind,
  CodeLensRefreshRequest,
  TextDocuments,
  TextDocumentSyncKind,
  DocumentDiagnosticReportKind,
  FileChangeType,
  MarkupKind,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createPolicyService, dialectOf, kindSettingForFile, moduleFactsOf, type Analysis, type KindSetting, type ModuleFacts, type ParsedDocument, type ServiceDependencies, type StatementExplanation } from '../core';
import { loadHclParser } from '../shared/hclGrammar';
import { DocumentKindNotification, SETTINGS_SECTION, type DocumentKindParams, type IamPolicyInitializationOptions } from '../shared/protocol';
import { completionSupport, toCompletionList, type CompletionSupport } from './completion';
import { toCodeActions, toDiagnostic, toRange } from './convert';
import { describe, runSafe } from './safe';
import { SettingsStore } from './settingsStore';
import { trustCodeLenses, trustHover } from './trustLens';
import { registerRoleRequests } from './roleRequests';
import { registerTrustGraph } from './trustGraph';
import { isPolicyDocument } from './documents';
import { WorkspaceIndex, type FolderSettings } from './workspaceIndex';
import { version } from '../../../package.json';

/**
 * Terraform documents whose parse trees stay in memory for incremental parsing: the ones edited
 * last. The others give theirs back (a tree costs WebAssembly memory that is never returned to the
 * system); their next edit parses the file in full once, reusing the blocks it did not touch.
 */
const LIVE_TREES = 8;

/** Push mode waits this long after a keystroke so that fast typing is analysed once. */
const PUSH_DELAY_MS = 150;

/**
 * Wires the pure core to an LSP connection: documents, settings, diagnostics (pulled when the client
 * supports it, pushed otherwise, e.g. Neovim 0.9 and older), and the document-kind notification.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  // The Terraform grammar is loaded when the first Terraform document needs it (see `contextOf`).
  const dependencies: ServiceDependencies = {};
  const service = createPolicyService(dependencies);
  /** Each open document's last parse; for Terraform, with the module generation it was made with. */
  const parseCache = new Map<string, { version: number; generation: number; parsed: ParsedDocument }>();
  /**
   * Terraform files tell each other the kinds of their documents: a change to one file of a folder
   * (the module) makes the others' parses stale. One counter per folder.
   */
  const moduleGenerations = new Map<string, number>();
  /** Terraform documents holding a live tree, the most recently parsed last. */
  const liveTrees: string[] = [];
  const pushTimers = new Map<string, NodeJS.Timeout>();
  let settings = new SettingsStore(connection, false, undefined);
  let pullDiagnostics = false;
  let canRefresh = false;
  let canRefreshLenses = false;
  let canPullSettings = false;
  let support: CompletionSupport = { snippets: false, editRangeDefault: false, markdown: false, retrigger: false };
  let workspaceIndex = new WorkspaceIndex(service, []);
  let rootUri: string | undefined;

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    pullDiagnostics = !!capabilities.textDocument?.diagnostic;
    canRefresh = !!capabilities.workspace?.diagnostics?.refreshSupport;
    canRefreshLenses = !!capabilities.workspace?.codeLens?.refreshSupport;
    const options = params.initializationOptions as IamPolicyInitializationOptions | undefined;
    canPullSettings = !!capabilities.workspace?.configuration;
    settings = new SettingsStore(connection, canPullSettings, options?.settings?.[SETTINGS_SECTION]);
    support = completionSupport(capabilities, options?.retriggerSuggest === true);
    const folders = WorkspaceIndex.foldersFrom(params);
    rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    workspaceIndex = new WorkspaceIndex(service, folders, folderSettings, loadGrammar);
    workspaceIndex.onDidChange(() => graphEvents.indexChanged());
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        hoverProvider: true,
        // Inside JSON strings VS Code suggests as you type; a quote opens a value, a colon ends a service prefix.
        completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: false },
        ...(pullDiagnostics
          ? { diagnosticProvider: { identifier: 'iam-policy', interFileDependencies: false, workspaceDiagnostics: false } }
          : {}),
      },
      serverInfo: { name: 'iam-policy-language-server', version },
    };
  });

  function parse(document: TextDocument): ParsedDocument {
    const cached = parseCache.get(document.uri);
    const fileName = pathOf(document.uri);
    const terraform = dialectOf(fileName, document.languageId) === 'terraform';
    const generation = terraform ? (moduleGenerations.get(folderOf(fileName)) ?? 0) : 0;
    if (cached?.version === document.version && cached.generation === generation) return cached.parsed;
    const parsed = terraform
      ? service.parse(document.getText(), { dialect: 'terraform', module: moduleOf(document.uri, fileName), ...(cached ? { previous: cached.parsed } : {}) })
      : service.parse(document.getText(), { allowComments: document.languageId === 'jsonc' });
    parseCache.set(document.uri, { version: document.version, generation, parsed });
    if (terraform) keepTree(document.uri);
    return parsed;
  }

  function keepTree(uri: string): void {
    const at = liveTrees.indexOf(uri);
    if (at >= 0) liveTrees.splice(at, 1);
    liveTrees.push(uri);
    while (liveTrees.length > LIVE_TREES) parseCache.get(liveTrees.shift() as string)?.parsed.dispose?.();
  }

  /** What the other Terraform files of a document's folder say: open ones as last parsed, the others as indexed. */
  function moduleOf(uri: string, fileName: string): ModuleFacts[] {
    const folder = folderOf(fileName);
    const facts = new Map<string, ModuleFacts>();
    for (const file of workspaceIndex.files()) {
      if (file.module && file.uri !== uri && folderOf(pathOf(file.uri)) === folder) facts.set(pathOf(file.uri), file.module);
    }
    for (const [other, cached] of parseCache) {
      const path = pathOf(other);
      const own = moduleFactsOf(cached.parsed);
      if (other !== uri && own && folderOf(path) === folder) facts.set(path, own);
    }
    return [...facts.values()];
  }

  /** A Terraform file changed: the other files of its module are parsed again when next asked. */
  function moduleChanged(fileName: string): void {
    const folder = folderOf(fileName);
    moduleGenerations.set(folder, (moduleGenerations.get(folder) ?? 0) + 1);
  }

  /** Loads the Terraform grammar the first time a Terraform document is met. */
  async function ensureGrammar(document: TextDocument): Promise<void> {
    if (dialectOf(pathOf(document.uri), document.languageId) === 'terraform') await loadGrammar();
  }

  /** Loads the Terraform grammar once (the open documents and the index share it); without it Terraform files hold no policies. */
  async function loadGrammar(): Promise<void> {
    if (dependencies.hcl) return;
    try {
      dependencies.hcl = await loadHclParser();
    } catch (error) {
      connection.console.error(`The Terraform grammar could not be loaded, so Terraform files are not analysed: ${describe(error)}`);
    }
  }

  /** The settings and file facts of a document we analyse; undefined for other languages or when disabled. */
  async function contextOf(document: TextDocument) {
    if (!isPolicyDocument(document)) return undefined;
    const current = await settings.get(document.uri);
    if (!current.enable) return undefined;
    await ensureGrammar(document);
    const fileName = pathOf(document.uri);
    return { settings: current, fileName, kindSetting: kindSettingForFile(fileName, current.files) ?? workspaceIndex.kindFromTerraform(fileName) };
  }

  async function analyze(document: TextDocument): Promise<Analysis | undefined> {
    const context = await contextOf(document);
    return context && service.analyze(parse(document), { fileName: context.fileName, kindSetting: context.kindSetting, rules: context.settings.rules });
  }

  /**
   * Who can assume the role, per statement, for trust policies. Hovers ask on every mouse move, so
   * the answer is kept with the parsed version it was made from (and the kind setting it assumed).
   */
  const explanations = new WeakMap<ParsedDocument, { kindSetting: KindSetting | undefined; result: StatementExplanation[] }>();
  function explain(document: TextDocument, context: DocumentContext): StatementExplanation[] {
    const parsed = parse(document);
    const cached = explanations.get(parsed);
    if (cached && cached.kindSetting === context.kindSetting) return cached.result;
    const result = service.explainTrust(parsed, context) ?? [];
    explanations.set(parsed, { kindSetting: context.kindSetting, result });
    return result;
  }

  type DocumentContext = NonNullable<Awaited<ReturnType<typeof contextOf>>>;

  /** What completion and hover need of a document's context: its file, kind setting and named accounts. */
  function editing(context: DocumentContext) {
    return { fileName: context.fileName, kindSetting: context.kindSetting, accounts: new Map(Object.entries(context.settings.accounts)) };
  }

  async function complete(document: TextDocument, offset: number) {
    const context = await contextOf(document);
    if (!context) return null;
    const list = service.complete(parse(document), offset, { ...editing(context), workspaceAccounts: workspaceIndex.accounts() });
    return list ? toCompletionList(document, list, support) : null;
  }

  /** Hover from the core, with the trust explanation when over a trust statement's Principal. */
  async function hover(document: TextDocument, offset: number) {
    const context = await contextOf(document);
    if (!context) return null;
    const found = service.hover(parse(document), offset, editing(context));
    const trust = trustHover(explain(document, context), offset);
    const value = found && trust ? `${found.contents}\n\n---\n\n${trust.markdown}` : (found?.contents ?? trust?.markdown);
    const span = found?.span ?? trust?.span;
    return value !== undefined && span ? { contents: { kind: MarkupKind.Markdown, value }, range: toRange(document, span) } : null;
  }

  async function diagnose(document: TextDocument): Promise<Diagnostic[]> {
    const analysis = await analyze(document);
    const params: DocumentKindParams = {
      uri: document.uri,
      kind: analysis?.kind ?? null,
      reason: analysis?.kindReason ?? null,
      ...(analysis && analysis.dialect !== 'json' ? { dialect: analysis.dialect, policies: analysis.policies.map((p) => p.kind) } : {}),
    };
    void connection.sendNotification(DocumentKindNotification, params);
    return analysis?.findings.map((finding) => toDiagnostic(document, finding)) ?? [];
  }

  connection.languages.diagnostics.on(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    const items = await runSafe(connection, 'Diagnostics', [], token, () => (document ? diagnose(document) : []));
    return { kind: DocumentDiagnosticReportKind.Full, items };
  });

  connection.onCodeAction(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    return runSafe(connection, 'Code actions', [], token, async () => {
      if (!document || !(await contextOf(document))) return [];
      return toCodeActions(document, params.context.diagnostics, (finding) => service.quickFixes(parse(document), finding));
    });
  });

  connection.onCodeLens(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    return runSafe(connection, 'Code lenses', [], token, async () => {
      const context = document && (await contextOf(document));
      return document && context?.settings.codeLens ? trustCodeLenses(document, explain(document, context)) : [];
    });
  });

  connection.onHover(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    return runSafe(connection, 'Hover', null, token, () => (document ? hover(document, document.offsetAt(params.position)) : null));
  });

  connection.onCompletion(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    return runSafe(connection, 'Completion', null, token, () => (document ? complete(document, document.offsetAt(params.position)) : null));
  });

  registerRoleRequests(connection);
  connection.onInitialized(() => void workspaceIndex.start());
  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) void workspaceIndex.update(change.uri, change.type === FileChangeType.Deleted);
  });

  /** What the workspace scan needs of a folder: our file associations and VS Code's `files.exclude`. */
  async function folderSettings(folderUri: string): Promise<FolderSettings> {
    const current = await settings.get(folderUri);
    const exclude: unknown = canPullSettings ? await connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'files.exclude' }).catch(() => undefined) : undefined;
    const globs = exclude && typeof exclude === 'object' ? Object.entries(exclude as Record<string, unknown>).filter(([, on]) => on === true).map(([glob]) => glob) : [];
    return { files: current.enable ? current.files : { '**': 'ignore' }, exclude: globs };
  }

  const graphEvents = registerTrustGraph({
    connection,
    service,
    documents,
    index: () => workspaceIndex,
    parse,
    prepare: ensureGrammar,
    settings: (uri) => settings.get(uri),
    rootUri: () => rootUri,
  });

  function schedulePush(document: TextDocument): void {
    if (pullDiagnostics) return;
    clearTimeout(pushTimers.get(document.uri));
    pushTimers.set(
      document.uri,
      setTimeout(() => {
        pushTimers.delete(document.uri);
        void push(document.uri);
      }, PUSH_DELAY_MS),
    );
  }

  async function push(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const diagnostics = await runSafe(connection, 'Diagnostics', [], undefined, () => diagnose(document));
    // A newer edit has its own push coming; do not publish stale ranges.
    if (documents.get(uri)?.version !== version) return;
    await connection.sendDiagnostics({ uri, version, diagnostics });
  }

  documents.onDidChangeContent((event) => {
    schedulePush(event.document);
    graphEvents.documentChanged(event.document);
    const fileName = pathOf(event.document.uri);
    if (dialectOf(fileName, event.document.languageId) === 'terraform') {
      moduleChanged(fileName);
      // The module's other open files may read differently now (a document's kind comes from its use).
      const siblings = documents.all().filter((d) => d.uri !== event.document.uri && folderOf(pathOf(d.uri)) === folderOf(fileName));
      for (const other of siblings) schedulePush(other);
      if (pullDiagnostics && canRefresh && siblings.length > 0) void connection.languages.diagnostics.refresh();
    }
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    // Closing without saving drops its edits: the graph goes back to the file on disk.
    graphEvents.documentChanged(event.document);
    parseCache.get(uri)?.parsed.dispose?.();
    parseCache.delete(uri);
    if (liveTrees.includes(uri)) liveTrees.splice(liveTrees.indexOf(uri), 1);
    settings.forget(uri);
    clearTimeout(pushTimers.get(uri));
    pushTimers.delete(uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((params) => {
    const pushed = (params.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    settings.changed(pushed);
    void workspaceIndex.reread();
    // Account names, the default account and role names change the picture without any file changing.
    graphEvents.indexChanged();
    if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type);
    if (pullDiagnostics) {
      if (canRefresh) void connection.languages.diagnostics.refresh();
    } else {
      for (const document of documents.all()) schedulePush(document);
    }
  });

  process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${describe(error)}`));
  process.on('unhandledRejection', (error) => connection.console.error(`Unexpected rejection: ${describe(error)}`));

  documents.listen(connection);
  connection.listen();
}

/** The folder of a file path: a Terraform module. */
function folderOf(path: string): string {
  return path.replace(/[\\/][^\\/]*$/, '');
}

/** The file path of a URI for glob matching and file-name hints (`untitled:` and others: the path part). */
function pathOf(uri: string): string {
  try {
    const url = new URL(uri);
    return decodeURIComponent(url.pathname || uri);
  } catch {
    return uri;
  }
}
