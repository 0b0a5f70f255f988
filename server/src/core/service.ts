import { analyze, summaryOf, type Analysis, type AnalyzeOptions, type PolicySummary } from './analyze';
import { classify } from './classify';
import { complete, type CompletionList, type CompletionOptions } from './completion';
import { accountsIn } from './completion/accounts';
import { hover, type HoverOptions, type HoverResult } from './hover';
import { readPolicy } from './policyModel';
import { explainTrustPolicy, type StatementExplanation } from './trust/explain';
import { quickFixes } from './fixes';
import { readFacts, type FileFacts } from './graph';
import { parseDocument, type ParsedDocument, type ParseOptions as JsonParseOptions } from './parse';
import { parseTerraform } from './terraform/document';
import type { ModuleFacts } from './terraform/module';
import type { HclParser } from './terraform/syntax';
import type { DialectId } from './host/types';
import { fromElsewhere } from './host/units';
import { RULES } from './rules';
import type { PolicyKind } from './types';

type KindOptions = Pick<AnalyzeOptions, 'fileName' | 'kindSetting'>;

export interface ParseOptions extends JsonParseOptions {
  /** The syntax of the text: a JSON policy file (the default) or a Terraform file (see `dialectOf`). */
  dialect: DialectId;
  /** Terraform: the facts of the module's other files (`moduleFacts` of each). */
  module: readonly ModuleFacts[];
  /** The document's previous version: a Terraform parse starts from its tree (and takes it over). */
  previous: ParsedDocument;
  /** Terraform: read only what the file tells its module (a first pass over a module's files). */
  factsOnly: boolean;
}

/** What the service needs that the core cannot load itself (it does no I/O). */
export interface ServiceDependencies {
  /** The Terraform grammar (`loadHclParser` in server/src/shared); without it Terraform files hold no policies. */
  hcl?: HclParser;
}

/** The dialect of a file: Terraform for `.tf` files and the `terraform`/`hcl` languages, JSON otherwise. */
export function dialectOf(fileName: string | undefined, languageId?: string): DialectId {
  if (languageId === 'terraform' || languageId === 'hcl') return 'terraform';
  return fileName && /\.tf$/i.test(fileName) ? 'terraform' : 'json';
}

/**
 * The one facade the server, the CLI, the tests and the benchmark use. Each feature takes a parsed
 * document, so callers parse once and cache by document version. A document holds one policy (a
 * JSON policy file) or several (a Terraform file); features work on whichever the offset is in.
 */
export interface PolicyService {
  parse(text: string, options?: Partial<ParseOptions>): ParsedDocument;
  analyze(parsed: ParsedDocument, options?: AnalyzeOptions): Analysis;
  /** Quick fixes for a finding the client sends back (rule, span and data of a diagnostic). */
  quickFixes: typeof quickFixes;
  /** The kind of policy a policy file is (as `analyze` would decide), or undefined when it is not one (and for host files: see `policies`). */
  kindOf(parsed: ParsedDocument, options?: KindOptions): PolicyKind | undefined;
  /** The policies of a document and their kinds, without analysing them. */
  policies(parsed: ParsedDocument, options?: KindOptions): PolicySummary[];
  /** Who can assume the role, statement by statement, for every trust policy of the document; undefined when it has none. */
  explainTrust(parsed: ParsedDocument, options?: KindOptions): StatementExplanation[] | undefined;
  /** Completion items at an offset; undefined when the document is not a policy or nothing fits there. */
  complete(parsed: ParsedDocument, offset: number, options?: CompletionOptions): CompletionList | undefined;
  /** The account ids a document's policies name (none when it holds no policy), for completion across files. */
  accounts(parsed: ParsedDocument, options?: KindOptions): string[];
  /** What each policy of a document adds to the trust graph (`buildTrustGraph` joins them); empty when it holds none. */
  graphFacts(parsed: ParsedDocument, options?: KindOptions): FileFacts[];
  /** Markdown about what is at an offset (action, key, operator, ARN, principal...). */
  hover(parsed: ParsedDocument, offset: number, options?: HoverOptions): HoverResult | undefined;
  rules: typeof RULES;
}

export function createPolicyService(dependencies: ServiceDependencies = {}): PolicyService {
  const classified = (parsed: ParsedDocument, options: KindOptions) =>
    parsed.units.flatMap((unit) => {
      const classification = classify(unit, options);
      return classification ? [{ unit, ...classification }] : [];
    });
  return {
    parse: (text, options) => {
      if (options?.dialect === 'terraform') {
        if (!dependencies.hcl) return { text, dialect: 'terraform', units: [] };
        return parseTerraform(text, { parser: dependencies.hcl, ...(options.module ? { module: options.module } : {}), ...(options.previous ? { previous: options.previous } : {}), ...(options.factsOnly ? { factsOnly: true } : {}) });
      }
      return parseDocument(text, { allowComments: options?.allowComments ?? false });
    },
    analyze,
    quickFixes,
    kindOf: (parsed, options = {}) => (parsed.dialect === 'json' ? classified(parsed, options)[0]?.kind : undefined),
    policies: (parsed, options = {}) =>
      classified(parsed, options).map(({ unit, ...classification }) => summaryOf(unit, classification)),
    explainTrust: (parsed, options = {}) => {
      const trusts = classified(parsed, options).filter(({ unit, kind }) => kind === 'trust' && unit.root?.type === 'object');
      if (trusts.length === 0) return undefined;
      return trusts.flatMap(({ unit }) => {
        const explained = unit.root ? explainTrustPolicy(readPolicy(unit.root)) : [];
        // Statements merged in from documents written elsewhere are explained there.
        const own = explained.filter((e) => !fromElsewhere(unit, e.span));
        return parsed.dialect === 'json' ? own : own.map((e) => ({ ...e, policy: { id: unit.id, label: unit.owner?.label ?? unit.id } }));
      });
    },
    complete,
    hover,
    graphFacts: (parsed, options = {}) =>
      classified(parsed, options).flatMap(({ unit, kind }) => {
        const facts = readFacts(unit, kind);
        // One trust document used by several roles: each role trusts the same principals.
        const owner = facts.owner;
        return owner?.roles ? owner.roles.map((role) => ({ ...facts, owner: { ...owner, role } })) : [facts];
      }),
    accounts: (parsed, options = {}) => [...new Set(classified(parsed, options).flatMap(({ unit }) => accountsIn(unit.root)))],
    rules: RULES,
  };
}
