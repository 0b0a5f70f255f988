import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRole, parseTrustSpec, ROLE_FILES, type RoleAnswers, type TrustedEntity } from '../core/role';
import { parseOptions, UsageError } from './usageError';
import { InputError } from './files';

export interface NewRoleArgs {
  answers: RoleAnswers;
  out: string;
  force: boolean;
}

export const NEW_ROLE_USAGE = `Usage: iam-policy new-role --name NAME --trust SPEC [--trust SPEC...] --out DIR [options]

Writes a role's trust-policy.json, permissions-policy.json (with --allow), trusted-account-policy.json
(for account and role trust) and a README.md with the commands to create and use the role.

  --name NAME                    the role's name
  --account ID                   the role's own account id (needed for OIDC and account trust)
  --trust SPEC                   who can assume the role, repeatable:
      account:ID[,ID...]                      other AWS accounts (needs --mfa or --external-id)
      role:ARN[,ARN...]  user:ARN             specific roles or users
      service:PRINCIPAL[,PRINCIPAL...]        AWS services (ec2.amazonaws.com, pods.eks.amazonaws.com...)
      github:OWNER/REPO[:BRANCH]              GitHub Actions (any ref without a branch)
      github:OWNER/REPO@env:ENVIRONMENT       GitHub Actions jobs of an environment
      eks:ISSUER:NAMESPACE:SERVICE_ACCOUNT    EKS IAM roles for service accounts
      gitlab:GROUP/PROJECT[:BRANCH]           GitLab CI/CD on gitlab.com
      saml:PROVIDER_ARN                       a SAML identity provider
      oidc:ISSUER,aud=AUDIENCE,sub=SUBJECT    another OIDC provider
  --mfa                          require MFA from account and role principals
  --external-id VALUE|generate   require an ExternalId from account and role principals
  --managed-policy NAME_OR_ARN   attach a managed policy (SecurityAudit, service-role/..., or an ARN), repeatable
  --allow ACTION                 an action of the inline permissions policy, repeatable
  --resource ARN                 a resource of the allowed actions, repeatable
  --max-session-duration SECONDS the role's maximum session (3600-43200)
  --session-duration SECONDS     the session asked for in the README's commands (900 up to the maximum)
  --out DIR                      the folder to write into (created if missing)
  --force                        overwrite the role files already in DIR (and remove those this role has not)
`;

function seconds(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${option} takes a number of seconds, not "${value}"`);
  return Number(value);
}

export function parseNewRoleArgs(argv: readonly string[]): NewRoleArgs {
  const { values } = parseOptions({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      name: { type: 'string' },
      account: { type: 'string' },
      trust: { type: 'string', multiple: true },
      mfa: { type: 'boolean' },
      'external-id': { type: 'string' },
      'managed-policy': { type: 'string', multiple: true },
      allow: { type: 'string', multiple: true },
      resource: { type: 'string', multiple: true },
      'max-session-duration': { type: 'string' },
      'session-duration': { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    },
  });
  if (values.name === undefined) throw new UsageError('new-role needs --name NAME');
  if (values.out === undefined || values.out === '') throw new UsageError('new-role needs --out DIR, the folder to write the files into');
  if (!values.trust?.length) throw new UsageError('new-role needs --trust SPEC: who can assume the role (see iam-policy new-role --help)');
  const trust: TrustedEntity[] = values.trust.map((spec) => {
    const entity = parseTrustSpec(spec);
    if ('error' in entity) throw new UsageError(entity.error);
    return entity;
  });
  const externalId = values['external-id'];
  const answers: RoleAnswers = {
    name: values.name,
    ...(values.account !== undefined ? { account: values.account } : {}),
    trust,
    mfa: values.mfa ?? false,
    ...(externalId !== undefined ? { externalId: externalId === 'generate' ? { generate: true as const } : externalId } : {}),
    managedPolicies: values['managed-policy'] ?? [],
    actions: values.allow ?? [],
    resources: values.resource ?? [],
  };
  const max = seconds(values['max-session-duration'], '--max-session-duration');
  const session = seconds(values['session-duration'], '--session-duration');
  if (max !== undefined) answers.maxSessionDuration = max;
  if (session !== undefined) answers.sessionDuration = session;
  return { answers, out: values.out, force: values.force ?? false };
}

/** Builds the role and writes its files; problems with the answers are usage errors (exit 2), one per line. */
export function newRole(args: NewRoleArgs, out: (text: string) => void, err: (text: string) => void): number {
  const result = buildRole(args.answers);
  if (!result.ok) {
    for (const problem of result.problems) err(`iam-policy: ${problem.message}\n`);
    return 2;
  }
  const existing = Object.values(ROLE_FILES).filter((name) => existsSync(join(args.out, name)));
  if (existing.length > 0 && !args.force) throw new InputError(`${existing.map((name) => join(args.out, name)).join(', ')} already exist${existing.length === 1 ? 's' : ''}: use --force to overwrite`);
  // Files of an earlier role that this one does not have (its permissions policy...) would be
  // linted and followed as if they belonged to it.
  const stale = existing.filter((name) => !result.files.some((f) => f.name === name));
  try {
    mkdirSync(args.out, { recursive: true });
    for (const file of result.files) writeFileSync(join(args.out, file.name), file.content);
    for (const name of stale) rmSync(join(args.out, name));
  } catch (error) {
    throw new InputError(`cannot write to ${args.out}: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const warning of result.warnings) err(`warning: ${warning}\n`);
  const lines = [`Role ${args.answers.name} (${result.roleArn}) written to ${args.out}:`, ...result.files.map((f) => `  ${join(args.out, f.name)}`)];
  if (result.externalId !== undefined) lines.push(`ExternalId: ${result.externalId} (give it to the third party with the role ARN)`);
  lines.push(`Next: follow ${join(args.out, 'README.md')} to create the role.`);
  out(`${lines.join('\n')}\n`);
  return 0;
}
