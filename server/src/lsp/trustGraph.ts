import { ResponseError, ErrorCodes, LSPErrorCodes, type CancellationToken, type Connection, type TextDocuments } from 'vscode-languageserver';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, graph, type KindSetting, type ParsedDocument, type PolicyService, type PolicySettings } from '../core';
import { graphResponse, MAX_LAYOUT_NODES } from '../shared/graphView';
import { TrustGraphChangedNotification, TrustGraphRequest, type TrustGraphParams, type TrustGraphResponse } from '../shared/protocol';
import { describe } from './safe';
import { isPolicyDocument } from './documents';
import type { WorkspaceIndex } from './workspaceIndex';

/** Edits come in bursts: tell the client once they pause. */
const CHANGE_DELAY_MS = 400;
const FORMATS = new Set(['view', 'svg', 'mermaid', 'dot', 'json']);
const RISKS = new Set<string>(graph.RISKS);

export interface TrustGraphDeps {
  connection: Connection;
  service: PolicyService;
  documents: TextDocuments<TextDocument>;
  index: () => WorkspaceIndex;
  parse: (document: TextDocument) => ParsedDocument;
  /** Makes the service ready for a document (loads the Terraform grammar for a Terraform one). */
  prepare: (document: TextDocument) => Promise<void>;
  /** The settings of a document or folder URI (pulled from the client, cached). */
  settings: (uri: string) => Promise<PolicySettings>;
  /** The first workspace folder's URI, whose settings name accounts and roles. */
  rootUri: () => string | undefined;
}

/**
 * The trust graph request: the workspace index's files, with open documents as the editor has them
 * (unsaved edits included), built, filtered and laid out. Also tells the client when it changed.
 */
export function registerTrustGraph(deps: TrustGraphDeps): { documentChanged(document: TextDocument): void; indexChanged(): void } {
  const { connection } = deps;
  let timer: NodeJS.Timeout | undefined;
  const notify = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void connection.sendNotification(TrustGraphChangedNotification), CHANGE_DELAY_MS);
  };
  /**
   * What the graph last saw of each edited document (its facts as JSON). A visible panel lays the
   * whole graph out again on each notification: opening or editing a package.json, or reopening a
   * policy unchanged, must not cost that.
   */
  const seen = new Map<string, string>();
  const pending = new Map<string, NodeJS.Timeout>();
  const documentChanged = (uri: string) => {
    clearTimeout(pending.get(uri));
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        void graphEntries(deps, deps.index(), uri).then((entries) => {
          const key = pathKey(uri);
          const now = JSON.stringify(entries?.map((e) => e.facts) ?? null);
          const before = seen.get(key) ?? JSON.stringify(deps.index().files().find((f) => pathKey(f.uri) === key)?.facts ?? null);
          seen.set(key, now);
          if (now !== before) notify();
        });
      }, CHANGE_DELAY_MS),
    );
  };

  connection.onRequest(TrustGraphRequest, async (raw: unknown, token: CancellationToken | undefined): Promise<TrustGraphResponse> => {
    const params = readParams(raw);
    if (!params) throw new ResponseError(ErrorCodes.InvalidParams, 'Expected { filter?: { accounts?: string[], risks?: ("high"|"medium"|"low")[] }, focusUri?: string, format?: "view"|"svg"|"mermaid"|"dot"|"json" }');
    const index = deps.index();
    await index.start();
    const files = await currentFiles(deps, index);
    const root = deps.rootUri();
    const settings = root ? await deps.settings(root) : undefined;
    // The focus names a file as the client spells it; the graph's sources may spell it otherwise.
    const focusUri = params.focusUri && files.find((f) => pathKey(f.path) === pathKey(params.focusUri as string))?.path;
    // Positional params from another client shift the token: it may be missing.
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
    try {
      return await graphResponse({ ...params, focusUri, files, settings: settings ?? DEFAULT_SETTINGS, truncated: index.truncated, maxLayoutNodes: MAX_LAYOUT_NODES });
    } catch (error) {
      // Our bug or a graph too large to export: the client says so, instead of drawing or saving nothing.
      connection.console.error(`Trust graph failed: ${describe(error)}`);
      throw new ResponseError(ErrorCodes.InternalError, error instanceof Error ? error.message : String(error));
    }
  });

  return {
    documentChanged: (document) => {
      if (isPolicyLanguage(document)) documentChanged(document.uri);
    },
    indexChanged: notify,
  };
}

/**
 * Open documents replace their saved text; an open document that is no longer a policy drops out.
 * Files are matched by path: the editor and Node spell the same file's URI differently (VS Code
 * escapes `+`, `@`, `=`, and the drive letter's colon on Windows).
 */
async function currentFiles(deps: TrustGraphDeps, index: WorkspaceIndex): Promise<graph.GraphFile[]> {
  const byPath = new Map<string, graph.GraphFile[]>(index.files().map((f) => [pathKey(f.uri), f.facts.map((facts) => ({ path: f.uri, relativePath: f.relativePath, facts }))]));
  for (const document of deps.documents.all()) {
    if (!isPolicyLanguage(document)) continue;
    const entries = await graphEntries(deps, index, document.uri);
    if (entries) byPath.set(pathKey(document.uri), entries);
    else byPath.delete(pathKey(document.uri));
  }
  return [...byPath.values()].flat();
}

/**
 * What a file adds to the graph now, one entry per policy: its open document as the editor has it
 * (under the editor's spelling of the URI, which it opens when the panel reveals a statement), else
 * its indexed copy; undefined when it holds no policy, or is outside the workspace folders.
 */
async function graphEntries(deps: TrustGraphDeps, index: WorkspaceIndex, uri: string): Promise<graph.GraphFile[] | undefined> {
  const path = filePath(uri);
  const relativePath = path && index.relativePath(path);
  if (!path || relativePath === undefined) return undefined;
  const document = deps.documents.get(uri);
  if (!document) {
    const indexed = index.files().find((f) => pathKey(f.uri) === pathKey(uri));
    return indexed?.facts.map((facts) => ({ path: indexed.uri, relativePath, facts }));
  }
  const settings = await deps.settings(uri);
  await deps.prepare(document);
  const facts = factsOf(deps, document, settings.enable ? await index.kindSetting(path) : 'ignore');
  return facts.length > 0 ? facts.map((f) => ({ path: uri, relativePath, facts: f })) : undefined;
}

function isPolicyLanguage(document: TextDocument): boolean {
  return document.uri.startsWith('file:') && isPolicyDocument(document);
}

/** One key per file whatever the URI's escaping (and, on Windows, the drive letter's case). */
function pathKey(uri: string): string {
  const path = filePath(uri) ?? uri;
  return process.platform === 'win32' ? path.toLowerCase() : path;
}

/** Facts of an open document, kept with the parsed version they were read from. */
const factsCache = new WeakMap<ParsedDocument, { kindSetting: KindSetting | undefined; facts: graph.FileFacts[] }>();

function factsOf(deps: TrustGraphDeps, document: TextDocument, kindSetting: KindSetting | undefined): graph.FileFacts[] {
  const parsed = deps.parse(document);
  const cached = factsCache.get(parsed);
  if (cached && cached.kindSetting === kindSetting) return cached.facts;
  const facts = deps.service.graphFacts(parsed, { fileName: filePath(document.uri), kindSetting });
  factsCache.set(parsed, { kindSetting, facts });
  return facts;
}

function filePath(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Params from another client may be anything: keep what is well-formed, refuse what is not. */
function readParams(raw: unknown): TrustGraphParams | undefined {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object') return undefined;
  const value = raw as Record<string, unknown>;
  const params: TrustGraphParams = {};
  if (value.format !== undefined) {
    if (typeof value.format !== 'string' || !FORMATS.has(value.format)) return undefined;
    params.format = value.format as TrustGraphParams['format'];
  }
  if (value.focusUri !== undefined) {
    if (typeof value.focusUri !== 'string') return undefined;
    params.focusUri = value.focusUri;
  }
  if (value.filter !== undefined && value.filter !== null) {
    if (typeof value.filter !== 'object') return undefined;
    const filter = value.filter as Record<string, unknown>;
    const strings = (list: unknown) => (Array.isArray(list) && list.every((s) => typeof s === 'string') ? list : undefined);
    const accounts = filter.accounts === undefined ? [] : strings(filter.accounts);
    const risks = filter.risks === undefined ? [] : strings(filter.risks);
    if (!accounts || !risks || !risks.every((r) => RISKS.has(r))) return undefined;
    params.filter = { accounts, risks: risks as graph.Risk[] };
  }
  return params;
}
