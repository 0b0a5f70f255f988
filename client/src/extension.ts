import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DocumentKindNotification, type DocumentKindParams, type IamPolicyInitializationOptions } from '../../server/src/shared/protocol';
import { CommandIds, SettingIds } from './ids';
import { KindStatus } from './kindStatus';
import { registerTrustGraph } from './trustGraph/panel';
import { createRole, type CreateRoleArgs } from './wizard/createRole';

let client: LanguageClient | undefined;

/** What the extension exports to other extensions and to our end-to-end tests. */
export interface IamPolicyApi {
  /** The status bar text for a document ("IAM: Trust policy"), once the server has analysed it. */
  kindLabel(uri: vscode.Uri): string | undefined;
  /** Fires after the server analysed a document, with its kind (null when it is not a policy). */
  onDidAnalyze: vscode.Event<DocumentKindParams>;
}

export async function activate(context: vscode.ExtensionContext): Promise<IamPolicyApi> {
  const output = vscode.window.createOutputChannel('IAM Policy Studio', { log: true });
  const status = new KindStatus();
  context.subscriptions.push(output, status);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Terraform: the `terraform` and `hcl` languages of the HashiCorp extensions (we add `terraform` for
    // .tf ourselves, so it exists without them), and any .tf file whatever language another extension gives it.
    documentSelector: [{ language: 'json' }, { language: 'jsonc' }, { language: 'terraform' }, { language: 'hcl' }, { scheme: 'file', pattern: '**/*.tf' }],
    // Policy files changed outside the editor update the account ids completion offers, the graph and the Terraform modules.
    synchronize: { configurationSection: [SettingIds.section, 'files.exclude'], fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{json,jsonc,tf}') },
    initializationOptions: { retriggerSuggest: true } satisfies IamPolicyInitializationOptions,
    outputChannel: output,
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  // The id makes vscode-languageclient honour the `iamPolicy.trace.server` setting.
  client = new LanguageClient(SettingIds.section, 'IAM Policy Studio', serverOptions, clientOptions);
  context.subscriptions.push(
    client.onNotification(DocumentKindNotification, (params: DocumentKindParams) => status.update(params)),
    vscode.workspace.onDidCloseTextDocument((document) => status.forget(document.uri.toString())),
    vscode.commands.registerCommand(CommandIds.restartServer, async () => {
      await client?.restart();
      output.info('Language server restarted.');
    }),
    vscode.commands.registerCommand(CommandIds.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(CommandIds.createRole, (args?: CreateRoleArgs) => {
      if (client?.isRunning()) return createRole(client, args);
      void vscode.window.showErrorMessage('The IAM policy language server is not running: run "IAM Policy: Restart Server", then try again.');
      return undefined;
    }),
  );
  // Before the start: a panel restored after a reload needs its serializer during activation.
  registerTrustGraph(context, client);
  await client.start();
  return { kindLabel: (uri) => status.labelFor(uri.toString()), onDidAnalyze: status.onDidChange };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
