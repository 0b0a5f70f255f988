import type { TrustedEntity } from './types';

/**
 * Reads a `--trust` value of `iam-policy new-role`: `account:ID[,ID...]`, `role:ARN[,ARN...]`,
 * `user:ARN`, `service:PRINCIPAL[,PRINCIPAL...]`, `github:OWNER/REPO[:BRANCH]`,
 * `github:OWNER/REPO@env:ENVIRONMENT`, `eks:ISSUER:NAMESPACE:SERVICE_ACCOUNT`,
 * `gitlab:GROUP/PROJECT[:BRANCH]`, `saml:PROVIDER_ARN`, `oidc:ISSUER,aud=AUDIENCE,sub=SUBJECT`.
 * Only the shape is read here; the values are checked by the builder.
 */
export function parseTrustSpec(spec: string): TrustedEntity | { error: string } {
  const colon = spec.indexOf(':');
  const type = colon < 0 ? spec : spec.slice(0, colon);
  const rest = colon < 0 ? '' : spec.slice(colon + 1);
  const list = () => rest.split(',').map((v) => v.trim()).filter((v) => v !== '');
  const kinds = 'the kinds are account:, role:, user:, service:, github:, eks:, gitlab:, saml: and oidc:';
  if (!['account', 'role', 'user', 'service', 'github', 'gitlab', 'eks', 'saml', 'oidc'].includes(type)) return { error: `--trust ${spec}: ${kinds}` };
  if (rest === '') return { error: `--trust ${spec}: say which ${type}, like account:111122223333 or github:my-org/my-repo:main` };
  switch (type) {
    case 'account':
      return { type: 'account', accounts: list() };
    case 'role':
    case 'user':
      return { type: 'principal', arns: list() };
    case 'service':
      return { type: 'service', services: list() };
    case 'github': {
      const environment = /^(.*)@env:(.*)$/.exec(rest);
      if (environment) return { type: 'github', repository: environment[1], environment: environment[2] };
      const branch = rest.indexOf(':');
      return branch < 0 ? { type: 'github', repository: rest } : { type: 'github', repository: rest.slice(0, branch), branch: rest.slice(branch + 1) };
    }
    case 'gitlab': {
      const branch = rest.indexOf(':');
      return branch < 0 ? { type: 'gitlab', project: rest } : { type: 'gitlab', project: rest.slice(0, branch), branch: rest.slice(branch + 1) };
    }
    case 'eks': {
      // The issuer may carry https://, so the namespace and service account are the last two fields.
      const fields = rest.split(':');
      if (fields.length < 3) return { error: `--trust ${spec}: write eks:ISSUER:NAMESPACE:SERVICE_ACCOUNT` };
      return { type: 'eks', issuer: fields.slice(0, -2).join(':'), namespace: fields[fields.length - 2], serviceAccount: fields[fields.length - 1] };
    }
    case 'saml':
      return { type: 'saml', providerArn: rest };
    case 'oidc': {
      const [issuer, ...pairs] = rest.split(',');
      const usage = { error: `--trust ${spec}: write oidc:ISSUER,aud=AUDIENCE,sub=SUBJECT (no commas inside the values)` };
      const values = new Map<string, string>();
      for (const pair of pairs) {
        const equals = pair.indexOf('=');
        const key = pair.slice(0, equals).trim();
        if (equals < 0 || (key !== 'aud' && key !== 'sub') || values.has(key)) return usage;
        values.set(key, pair.slice(equals + 1).trim());
      }
      const audience = values.get('aud');
      const subject = values.get('sub');
      if (audience === undefined || subject === undefined) return usage;
      return { type: 'oidc', issuer, audience, subject };
    }
    default:
      return { error: `--trust ${spec}: ${kinds}` };
  }
}
