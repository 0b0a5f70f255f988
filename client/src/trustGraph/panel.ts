import * as vscode from 'vscode';
import { CancellationTokenSource, ErrorCodes, ResponseError, State, type LanguageClient } from 'vscode-languageclient/node';
import type { GraphFilter } from '../../../server/src/core/graph/filter';
import { RISKS, type Risk, type SourceRef } from '../../../server/src/core/graph/types';
import { TrustGraphChangedNotification, TrustGraphRequest, type TrustGraphParams, type TrustGraphResponse, type TrustGraphView } from '../../../server/src/shared/protocol';
import { CommandIds } from '../ids';
import { copyExport, saveExport } from './exportGraph';
import { trustGraphHtml } from './html';
import { isFromPage, type ExportFormat, type FromPage, type PageFilter, type ToPage } from './messages';
import { revealSource } from './reveal';

export const TRUST_GRAPH_VIEW_TYPE = 'iamPolicy.trustGraph';
const TITLE = 'Trust Relationships';
/** Saving a file sends one change per file; wait for the burst to end before asking again. */
const REFRESH_DELAY_MS = 300;

const ALL: PageFilter = { accounts: [], risks: [...RISKS] };
/** A command's result never waits longer than this for the page (a hidden panel draws nothing). */
const SHOWN_TIMEOUT_MS = 30_000;

/** What the commands resolve to once the page has its view: for automation and the end-to-end tests. */
export interface TrustGraphShown {
  /** The node the view is narrowed to (a file's role or policy). */
  focus?: string;
  /** The labels of the nodes drawn. */
  nodes: string[];
  edges: number;
  /** Why there is no view (the server is not running...). */
  error?: string;
}

/**
 * The trust relationships panel: asks the language server for the laid-out graph and hands it to
 * the page, asks again when policy files change (while it is visible), and does what the page asks:
 * reveal a statement, filter, export. The page keeps no context while hidden: it reloads, says
 * `ready`, and gets the last view again (or a fresh one if files changed meanwhile).
 */
export class TrustGraphPanel implements vscode.Disposable {
  private static current: TrustGraphPanel | undefined;
  private last: Extract<ToPage, { type: 'view' }> | undefined;
  /** The files the last view came from: the only ones the page may ask to open. */
  private paths = new Set<string>();
  private stale = true;
  private timer: NodeJS.Timeout | undefined;
  private sequence = 0;
  /** The request in flight: a newer one cancels it, so that the server does not lay out views nobody will see. */
  private inFlight: CancellationTokenSource | undefined;
  private disposed = false;
  private waiting: ((shown: TrustGraphShown | undefined) => void)[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
    private filter: PageFilter,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = trustGraphHtml(panel.webview, extensionUri);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isFromPage(message)) void this.onMessage(message);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Opens the panel (beside the editor), or brings it forward; with a file, narrowed to that file's role or policy. */
  static show(extensionUri: vscode.Uri, client: LanguageClient, focusUri?: vscode.Uri): Promise<TrustGraphShown | undefined> {
    // Focusing on a file starts from the whole graph: a risk or account filter could hide its role.
    const focused: PageFilter | undefined = focusUri && { ...ALL, focusUri: focusUri.toString() };
    const existing = TrustGraphPanel.current;
    if (existing) {
      // A visible page is alive and gets the new view now; a hidden one reloads and says `ready`.
      const alive = existing.panel.visible;
      if (focused) existing.setFilter(focused);
      existing.panel.reveal(undefined, false);
      if (alive && !focused && existing.last) return Promise.resolve(shown(existing.last));
      const next = existing.nextShown();
      // A new focus, or a page that shows an error: ask now (else a request is on its way, or the page will ask).
      if (alive && (focused || existing.stale)) void existing.refresh();
      return next;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(TRUST_GRAPH_VIEW_TYPE, TITLE, column, { ...webviewOptions(extensionUri), retainContextWhenHidden: false });
    return (TrustGraphPanel.current = new TrustGraphPanel(panel, extensionUri, client, focused ?? ALL)).nextShown();
  }

  /** Resolves when the page next gets a view or an error (undefined if that does not happen soon). */
  private nextShown(): Promise<TrustGraphShown | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(undefined), SHOWN_TIMEOUT_MS);
      const done = (value: TrustGraphShown | undefined) => {
        clearTimeout(timer);
        resolve(value);
      };
      this.waiting.push(done);
    });
  }

  /**
   * After a reload: the panel VS Code restored, with the page's saved state. VS Code restores a
   * background tab only when it is first shown; if the command opened a panel meanwhile, that one
   * stays and the late copy goes.
   */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, client: LanguageClient, state: unknown): void {
    if (TrustGraphPanel.current) {
      panel.dispose();
      return;
    }
    TrustGraphPanel.current = new TrustGraphPanel(panel, extensionUri, client, readFilter(state));
  }

  /** Policy files changed: ask again now if the panel is visible, else when it is shown. */
  static changed(): void {
    TrustGraphPanel.current?.markStale();
  }

  private markStale(): void {
    this.stale = true;
    if (!this.panel.visible) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  private async onMessage(message: FromPage): Promise<void> {
    switch (message.type) {
      case 'ready':
        if (this.last && !this.stale) await this.post(this.last);
        else await this.refresh();
        return;
      case 'retry':
        return this.refresh();
      case 'filter':
        this.setFilter(readFilter(message.filter));
        return this.refresh();
      case 'reveal':
        // The page names a file of the last view and a span in it; anything else is ignored.
        if (!isSource(message.source) || !this.paths.has(message.source.path)) return;
        try {
          await revealSource(message.source, this.panel.viewColumn);
        } catch (error) {
          void vscode.window.showErrorMessage(`Could not open ${message.source.path}: ${errorText(error)}`);
        }
        return;
      case 'export':
        // Only Mermaid goes to the clipboard (for a pull request); SVG only to a file the user picks.
        if (message.format === 'mermaid' && message.to === 'clipboard') return this.export('mermaid', 'clipboard');
        if (message.format === 'svg' || message.format === 'mermaid') return this.export(message.format, 'file');
        return;
    }
  }

  private setFilter(filter: PageFilter): void {
    this.filter = filter;
    this.last = undefined;
  }

  /** The view for the current filter, to the page; the newest request wins and cancels the one before. */
  private async refresh(): Promise<void> {
    clearTimeout(this.timer);
    const sequence = ++this.sequence;
    this.stale = false;
    const asked = this.filter;
    // Every risk unchecked shows nothing: no need to ask the server for everything.
    if (asked.risks.length === 0 && this.last) {
      const { view } = this.last;
      this.last = { type: 'view', view: { ...view, graph: { nodes: [], edges: [], issues: [] }, layout: { width: 0, height: 0, clusters: [], nodes: [], edges: [] } }, filter: asked };
      await this.post(this.last);
      return;
    }
    this.inFlight?.cancel();
    const cancel = (this.inFlight = new CancellationTokenSource());
    await this.post({ type: 'loading' });
    try {
      const response = await this.request(asked, undefined, cancel);
      if (sequence !== this.sequence) return;
      if (!isView(response)) throw new Error('the server answered with something other than a graph');
      const { accounts, risks, focusUri } = asked;
      const notice = focusUri && !response.focus ? `${vscode.workspace.asRelativePath(vscode.Uri.parse(focusUri))} defines no role and allows assuming none: showing everything.` : undefined;
      // A file that no longer has a node is no longer a focus.
      if (notice) this.filter = { accounts, risks };
      this.paths = sourcePaths(response);
      this.last = { type: 'view', view: response, filter: this.filter, ...(notice ? { notice } : {}) };
      await this.post(this.last);
    } catch (error) {
      if (sequence !== this.sequence || this.disposed) return;
      this.stale = true;
      await this.post({ type: 'error', message: describeFailure(error, this.client) });
    } finally {
      if (this.inFlight === cancel) this.inFlight = undefined;
      cancel.dispose();
    }
  }

  private request(asked: PageFilter, format?: TrustGraphParams['format'], cancel?: CancellationTokenSource): Promise<TrustGraphResponse> {
    const { accounts, risks, focusUri } = asked;
    const filter: GraphFilter = {};
    if (accounts.length > 0) filter.accounts = accounts;
    if (risks.length > 0 && risks.length < RISKS.length) filter.risks = risks;
    const params: TrustGraphParams = {
      ...(Object.keys(filter).length > 0 ? { filter } : {}),
      ...(focusUri ? { focusUri } : {}),
      ...(format ? { format } : {}),
    };
    // Never pass `undefined` as the token: with a string method, extra arguments become positional params.
    return cancel ? this.client.sendRequest<TrustGraphResponse>(TrustGraphRequest, params, cancel.token) : this.client.sendRequest<TrustGraphResponse>(TrustGraphRequest, params);
  }

  /** SVG or Mermaid text of what is shown (same filter and focus), to a file or the clipboard. */
  private async export(format: ExportFormat, to: 'file' | 'clipboard'): Promise<void> {
    if (this.filter.risks.length === 0) {
      void vscode.window.showInformationMessage('Nothing to export: the risk filter hides every relationship.');
      return;
    }
    const make = async () => {
      const response = await this.request(this.filter, format);
      if (!('text' in response) || response.text === '') throw new Error('the server answered without the export text');
      return response.text;
    };
    try {
      if (to === 'clipboard') await copyExport(await make());
      else await saveExport(format, make);
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not export the trust relationships: ${describeFailure(error, this.client)}`);
    }
  }

  private async post(message: ToPage): Promise<void> {
    // A hidden page cannot receive messages; it asks again with `ready` when it is shown. A closed
    // panel throws on every property: a request that ends after the close has nowhere to go.
    if (this.disposed || !this.panel.visible || !(await this.panel.webview.postMessage(message))) return;
    if (message.type === 'loading') return;
    for (const done of this.waiting.splice(0)) done(message.type === 'view' ? shown(message) : { nodes: [], edges: 0, error: message.message });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.inFlight?.cancel();
    if (TrustGraphPanel.current === this) TrustGraphPanel.current = undefined;
    clearTimeout(this.timer);
    for (const done of this.waiting.splice(0)) done(undefined);
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** Set at creation and again on a restored panel, whose options VS Code does not keep. */
function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableForms: false, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

function shown(message: Extract<ToPage, { type: 'view' }>): TrustGraphShown {
  const { graph, focus } = message.view;
  return { ...(focus ? { focus } : {}), nodes: graph.nodes.map((n) => n.label), edges: graph.edges.length };
}

function isSource(value: unknown): value is SourceRef {
  const source = value as Partial<SourceRef> | undefined;
  return typeof source?.path === 'string' && Number.isInteger(source.span?.offset) && Number.isInteger(source.span?.length);
}

function isView(response: TrustGraphResponse): response is TrustGraphView {
  return typeof response === 'object' && response !== null && 'graph' in response && 'layout' in response;
}

function sourcePaths(view: TrustGraphView): Set<string> {
  const { nodes, edges, issues } = view.graph;
  return new Set([...nodes.flatMap((n) => (n.source ? [n.source.path] : [])), ...edges.map((e) => e.source.path), ...issues.map((i) => i.source.path)]);
}

/** A filter from the page or from saved state, which may be anything: only known shapes pass. */
function readFilter(value: unknown): PageFilter {
  if (typeof value !== 'object' || value === null) return ALL;
  const { accounts, risks, focusUri } = value as Record<string, unknown>;
  const strings = (list: unknown) => (Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : []);
  return {
    accounts: strings(accounts),
    risks: Array.isArray(risks) ? RISKS.filter((r: Risk) => risks.includes(r)) : [...RISKS],
    ...(typeof focusUri === 'string' ? { focusUri } : {}),
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What to tell the user when a request fails: a stopped server is the common case, and has a remedy. */
function describeFailure(error: unknown, client: LanguageClient): string {
  if (!client.isRunning() || (error instanceof ResponseError && error.code === ErrorCodes.ConnectionInactive)) {
    return 'The IAM policy language server is not running. Run "IAM Policy: Restart Server", then try again.';
  }
  if (error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound) {
    return 'This version of the IAM policy language server cannot build trust relationships.';
  }
  return `The language server could not build the trust relationships: ${errorText(error)}`;
}

/** The commands, the serializer that restores the panel after a reload, and the server's change notification. */
export function registerTrustGraph(context: vscode.ExtensionContext, client: LanguageClient): void {
  const { extensionUri } = context;
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandIds.showTrustGraph, () => TrustGraphPanel.show(extensionUri, client)),
    // From the editor title the file's URI comes as the argument; from the palette, the active editor's.
    vscode.commands.registerCommand(CommandIds.showTrustGraphForFile, (uri?: unknown) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      return TrustGraphPanel.show(extensionUri, client, target);
    }),
    vscode.window.registerWebviewPanelSerializer(TRUST_GRAPH_VIEW_TYPE, {
      deserializeWebviewPanel: (panel: vscode.WebviewPanel, state: unknown) => {
        TrustGraphPanel.revive(panel, extensionUri, client, state);
        return Promise.resolve();
      },
    }),
    client.onNotification(TrustGraphChangedNotification, () => TrustGraphPanel.changed()),
    // After a restart the server has a fresh graph, and a panel that showed "not running" can recover.
    client.onDidChangeState((event) => {
      if (event.newState === State.Running) TrustGraphPanel.changed();
    }),
  );
}
