import { analyze } from '../analyze';
import { cryptoRandomBytes, randomExternalId, type RandomBytes } from '../fixes/randomId';
import { parseDocument, type ParsedDocument } from '../parse';
import { readPolicy } from '../policyModel';
import { policyLength, TRUST_POLICY_MAX_LENGTH } from '../rules/policySize';
import { splitArn } from '../iam/arn';
import { explainTrustPolicy } from '../trust/explain';
import type { PolicyKind } from '../types';
import { answerProblems, shapeProblem } from './answers';
import type { RoleDefinition } from './infraCode';
import { permissionStatements, resolveManagedPolicies } from './permissions';
import { roleReadme } from './readme';
import { trustStatements, type StatementJson } from './trust';
import { ROLE_FILES, type RoleAnswers, type RoleFile, type RoleProblem, type RoleResult } from './types';

export interface BuildRoleOptions {
  /** Where a generated ExternalId's randomness comes from (tests pass a fixed source). */
  randomBytes?: RandomBytes;
}

const policyDocument = (statements: StatementJson[]) => ({ Version: '2012-10-17', Statement: statements });
const json = (document: object) => `${JSON.stringify(document, null, 2)}\n`;

/** Sids must be unique in a policy: a second TrustAccount becomes TrustAccount2. */
function uniqueSids(statements: StatementJson[]): StatementJson[] {
  const seen = new Map<string, number>();
  return statements.map((s) => {
    if (s.Sid === undefined) return s;
    const count = (seen.get(s.Sid) ?? 0) + 1;
    seen.set(s.Sid, count);
    return count === 1 ? s : { ...s, Sid: `${s.Sid}${count}` };
  });
}

/** Lints a generated file as our users would: errors are our bug or an impossible answer, warnings are reported. */
function lintFile(file: RoleFile, kind: PolicyKind): { errors: string[]; warnings: string[]; parsed: ParsedDocument } {
  const parsed = parseDocument(file.content, { allowComments: false });
  const findings = analyze(parsed, { kindSetting: kind, fileName: file.name }).findings;
  const say = (f: (typeof findings)[number]) => `${file.name}: ${f.message} (${f.rule})`;
  return { errors: findings.filter((f) => f.severity === 'error').map(say), warnings: findings.filter((f) => f.severity === 'warning').map(say), parsed };
}

/**
 * Builds a role from the answers: its trust policy, its permissions (an inline policy and managed
 * policies to attach), the trusted account's policy, and a README with every command to create and
 * use it. Pure: the caller writes the files. Answers that would make an unsafe or unusable role
 * come back as problems, field by field.
 */
export function buildRole(answers: RoleAnswers, options: BuildRoleOptions = {}): RoleResult {
  // Answers from callers we did not write are checked for shape first: everything after reads them.
  const shape = shapeProblem(answers);
  if (shape) return { ok: false, problems: [{ field: 'trust', message: shape }] };
  const problems: RoleProblem[] = answerProblems(answers);
  const managed = resolveManagedPolicies(answers.managedPolicies ?? []);
  const actions = answers.actions ?? [];
  const permissions = actions.length > 0 ? permissionStatements(actions, answers.resources ?? []) : undefined;
  problems.push(...managed.problems, ...(permissions?.problems ?? []));
  if (problems.length > 0) return { ok: false, problems };

  const account = answers.account ?? '<account-id>';
  const roleArn = `arn:aws:iam::${account}:role/${answers.name}`;
  const externalId = typeof answers.externalId === 'object' ? randomExternalId(options.randomBytes ?? cryptoRandomBytes) : answers.externalId;
  const trustPolicy = policyDocument(uniqueSids(answers.trust.flatMap((entity) => trustStatements(entity, answers, account, externalId))));
  const permissionsPolicy = permissions && policyDocument(permissions.statements);
  const trustedAccounts = [...new Set(answers.trust.flatMap((e) => (e.type === 'account' ? e.accounts : e.type === 'principal' ? e.arns.map((arn) => splitArn(arn)?.account ?? '') : [])))];
  const trustedAccountPolicy =
    trustedAccounts.length > 0
      ? policyDocument([{ Sid: `Assume${answers.name.replace(/[^A-Za-z0-9]/g, '')}`, Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn }])
      : undefined;

  const files: { file: RoleFile; kind: PolicyKind; field: RoleProblem['field'] }[] = [{ file: { name: ROLE_FILES.trust, content: json(trustPolicy) }, kind: 'trust', field: 'trust' }];
  if (permissionsPolicy) files.push({ file: { name: ROLE_FILES.permissions, content: json(permissionsPolicy) }, kind: 'identity', field: 'actions' });
  if (trustedAccountPolicy) files.push({ file: { name: ROLE_FILES.trustedAccount, content: json(trustedAccountPolicy) }, kind: 'identity', field: 'trust' });
  const warnings: string[] = [...managed.warnings];
  // IAM refuses a trust policy over 4,096 characters whatever the quota; the linter's policy-size warning starts at the default 2,048.
  const trustSize = policyLength(files[0].file.content);
  if (trustSize > TRUST_POLICY_MAX_LENGTH) {
    problems.push({ field: 'trust', message: `The trust policy has ${trustSize} characters; IAM accepts at most 4,096 (2,048 unless the quota was raised): trust fewer principals.` });
  }
  const parsed = files.map(({ file, kind, field }) => {
    const lint = lintFile(file, kind);
    problems.push(...lint.errors.map((message) => ({ field, message })));
    warnings.push(...lint.warnings);
    return lint.parsed;
  });
  if (problems.length > 0) return { ok: false, problems };

  const trustRoot = parsed[0].units[0]?.root;
  const who = trustRoot?.type === 'object' ? explainTrustPolicy(readPolicy(trustRoot)).map((s) => s.summary) : [];
  const role: RoleDefinition = { name: answers.name, trustPolicy, permissionsPolicy, managedPolicyArns: managed.arns, maxSessionDuration: answers.maxSessionDuration };
  const readme = roleReadme({ answers, role, roleArn, externalId, trustedAccounts, who });
  return { ok: true, files: [...files.map((f) => f.file), { name: ROLE_FILES.readme, content: readme }], roleArn, externalId, warnings };
}
