import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { version } from '../../../package.json';

const USAGE = `Usage: iam-policy-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The IAM Policy Studio language server: diagnostics for AWS IAM policies in JSON documents.
Neovim:  vim.lsp.start({ name = 'iam-policy', cmd = { 'iam-policy-language-server', '--stdio' } })
Helix:   [language-server.iam-policy] command = "iam-policy-language-server", args = ["--stdio"]
`;

const args = process.argv.slice(2);
const transport = args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'));

if (args.includes('--version')) {
  process.stdout.write(`${version}\n`);
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
} else if (!transport) {
  process.stderr.write(`iam-policy-language-server: choose a transport.\n${USAGE}`);
  process.exitCode = 2;
} else {
  startServer(createConnection(ProposedFeatures.all));
}
