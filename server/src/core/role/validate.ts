/**
 * Checks of single answers, each returning what to change or undefined. Pure and free of the IAM
 * data, so that the wizard validates each step inline with the same words the builder uses.
 */
import { externalIdProblem } from '../iam/externalId';
import { WEB_IDENTITY_HOSTS } from '../iam/identityProviders';
import { fillIns } from '../iam/placeholders';

export { externalIdProblem };

const PARTITION = '(aws|aws-cn|aws-us-gov)';

/** IAM role names: 1-64 of letters, digits and `+=,.@_-`. */
export function roleNameProblem(name: string): string | undefined {
  if (name === '') return 'Give the role a name.';
  if (name.length > 64) return `A role name has at most 64 characters; this one has ${name.length}.`;
  const bad = [...new Set(name.replace(/[\w+=,.@-]/g, ''))];
  if (bad.length > 0) return `A role name may only contain letters, digits and + = , . @ _ -, not ${bad.map((c) => JSON.stringify(c)).join(' ')}.`;
  return fillInProblem(name);
}

export function accountIdProblem(id: string): string | undefined {
  if (/^\d{12}$/.test(id)) return undefined;
  if (/^\d{1,11}$/.test(id)) return `An AWS account id has 12 digits; "${id}" has ${id.length} (leading zeros count).`;
  return `An AWS account id is 12 digits, like 111122223333; "${id}" is not.`;
}

/** The role's MaxSessionDuration: IAM accepts 1 to 12 hours. */
export function maxSessionDurationProblem(seconds: number): string | undefined {
  if (!Number.isInteger(seconds) || seconds < 3600 || seconds > 43200) {
    return `The maximum session duration is 3,600 to 43,200 seconds (1 to 12 hours), not ${seconds}. Shorter sessions are asked for when assuming the role (--duration-seconds, from 900).`;
  }
  return undefined;
}

/** The DurationSeconds asked for when assuming the role: 900 up to the role's maximum. */
export function sessionDurationProblem(seconds: number, maximum = 3600): string | undefined {
  if (!Number.isInteger(seconds) || seconds < 900 || seconds > 43200) return `A session lasts 900 to 43,200 seconds (15 minutes to 12 hours), not ${seconds}.`;
  if (seconds > maximum) return `A session of ${seconds} seconds is longer than the role's maximum session duration (${maximum}): raise the maximum too.`;
  return undefined;
}

/** An IAM role or user ARN that may be named as a principal (`role:` in the CLI). */
export function principalArnProblem(arn: string): string | undefined {
  if (new RegExp(`^arn:${PARTITION}:iam::\\d{12}:(role|user)/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}$`).test(arn)) return fillInProblem(arn);
  if (/^arn:[^:]*:sts::/.test(arn)) return 'Name the role (arn:aws:iam::ACCOUNT:role/NAME), not a session of it (arn:aws:sts::...:assumed-role/...): trust policies never match session ARNs.';
  return `"${arn}" is not an IAM role or user ARN, like arn:aws:iam::111122223333:role/Deployer.`;
}

export function servicePrincipalProblem(service: string): string | undefined {
  if (/^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/.test(service)) return undefined;
  return `"${service}" is not a service principal, like lambda.amazonaws.com.`;
}

/** `OWNER/REPO` on GitHub: owners of 1-39 letters, digits and `-`, repositories of `A-Za-z0-9._-`. */
export function githubRepositoryProblem(repository: string): string | undefined {
  if (/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/.test(repository)) return fillInProblem(repository);
  if (repository.includes('*')) return 'Name one repository: a wildcard lets other repositories assume the role.';
  return `"${repository}" is not a GitHub repository, like my-org/my-repo.`;
}

/** Characters no answer that lands in a policy, YAML or a shell command may hold: controls, quotes, backticks. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNSAFE = /[\u0000-\u001f\u007f"'`\\]|\$\{/;

/** A git branch (`main`, `release/*`): the parts of a ref git allows (git check-ref-format), wildcards only at the end. */
export function branchProblem(branch: string): string | undefined {
  if (branch === '' || UNSAFE.test(branch) || /[\s~^:?[]|\.\.|@{|^[/.]|[/.]$|\.lock$|\.lock\/|\/\/|\/\.|^@$/.test(branch)) return `"${branch}" is not a git branch name.`;
  if (branch.replace(/\*$/, '').includes('*')) return 'A branch pattern may only end with *, like release/*.';
  if (branch === '*') return 'Name a branch: * lets every branch (and every pull request author who can push one) assume the role.';
  return fillInProblem(branch);
}

/** A GitHub environment name. */
export function environmentProblem(environment: string): string | undefined {
  if (environment === '' || environment.length > 255 || /[*?:]/.test(environment) || UNSAFE.test(environment)) {
    return `"${environment}" is not a GitHub environment name (no wildcards, colons, quotes or line breaks).`;
  }
  return fillInProblem(environment);
}

/** A GitLab project path: `group/project` or `group/subgroup/project`. */
export function gitlabProjectProblem(project: string): string | undefined {
  if (/^[A-Za-z0-9_.][A-Za-z0-9_.-]*(\/[A-Za-z0-9_.][A-Za-z0-9_.-]*)+$/.test(project)) return fillInProblem(project);
  if (project.includes('*')) return 'Name one project: a wildcard lets other projects assume the role.';
  return `"${project}" is not a GitLab project path, like my-group/my-project.`;
}

/** The cluster's OIDC issuer, with or without `https://`. */
export function eksIssuerProblem(issuer: string): string | undefined {
  if (/^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/id\/[0-9A-Za-z]+$/.test(withoutScheme(issuer))) return undefined;
  return `"${issuer}" is not an EKS OIDC issuer, like oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE (aws eks describe-cluster --query cluster.identity.oidc.issuer).`;
}

/** A Kubernetes namespace (DNS-1123 label: no dots, 63 characters) or service account name (DNS-1123 subdomain). */
export function kubernetesNameProblem(name: string, what: 'namespace' | 'service account'): string | undefined {
  const valid = what === 'namespace' ? /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/ : /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/;
  if (valid.test(name)) return undefined;
  const allowed = what === 'namespace' ? 'up to 63 lower-case letters, digits and -' : 'lower-case letters, digits, - and .';
  return `"${name}" is not a Kubernetes ${what} name: ${allowed}, starting and ending with a letter or digit${name.includes('*') ? ' (no wildcards)' : ''}.`;
}

export function samlProviderArnProblem(arn: string): string | undefined {
  if (new RegExp(`^arn:${PARTITION}:iam::\\d{12}:saml-provider/[\\w.-]{1,128}$`).test(arn)) return fillInProblem(arn);
  return `"${arn}" is not a SAML provider ARN, like arn:aws:iam::111122223333:saml-provider/MyIdP.`;
}


/** Another OIDC issuer (host and path, with or without `https://`; IAM takes no port). */
export function oidcIssuerProblem(issuer: string): string | undefined {
  const host = withoutScheme(issuer).toLowerCase();
  if (WEB_IDENTITY_HOSTS.has(host)) return `${host} is built into IAM and needs no OIDC provider: its trust names "Federated": "${host}" (see the iam-trust-cognito-identity-pool snippet).`;
  if (/:\d+(\/|$)/.test(host)) return 'An IAM OIDC provider URL has no port.';
  if (/^[a-z0-9.-]+\.[a-z]{2,}(\/[\w.~%-]+)*$/.test(host)) return undefined;
  return `"${issuer}" is not an OIDC issuer URL, like https://token.example.com.`;
}

/** A value a claim condition compares exactly (audience, subject). */
export function claimValueProblem(value: string, claim: 'audience' | 'subject'): string | undefined {
  if (value.trim() === '') return `Give the ${claim} the token must carry.`;
  if (UNSAFE.test(value)) return `The ${claim} may not hold quotes, backslashes, line breaks or \${...} (IAM would read a policy variable).`;
  if (/^[*?]+$/.test(value)) return `A ${claim} of only wildcards lets every token of the issuer in.`;
  if (claim === 'audience' && /[*?]/.test(value)) return 'Give the exact audience: a pattern lets tokens meant for other applications in.';
  return fillInProblem(value);
}

export function withoutScheme(url: string): string {
  return url.replace(/^https:\/\//i, '').replace(/\/$/, '');
}

function fillInProblem(text: string): string | undefined {
  const words = fillIns(text);
  return words.length > 0 ? `Replace ${words.join(', ')} with the real value.` : undefined;
}
