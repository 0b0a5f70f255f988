import type { KindSetting } from '../core';
import type { ConfigChoice } from './config';
import { parseGraphArgs, type GraphArgs } from './graph';
import { parseNewRoleArgs, type NewRoleArgs } from './newRole';
import { parseOptions, UsageError } from './usageError';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface LintArgs {
  format: OutputFormat;
  kind: KindSetting;
  maxWarnings: number | undefined;
  config: ConfigChoice;
  paths: string[];
}

export type Command =
  | { name: 'lint'; args: LintArgs }
  | { name: 'explain'; args: LintArgs }
  | { name: 'new-role'; args: NewRoleArgs }
  | { name: 'graph'; args: GraphArgs }
  | { name: 'help'; topic?: 'new-role' | 'graph' }
  | { name: 'version' };


export const USAGE = `Usage: iam-policy lint [options] <files or folders...>
       iam-policy explain [--format text|json] [--kind ...] <files or folders...>
       iam-policy new-role --name NAME --trust SPEC [...] --out DIR   (see iam-policy new-role --help)
       iam-policy graph [--format json|mermaid|dot|svg] [--account ID] <files or folders...>

lint     Lints AWS IAM policies (trust, identity and resource policies) in JSON files, offline.
new-role Writes a role's trust policy, permissions and the commands to create and use it.
graph    Draws who can assume which role across the files (see iam-policy graph --help).
explain  Says in plain words who can assume each role, statement by statement, for the trust
         policies among the files (exit code 0 unless a file cannot be read).
Folders are searched for *.json files (node_modules and .git are skipped); JSON files that
are not IAM policies are skipped.

Options:
  --format text|json|sarif   output format (default: text)
  --kind auto|trust|identity|resource
                             the kind of policy; auto guesses it from the content (default: auto).
                             A kind also makes the files named on the command line be linted as
                             policies even when they do not look like one.
  --max-warnings N           exit 1 when there are more than N warnings (default: no limit)
  --config FILE              use this config file for every file, instead of looking for the
                             nearest .iampolicyrc.json above each file
  --no-config                use no config file
  -h, --help                 show this help
  -v, --version              show the version

Config file: each file is linted with the nearest .iampolicyrc.json in its folder or above
(the nearest one wins; they are not merged). JSON, comments allowed:
  {
    "rules": { "<rule id>": "error" | "warning" | "info" | "hint" | "off" },
    "files": { "<glob>": "trust" | "identity" | "resource" | "auto" | "ignore" }
  }
"rules" changes severities or turns rules off. "files" sets the kind of the files a glob matches
(globs are relative to the config file's folder; a glob without "/" matches file names anywhere
below it; the first matching glob wins); such files are linted even when they do not look like
policies, and "ignore" skips them. --kind wins over the globs for the files named on the command
line; files found in folders follow the globs first, then --kind.
An invalid config (bad JSON, unknown rule id, unknown severity or kind) is a usage error.

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or I/O error (including an
invalid config file).
`;

const FORMATS: readonly string[] = ['text', 'json', 'sarif'];
const KINDS: readonly string[] = ['auto', 'trust', 'identity', 'resource'];

export function parseCommandLine(argv: readonly string[]): Command {
  if (argv[0] === 'graph') {
    const args = parseGraphArgs(argv.slice(1));
    return args === 'help' ? { name: 'help', topic: 'graph' } : { name: 'graph', args };
  }
  if (argv[0] === 'new-role') {
    return argv.includes('--help') || argv.includes('-h') ? { name: 'help', topic: 'new-role' } : { name: 'new-role', args: parseNewRoleArgs(argv.slice(1)) };
  }
  const parsed = parseOptions({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      kind: { type: 'string' },
      'max-warnings': { type: 'string' },
      config: { type: 'string' },
      'no-config': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  const { values, positionals } = parsed;
  if (values.help) return { name: 'help' };
  if (values.version) return { name: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError('missing command: try "iam-policy lint <files or folders...>"');
  if (command !== 'lint' && command !== 'explain') throw new UsageError(`unknown command "${command}": the commands are "lint", "explain", "new-role" and "graph"`);
  if (paths.length === 0) throw new UsageError(`no files or folders to ${command}`);
  const format = values.format ?? 'text';
  const formats = command === 'lint' ? FORMATS : ['text', 'json'];
  if (!formats.includes(format)) throw new UsageError(`--format must be ${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}, not "${format}"`);
  const kind = values.kind ?? 'auto';
  if (!KINDS.includes(kind)) throw new UsageError(`--kind must be auto, trust, identity or resource, not "${kind}"`);
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) {
    throw new UsageError(`--max-warnings must be a whole number, not "${maxWarnings}"`);
  }
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config cannot be used together');
  if (values.config === '') throw new UsageError('--config needs a file name');
  const config: ConfigChoice =
    values.config !== undefined ? { mode: 'file', path: values.config } : values['no-config'] ? { mode: 'none' } : { mode: 'auto' };
  return {
    name: command,
    args: {
      format: format as OutputFormat,
      kind: kind as KindSetting,
      maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings),
      config,
      paths,
    },
  };
}
