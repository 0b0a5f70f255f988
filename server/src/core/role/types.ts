/**
 * What the role wizard asks and `iam-policy new-role` takes: everything `buildRole` needs to write
 * a role's trust policy, its permissions and the instructions to create and use it.
 */
export interface RoleAnswers {
  /** The role's name (1-64 of `A-Za-z0-9+=,.@_-`). */
  name: string;
  /** The 12-digit id of the account the role lives in: needed for OIDC provider ARNs and the role's ARN. */
  account?: string;
  /** Who may assume the role: one trust statement each. */
  trust: TrustedEntity[];
  /** Require MFA from the account and role principals (people signing in). */
  mfa?: boolean;
  /** Require this ExternalId from account and role principals (a third party); `{ generate: true }` makes one. */
  externalId?: string | { generate: true };
  /** The role's maximum session duration in seconds (3,600-43,200; IAM's default is 3,600). */
  maxSessionDuration?: number;
  /** The session length asked for when assuming the role (900 up to the maximum); defaults to the maximum. */
  sessionDuration?: number;
  /** AWS managed policies by name (`SecurityAudit`, `service-role/AWSLambdaBasicExecutionRole`) or ARN, customer managed policies by ARN. */
  managedPolicies?: string[];
  /** Actions of an inline permissions policy (`s3:GetObject`, `s3:List*`). */
  actions?: string[];
  /** The resources those actions act on; `*` is assumed only where every action requires it. */
  resources?: string[];
}

/** One kind of caller a trust policy lets in. */
export type TrustedEntity =
  | { type: 'account'; accounts: string[] }
  | { type: 'principal'; arns: string[] }
  | { type: 'service'; services: string[] }
  | { type: 'github'; repository: string; branch?: string; environment?: string }
  | { type: 'eks'; issuer: string; namespace: string; serviceAccount: string }
  | { type: 'gitlab'; project: string; branch?: string }
  | { type: 'saml'; providerArn: string }
  | { type: 'oidc'; issuer: string; audience: string; subject: string };

export type TrustedEntityType = TrustedEntity['type'];

/** Entities whose principals are AWS identities: the only ones MFA and an ExternalId apply to. */
export const isCallerType = (type: TrustedEntityType | undefined) => type === 'account' || type === 'principal';

/** A problem with an answer: the field it belongs to (for the wizard's step) and what to change. */
export interface RoleProblem {
  field: RoleField;
  message: string;
}

export type RoleField = 'name' | 'account' | 'trust' | 'mfa' | 'externalId' | 'maxSessionDuration' | 'sessionDuration' | 'managedPolicies' | 'actions' | 'resources';

/** A file the builder writes, by its name inside the target folder. */
export interface RoleFile {
  name: string;
  content: string;
}

export type RoleResult =
  | {
      ok: true;
      files: RoleFile[];
      /** The role's ARN, with `<account-id>` when the account was not given (roles only services or SAML assume). */
      roleArn: string;
      /** The ExternalId in the trust policy (generated or given), to hand to the third party. */
      externalId?: string;
      /** Findings our linter still reports on the files (warnings the answers asked for, e.g. iam:PassRole on `*`), as `file: message (rule)`. */
      warnings: string[];
    }
  | { ok: false; problems: RoleProblem[] };

/** The file names the builder writes. */
export const ROLE_FILES = {
  trust: 'trust-policy.json',
  permissions: 'permissions-policy.json',
  trustedAccount: 'trusted-account-policy.json',
  readme: 'README.md',
} as const;
