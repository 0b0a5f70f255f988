import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { KIND_SETTINGS, kindSettingForFile, RULES_BY_ID, SEVERITY_OVERRIDES, type KindSetting, type SeverityOverride } from '../core';
import { closest } from '../core/iam';
import { UsageError } from './usageError';
import { CONFIG_FILE_NAME, InputError, readText } from './files';

/** A validated config file: the same meaning as the editor settings `iamPolicy.rules` and `iamPolicy.files`. */
export interface CliConfig {
  path: string;
  /** Globs in `files` are relative to this folder. */
  folder: string;
  rules: Record<string, SeverityOverride>;
  files: Record<string, KindSetting>;
}

/** What a config says about one file. */
export interface FileSettings {
  rules: Readonly<Record<string, SeverityOverride>>;
  /** From the first matching `files` glob; undefined when none matches. */
  kindSetting: KindSetting | undefined;
}

/** `auto`: the nearest config above each file; a path: that file for every file; `none`: no config. */
export type ConfigChoice = { mode: 'auto' } | { mode: 'file'; path: string } | { mode: 'none' };

/** `$schema` is allowed so that editors can validate the file; it has no meaning here. */
const TOP_LEVEL_KEYS: readonly string[] = ['rules', 'files', '$schema'];

/**
 * Finds the config of each linted file. Lookups are cached per folder, so a folder of a thousand
 * policies costs one walk up the tree, and each config file is read and validated once.
 */
export class ConfigResolver {
  private readonly byFolder = new Map<string, CliConfig | undefined>();
  private readonly explicit: CliConfig | undefined;

  constructor(private readonly choice: ConfigChoice) {
    // An explicit config is read up front: a wrong --config path fails even when there is nothing to lint.
    this.explicit = choice.mode === 'file' ? loadConfig(choice.path, true) : undefined;
  }

  /** The settings for a file; undefined when no config applies. */
  settingsFor(filePath: string): FileSettings | undefined {
    const config = this.configFor(filePath);
    if (!config) return undefined;
    const fromFolder = relative(config.folder, resolve(filePath));
    return { rules: config.rules, kindSetting: kindSettingForFile(fromFolder, config.files) };
  }

  configFor(filePath: string): CliConfig | undefined {
    if (this.choice.mode === 'none') return undefined;
    if (this.choice.mode === 'file') return this.explicit;
    return this.nearest(dirname(resolve(filePath)));
  }

  private nearest(start: string): CliConfig | undefined {
    const visited: string[] = [];
    let folder = start;
    let found: CliConfig | undefined;
    for (;;) {
      if (this.byFolder.has(folder)) {
        found = this.byFolder.get(folder);
        break;
      }
      visited.push(folder);
      const candidate = join(folder, CONFIG_FILE_NAME);
      if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) {
        found = loadConfig(candidate, false);
        break;
      }
      const parent = dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
    for (const path of visited) this.byFolder.set(path, found);
    return found;
  }
}

/** Reads and validates a config file; any mistake is a usage error naming the file, line and column. */
export function loadConfig(path: string, explicit: boolean): CliConfig {
  let text: string;
  try {
    text = readText(path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(explicit ? `--config: ${message}` : message);
  }
  const shown = displayPath(path);
  const problems: string[] = [];
  const at = (offset: number, message: string) => problems.push(`${shown}:${lineColumn(text, offset)}: ${message}`);

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  // jsonc-parser may report one mistake twice at the same place; the first few distinct ones are enough.
  const distinct = new Map(errors.map((error) => [`${error.offset}:${error.error}`, error]));
  for (const error of [...distinct.values()].slice(0, 3)) at(error.offset, `invalid JSON: ${describeParseError(error)}`);
  if (problems.length === 0) {
    if (!root || root.type !== 'object') {
      at(root?.offset ?? 0, 'a config file must be a JSON object: { "rules": { ... }, "files": { ... } }');
    } else {
      const config = validate(root, at);
      if (problems.length === 0) return { path, folder: dirname(resolve(path)), ...config };
    }
  }
  throw new UsageError(problems.join('; '));
}

type At = (offset: number, message: string) => void;

function validate(root: Node, at: At): Pick<CliConfig, 'rules' | 'files'> {
  const rules: Record<string, SeverityOverride> = {};
  const files: Record<string, KindSetting> = {};
  for (const [key, value] of properties(root, at)) {
    const name = key.value as string;
    if (name === 'rules') {
      if (!isObject(value, at, '"rules" must be an object of rule id -> severity, e.g. { "missing-version": "off" }')) continue;
      for (const [ruleKey, severity] of properties(value, at)) {
        const id = ruleKey.value as string;
        if (!RULES_BY_ID.has(id)) at(ruleKey.offset, `unknown rule "${id}"${didYouMean(id, RULES_BY_ID.keys())}`);
        const override = choice(severity, SEVERITY_OVERRIDES, at, 'a severity', `the severity of "${id}"`);
        if (override) rules[id] = override as SeverityOverride;
      }
    } else if (name === 'files') {
      if (!isObject(value, at, '"files" must be an object of glob -> kind, e.g. { "roles/*-trust.json": "trust" }')) continue;
      for (const [globKey, kind] of properties(value, at)) {
        const glob = globKey.value as string;
        if (glob.trim() === '') at(globKey.offset, 'a glob in "files" must not be empty');
        const setting = choice(kind, KIND_SETTINGS, at, 'a kind', `the kind of "${glob}"`);
        if (setting) files[glob] = setting as KindSetting;
      }
    } else if (!TOP_LEVEL_KEYS.includes(name)) {
      at(key.offset, `unknown key "${name}"${didYouMean(name, TOP_LEVEL_KEYS) || ': a config has only "rules" and "files"'}`);
    }
  }
  return { rules, files };
}

/** The [key, value] pairs of an object node; a key given twice is a mistake (JSON keeps only the last). */
function properties(object: Node, at: At): [Node, Node][] {
  const pairs: [Node, Node][] = [];
  const seen = new Set<string>();
  for (const property of object.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || !value) continue;
    const name = key.value as string;
    if (seen.has(name)) at(key.offset, `"${name}" is given twice`);
    seen.add(name);
    pairs.push([key, value]);
  }
  return pairs;
}

function isObject(node: Node, at: At, message: string): boolean {
  if (node.type === 'object') return true;
  at(node.offset, message);
  return false;
}

/** A string value from a fixed list, or a problem with the closest allowed value. */
function choice(node: Node, allowed: readonly string[], at: At, noun: string, what: string): string | undefined {
  const list = `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
  if (node.type !== 'string') {
    at(node.offset, `${what} must be a string: ${list}`);
    return undefined;
  }
  const value = node.value as string;
  if (allowed.includes(value)) return value;
  at(node.offset, `"${value}" is not ${noun}: use ${list}${didYouMean(value, allowed)}`);
  return undefined;
}

function didYouMean(word: string, candidates: Iterable<string>): string {
  const [best] = closest(word, candidates, 1);
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

/** `PropertyNameExpected` -> `property name expected`. */
function describeParseError(error: ParseError): string {
  return printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** 1-based `line:column` (UTF-16 columns, as the lint output). */
function lineColumn(text: string, offset: number): string {
  const { line, character } = TextDocument.create('file:///config', 'jsonc', 0, text).positionAt(offset);
  return `${line + 1}:${character + 1}`;
}

/** Relative to the working folder when the config is below it (as CI logs show paths), else absolute. */
function displayPath(path: string): string {
  const fromCwd = relative(process.cwd(), resolve(path));
  return fromCwd === '' || fromCwd.startsWith('..') || isAbsolute(fromCwd) ? resolve(path) : fromCwd;
}
