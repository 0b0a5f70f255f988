import { POLICY_KINDS, SEVERITIES, type KindSetting, type SeverityOverride } from './types';

/**
 * The `iamPolicy.*` settings, one shape for the editor (pulled per resource) and the CLI config.
 * Untrusted raw values pass through `normalizeSettings`, which drops what it does not understand.
 */
export interface PolicySettings {
  enable: boolean;
  /** Rule id -> severity or `off`. */
  rules: Record<string, SeverityOverride>;
  /** Glob -> kind, `auto` or `ignore`. */
  files: Record<string, KindSetting>;
  /** Editor only: a "who can assume this role" line above each trust policy statement. */
  codeLens: boolean;
  /** Editor only: account id -> name, offered by completion and shown by hover. */
  accounts: Record<string, string>;
  /** The trust graph: the account of files no folder places, and role names by path glob (a role ARN or a name). */
  graph: { defaultAccount?: string; roles: Record<string, string> };
}

export const DEFAULT_SETTINGS: PolicySettings = { enable: true, rules: {}, files: {}, codeLens: true, accounts: {}, graph: { roles: {} } };

/** The values a rule setting may take, and those a file association may take, in the order docs list them. */
export const SEVERITY_OVERRIDES: readonly SeverityOverride[] = [...SEVERITIES, 'off'];
export const KIND_SETTINGS: readonly KindSetting[] = [...POLICY_KINDS, 'auto', 'ignore'];

const OVERRIDES = new Set<string>(SEVERITY_OVERRIDES);
const KINDS = new Set<string>(KIND_SETTINGS);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pickEntries<T extends string>(value: unknown, allowed: ReadonlySet<string>): Record<string, T> {
  const result: Record<string, T> = {};
  if (!isRecord(value)) return result;
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string' && allowed.has(entry)) result[key] = entry as T;
  }
  return result;
}

/** Names are shown in hovers and lists: one line, of a sane length. */
const MAX_ACCOUNT_NAME = 100;

function pickAccounts(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isRecord(value)) return result;
  for (const [id, name] of Object.entries(value)) {
    if (/^\d{12}$/.test(id) && typeof name === 'string') result[id] = name.replace(/\s+/g, ' ').trim().slice(0, MAX_ACCOUNT_NAME);
  }
  return result;
}

function pickGraph(value: unknown): PolicySettings['graph'] {
  if (!isRecord(value)) return { roles: {} };
  const roles: Record<string, string> = {};
  if (isRecord(value.roles)) for (const [glob, role] of Object.entries(value.roles)) if (typeof role === 'string' && role.trim() !== '') roles[glob] = role.trim();
  const account = typeof value.defaultAccount === 'string' ? value.defaultAccount.trim() : '';
  return { ...(/^\d{12}$/.test(account) ? { defaultAccount: account } : {}), roles };
}

/**
 * Settings from a VS Code settings.json object, whose keys are flat (`"iamPolicy.graph.roles"`),
 * nested the way the editor hands them to the server (`{ graph: { roles } }`).
 */
export function settingsFromFlatKeys(raw: unknown): PolicySettings {
  const nested: Record<string, unknown> = {};
  if (!isRecord(raw)) return normalizeSettings(nested);
  for (const [key, value] of Object.entries(raw)) {
    const parts = key.split('.');
    // A settings file is user input: `iamPolicy.__proto__.x` must not reach Object.prototype.
    if (parts[0] !== 'iamPolicy' || parts.length < 2 || parts.some((p) => p === '__proto__' || p === 'constructor' || p === 'prototype')) continue;
    let target = nested;
    for (const part of parts.slice(1, -1)) {
      if (!Object.hasOwn(target, part) || !isRecord(target[part])) target[part] = {};
      target = target[part] as Record<string, unknown>;
    }
    target[parts[parts.length - 1]] = value;
  }
  return normalizeSettings(nested);
}

export function normalizeSettings(raw: unknown): PolicySettings {
  if (!isRecord(raw)) return { ...DEFAULT_SETTINGS };
  return {
    enable: typeof raw.enable === 'boolean' ? raw.enable : DEFAULT_SETTINGS.enable,
    rules: pickEntries<SeverityOverride>(raw.rules, OVERRIDES),
    files: pickEntries<KindSetting>(raw.files, KINDS),
    codeLens: typeof raw.codeLens === 'boolean' ? raw.codeLens : DEFAULT_SETTINGS.codeLens,
    accounts: pickAccounts(raw.accounts),
    graph: pickGraph(raw.graph),
  };
}

/** The project's home page (SARIF `informationUri`); rule docs live below it. */
export const PROJECT_URL = 'https://github.com/iam-policy-studio/iam-policy-studio';

/** Where a rule's documentation lives; diagnostics link to it (`codeDescription.href`). */
export function ruleDocsUrl(ruleId: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${ruleId}.md`;
}
