import { version } from '../../../package.json';
import { parseCommandLine, USAGE, type LintArgs } from './args';
import { UsageError } from './usageError';
import { ConfigResolver } from './config';
import { explainFiles, formatExplainJson, formatExplainText } from './explain';
import { collectFiles, InputError } from './files';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatText } from './formats/text';
import { countBySeverity, lintFiles } from './lint';
import { GRAPH_USAGE, runGraph } from './graph';
import { serviceFor } from './terraform';
import { NEW_ROLE_USAGE, newRole } from './newRole';

/** Runs the CLI and returns its exit code: 0 clean, 1 errors or too many warnings, 2 usage or I/O. */
export async function main(argv: readonly string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    if (command.name === 'help') {
      out(command.topic === 'new-role' ? NEW_ROLE_USAGE : command.topic === 'graph' ? GRAPH_USAGE : USAGE);
      return 0;
    }
    if (command.name === 'version') {
      out(`${version}\n`);
      return 0;
    }
    if (command.name === 'explain') return await explain(command.args, out);
    if (command.name === 'new-role') return newRole(command.args, out, err);
    if (command.name === 'graph') return await runGraph(command.args, out);
    return await lint(command.args, out);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      err(`iam-policy: ${error.message}\n`);
      return 2;
    }
    // The core never throws on input; anything here is our bug. Say so on one line, not with a stack.
    err(`iam-policy: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

async function explain(args: LintArgs, out: (text: string) => void): Promise<number> {
  const configs = new ConfigResolver(args.config);
  const files = collectFiles(args.paths);
  const report = explainFiles(await serviceFor(files), files, { kind: args.kind, settingsFor: (path) => configs.settingsFor(path) });
  out(args.format === 'json' ? formatExplainJson(report) : formatExplainText(report));
  return 0;
}

async function lint(args: LintArgs, out: (text: string) => void): Promise<number> {
  const configs = new ConfigResolver(args.config);
  const files = collectFiles(args.paths);
  const report = lintFiles(await serviceFor(files), files, { kind: args.kind, settingsFor: (path) => configs.settingsFor(path) });
  switch (args.format) {
    case 'json':
      out(formatJson(report));
      break;
    case 'sarif':
      out(formatSarif(report, version));
      break;
    default:
      out(formatText(report));
  }
  const counts = countBySeverity(report);
  const tooManyWarnings = args.maxWarnings !== undefined && counts.warning > args.maxWarnings;
  return counts.error > 0 || tooManyWarnings ? 1 : 0;
}

// `iam-policy graph ... | head`: a reader that stops early is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

void main(
  process.argv.slice(2),
  (text) => process.stdout.write(text),
  (text) => process.stderr.write(text),
).then((code) => {
  process.exitCode = code;
});
