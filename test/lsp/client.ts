import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConfigurationRequest,
  DiagnosticRefreshRequest,
  DocumentDiagnosticRequest,
  LogMessageNotification,
  MessageType,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  createMessageConnection,
  type ClientCapabilities,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type LogMessageParams,
  type MessageConnection,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol/node';

export const REPO = join(import.meta.dirname, '..', '..');
export const SERVER = join(REPO, 'dist', 'server.js');

/** `iamPolicy/documentKind`, the server's own notification. */
export interface DocumentKindParams {
  uri: string;
  kind: 'trust' | 'identity' | 'resource' | null;
  reason: string | null;
  /** Terraform files: the dialect and each policy's kind. */
  dialect?: string;
  policies?: string[];
}

/** Like Neovim 0.7: diagnostics are pushed, settings pulled with workspace/configuration. */
export const PUSH_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
  },
};

/** Like VS Code: diagnostics are pulled, and the server may ask for a refresh. */
export const PULL_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, diagnostics: { refreshSupport: true } },
  textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
};

/** The settings a client answers workspace/configuration with, unless a test changes them. */
export const DEFAULT_TEST_SETTINGS = { enable: true, rules: {}, files: {} };

export interface StartOptions {
  capabilities: ClientCapabilities;
  /** Answer to workspace/configuration requests for the `iamPolicy` section; tests may replace it. */
  settings?: unknown;
  initializationOptions?: unknown;
  /** Workspace folders sent with initialize (the server scans them for account ids); none unless given. */
  workspaceFolders?: { uri: string; name: string }[];
}

const DEFAULT_TIMEOUT_MS = 5_000;

/** A plain LSP client over stdio for the built server: no editor, no vscode-languageclient. */
export class LspClient {
  settings: unknown;
  initializeResult: InitializeResult | undefined;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly documentKinds: DocumentKindParams[] = [];
  readonly logs: LogMessageParams[] = [];
  /** One entry per iamPolicy/trustGraphChanged notification. */
  readonly graphChanges: null[] = [];
  configurationRequests = 0;
  refreshRequests = 0;
  stderr = '';
  private readonly events = new EventEmitter();
  private readonly connection: MessageConnection;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? DEFAULT_TEST_SETTINGS;
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.record('diagnostics', this.published, params));
    this.connection.onNotification('iamPolicy/documentKind', (params: DocumentKindParams) => this.record('kind', this.documentKinds, params));
    this.connection.onNotification(LogMessageNotification.type, (params) => this.record('log', this.logs, params));
    this.connection.onNotification('iamPolicy/trustGraphChanged', () => this.record('graph', this.graphChanges, null));
    this.connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests++;
      return params.items.map((item) => (item.section === 'iamPolicy' ? this.settings : null));
    });
    this.connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshRequests++;
      this.events.emit('refresh');
    });
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection.listen();
  }

  static async start(options: StartOptions): Promise<LspClient> {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run "npm run build" first`);
    const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: REPO, stdio: 'pipe' });
    const client = new LspClient(child, options);
    client.initializeResult = await client.request('initialize', {
      processId: process.pid,
      rootUri: options.workspaceFolders?.[0]?.uri ?? null,
      capabilities: options.capabilities,
      initializationOptions: options.initializationOptions,
      workspaceFolders: options.workspaceFolders ?? null,
    });
    client.notify('initialized', {});
    return client;
  }

  request<R>(method: string, params: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<R> {
    return withTimeout(this.connection.sendRequest<R>(method, params), timeoutMs, `the answer to ${method}`);
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  open(uri: string, text: string, languageId = 'json', version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Full-text change (allowed by LSP whatever sync kind the server asked for). */
  replace(uri: string, version: number, text: string): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Incremental changes, applied in order. */
  edit(uri: string, version: number, ...changes: { range: Range; text: string }[]): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Sends didChangeConfiguration; `settings` is what clients without workspace/configuration push. */
  changeConfiguration(settings: unknown = null): void {
    this.notify('workspace/didChangeConfiguration', { settings });
  }

  pull(uri: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<DocumentDiagnosticReport> {
    return withTimeout(
      this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }),
      timeoutMs,
      `textDocument/diagnostic for ${uri}`,
    );
  }

  /** The next publishDiagnostics for `uri` (call before the action that triggers it). */
  nextDiagnostics(uri: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<PublishDiagnosticsParams> {
    return this.waitFor<PublishDiagnosticsParams>('diagnostics', (p) => p.uri === uri, timeoutMs, `diagnostics for ${uri}`);
  }

  nextDocumentKind(uri: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<DocumentKindParams> {
    return this.waitFor<DocumentKindParams>('kind', (p) => p.uri === uri, timeoutMs, `the document kind of ${uri}`);
  }

  /** The next iamPolicy/trustGraphChanged (call before the action that triggers it). */
  nextGraphChange(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<null> {
    return this.waitFor<null>('graph', () => true, timeoutMs, 'iamPolicy/trustGraphChanged');
  }

  nextRefresh(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    return this.waitFor<void>('refresh', () => true, timeoutMs, 'workspace/diagnostic/refresh');
  }

  /** Error-level log messages: the server logs what it caught instead of crashing. */
  errors(): string[] {
    return this.logs.filter((l) => l.type === MessageType.Error).map((l) => l.message);
  }

  /** Polite shutdown; resolves with the exit code. */
  async stop(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number | null> {
    const exited = this.exited(timeoutMs);
    await this.request('shutdown', null, timeoutMs);
    this.notify('exit', null);
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  /** For `after`: stop the process whatever state it is in. */
  kill(): void {
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  private exited(timeoutMs: number): Promise<number | null> {
    if (!this.running) return Promise.resolve(this.child.exitCode);
    const exit = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    return withTimeout(exit, timeoutMs, 'the server to exit');
  }

  private record<T>(event: string, list: T[], params: T): void {
    list.push(params);
    this.events.emit(event, params);
  }

  private waitFor<T>(event: string, matches: (params: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    let listener: ((params: T) => void) | undefined;
    const found = new Promise<T>((resolve) => {
      listener = (params: T) => {
        if (matches(params)) resolve(params);
      };
      this.events.on(event, listener);
    });
    return withTimeout(found, timeoutMs, what).finally(() => this.events.off(event, listener as (params: T) => void));
  }
}

/** Rejects when `promise` does not settle within `ms`; never leaves a timer behind. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
