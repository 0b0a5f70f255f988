import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ROLE_FILES, type RoleAnswers, type RoleResult } from '../../../server/src/core/role/types';
import {
  BuildRoleRequest,
  RoleCatalogRequest,
  ServiceActionsRequest,
  type BuildRoleParams,
  type BuildRoleResponse,
  type RoleCatalogResponse,
  type ServiceActionsParams,
  type ServiceActionsResponse,
} from '../../../server/src/shared/protocol';
import { runRoleWizard, type WizardBackend } from './roleWizard';

/** The argument of `iamPolicy.createRole` for tests and automation: with it, nothing is asked. */
export interface CreateRoleArgs {
  answers: RoleAnswers;
  /** Relative to the first workspace folder, or absolute. */
  folder: string;
  /** Replace files already there (otherwise the command refuses). */
  overwrite?: boolean;
  /** Open the trust policy and the README afterwards (default true). */
  open?: boolean;
}

/** What the command returns: the files written, or why nothing was. */
export type CreateRoleOutcome = { ok: true; folder: string; files: string[]; externalId?: string; warnings: string[] } | { ok: false; problems: string[] };

function folderUri(folder: string): vscode.Uri | undefined {
  if (/^([a-z]:)?[\\/]/i.test(folder)) return vscode.Uri.file(folder);
  const root = vscode.workspace.workspaceFolders?.[0];
  return root && vscode.Uri.joinPath(root.uri, ...folder.split(/[\\/]+/).filter(Boolean));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Builds a role through the server and writes its files. `confirm` asks before overwriting (the wizard); without it existing files are refused. */
async function buildAndWrite(client: LanguageClient, args: CreateRoleArgs, confirm?: (names: string[]) => Promise<boolean>): Promise<CreateRoleOutcome> {
  const target = folderUri(args.folder);
  if (!target) return { ok: false, problems: ['Open a folder first, or give an absolute path: the role files need a place.'] };
  const result: RoleResult = await client.sendRequest<BuildRoleResponse>(BuildRoleRequest, { answers: args.answers } satisfies BuildRoleParams);
  if (!result.ok) return { ok: false, problems: result.problems.map((p) => p.message) };
  const uris = result.files.map((f) => vscode.Uri.joinPath(target, f.name));
  const candidates = Object.values(ROLE_FILES).map((name) => vscode.Uri.joinPath(target, name));
  const taken = (await Promise.all(candidates.map(async (uri) => ((await exists(uri)) ? uri : undefined)))).filter((u): u is vscode.Uri => u !== undefined);
  const takenNames = taken.map((u) => vscode.workspace.asRelativePath(u));
  if (taken.length > 0 && !args.overwrite && !(confirm && (await confirm(takenNames)))) {
    return { ok: false, problems: [`${takenNames.join(', ')} already exist${taken.length === 1 ? 's' : ''}.`] };
  }
  await vscode.workspace.fs.createDirectory(target);
  await Promise.all(result.files.map((file, i) => vscode.workspace.fs.writeFile(uris[i], new TextEncoder().encode(file.content))));
  // Files of an earlier role this one has not (its permissions policy...) would pass for this role's.
  const written = new Set(uris.map(String));
  await Promise.all(taken.filter((u) => !written.has(u.toString())).map(async (u) => vscode.workspace.fs.delete(u)));
  if (args.open !== false) {
    await vscode.window.showTextDocument(uris[0], { preview: false });
    const readme = uris[uris.length - 1];
    await vscode.commands.executeCommand('markdown.showPreviewToSide', readme).then(undefined, () => vscode.window.showTextDocument(readme, { viewColumn: vscode.ViewColumn.Beside }));
  }
  return { ok: true, folder: target.fsPath, files: uris.map((u) => u.fsPath), externalId: result.externalId, warnings: result.warnings };
}

async function announce(outcome: Extract<CreateRoleOutcome, { ok: true }>, name: string): Promise<void> {
  for (const warning of outcome.warnings) void vscode.window.showWarningMessage(warning);
  if (outcome.externalId === undefined) {
    void vscode.window.showInformationMessage(`Role ${name} written to ${vscode.workspace.asRelativePath(outcome.folder)}: follow its README to create it.`);
    return;
  }
  const copy = 'Copy ExternalId';
  const choice = await vscode.window.showInformationMessage(`Role ${name} written. Give the third party its ARN and the ExternalId ${outcome.externalId}.`, copy);
  if (choice === copy) await vscode.env.clipboard.writeText(outcome.externalId);
}

/** `IAM Policy: Create Role...`: the wizard, or, given answers, the files straight away. */
export async function createRole(client: LanguageClient, args?: CreateRoleArgs): Promise<CreateRoleOutcome | undefined> {
  if (args !== undefined) {
    if (typeof args !== 'object' || args === null || typeof args.folder !== 'string' || typeof args.answers !== 'object') {
      return { ok: false, problems: ['iamPolicy.createRole takes { answers, folder }.'] };
    }
    return buildAndWrite(client, args);
  }
  let outcome: CreateRoleOutcome | undefined;
  const backend: WizardBackend = {
    catalog: () => client.sendRequest<RoleCatalogResponse>(RoleCatalogRequest),
    serviceActions: (service) => client.sendRequest<ServiceActionsResponse>(ServiceActionsRequest, { service } satisfies ServiceActionsParams),
    defaultFolder: (name) => (vscode.workspace.workspaceFolders ? `roles/${name}` : ''),
    create: async (answers, folder) => {
      const confirm = async (names: string[]) =>
        (await vscode.window.showWarningMessage(`Replace ${names.join(', ')}?`, { modal: true }, 'Replace')) === 'Replace';
      outcome = await buildAndWrite(client, { answers, folder }, confirm);
      if (!outcome.ok) return outcome.problems.join(' ');
      void announce(outcome, answers.name); // a notification the user may leave open must not hold the wizard
      return undefined;
    },
  };
  await runRoleWizard(backend);
  return outcome;
}
