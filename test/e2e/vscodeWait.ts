// Waiting helpers for tests inside the extension host: they wait on VS Code events, never on timers,
// and fail with what they last saw when the event does not come.
import * as vscode from 'vscode';
import type { DocumentKindParams } from '../../server/src/shared/protocol';
import type { IamPolicyApi } from '../../client/src/extension';

export const EXTENSION_ID = 'iam-policy-studio.iam-policy-studio';
const TIMEOUT_MS = 20_000;

export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the examples workspace open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

export async function api(): Promise<IamPolicyApi> {
  const extension = vscode.extensions.getExtension<IamPolicyApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  return extension.activate();
}

/** Resolves when `check` is true of a document's diagnostics (now or after a change event). */
export function diagnosticsWhere(uri: vscode.Uri, check: (d: readonly vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'iam-policy');
    const done = (fn: () => void) => {
      clearTimeout(timer);
      listener.dispose();
      fn();
    };
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString()) && check(ours())) done(() => resolve(ours()));
    });
    const timer = setTimeout(() => done(() => reject(new Error(`timed out waiting for ${what}; last: ${describe(ours())}`))), TIMEOUT_MS);
    if (check(ours())) done(() => resolve(ours()));
  });
}

/** Resolves with the next analysis result for a document (the server's kind notification) that passes `check`. */
export function nextAnalysis(
  uri: vscode.Uri,
  policyApi: IamPolicyApi,
  check: (params: DocumentKindParams) => boolean = () => true,
): Promise<DocumentKindParams> {
  return new Promise((resolve, reject) => {
    const listener = policyApi.onDidAnalyze((params) => {
      if (params.uri !== uri.toString() || !check(params)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(params);
    });
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out waiting for the analysis of ${uri.toString()}`));
    }, TIMEOUT_MS);
  });
}

export function codes(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));
}

export function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(diagnostics.map((d) => [codes([d])[0], d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]));
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}
