import { cloudFormation, inlinePolicyName, terraform, type RoleDefinition } from './infraCode';
import { githubSubject, gitlabSubject } from './trust';
import { ROLE_FILES, type RoleAnswers, type TrustedEntity } from './types';
import { withoutScheme } from './validate';

/** What the README is written from: the answers and what the builder resolved. */
export interface ReadmeInput {
  answers: RoleAnswers;
  role: RoleDefinition;
  roleArn: string;
  externalId: string | undefined;
  /** The trusted accounts that need the caller-side policy (account and role principals). */
  trustedAccounts: string[];
  /** "Who can assume this role", one line per trust statement (our trust explanation). */
  who: string[];
}

const fence = (language: string, ...lines: string[]) => ['', `\`\`\`${language}`, ...lines, '```', ''];
/** A shell command broken over lines at its options. */
const command = (...parts: string[]) => parts.join(' \\\n  ');
/** A value as one shell word: answers (an OIDC audience, a subject) may hold spaces or `;`. */
const sh = (value: string) => (/^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);
/** A value as a YAML scalar (JSON strings are YAML). */
const yaml = (value: string) => JSON.stringify(value);

const of = <T extends TrustedEntity['type']>(answers: RoleAnswers, type: T) => answers.trust.filter((e): e is Extract<TrustedEntity, { type: T }> => e.type === type);

/** The OIDC providers the role's account needs, with the client id (audience) they are created with. */
function oidcProviders(answers: RoleAnswers): { url: string; clientId: string }[] {
  const providers = new Map<string, string>();
  for (const entity of answers.trust) {
    if (entity.type === 'github') providers.set('https://token.actions.githubusercontent.com', 'sts.amazonaws.com');
    if (entity.type === 'gitlab') providers.set('https://gitlab.com', 'https://gitlab.com');
    if (entity.type === 'eks') providers.set(`https://${withoutScheme(entity.issuer)}`, 'sts.amazonaws.com');
    if (entity.type === 'oidc') providers.set(`https://${withoutScheme(entity.issuer)}`, entity.audience);
  }
  return [...providers].map(([url, clientId]) => ({ url, clientId }));
}

function createSection(input: ReadmeInput): string[] {
  const { answers, role } = input;
  const account = answers.account ?? '<account-id>';
  const lines = ['## Create the role', '', `With credentials of account ${account} (the role's account), in this folder:`];
  const providers = oidcProviders(answers);
  if (providers.length > 0) {
    lines.push('', 'The account needs the identity provider once (skip this if `aws iam list-open-id-connect-providers` shows it already):');
    lines.push(...fence('sh', ...providers.map((p) => command('aws iam create-open-id-connect-provider', `--url ${sh(p.url)}`, `--client-id-list ${sh(p.clientId)}`))));
  }
  const commands = [command('aws iam create-role', `--role-name ${answers.name}`, `--assume-role-policy-document file://${ROLE_FILES.trust}`)];
  if (role.maxSessionDuration !== undefined) commands.push(command('aws iam update-role', `--role-name ${answers.name}`, `--max-session-duration ${role.maxSessionDuration}`));
  for (const arn of role.managedPolicyArns) commands.push(command('aws iam attach-role-policy', `--role-name ${answers.name}`, `--policy-arn ${sh(arn)}`));
  if (role.permissionsPolicy) {
    commands.push(command('aws iam put-role-policy', `--role-name ${answers.name}`, `--policy-name ${inlinePolicyName(answers.name)}`, `--policy-document file://${ROLE_FILES.permissions}`));
  }
  lines.push(...fence('sh', ...commands));
  return lines;
}

function trustedAccountSection(input: ReadmeInput): string[] {
  if (input.trustedAccounts.length === 0) return [];
  const policyName = `Assume${input.answers.name}`.slice(0, 128);
  return [
    '## In the trusted account',
    '',
    `The trust policy lets account${input.trustedAccounts.length > 1 ? 's' : ''} ${input.trustedAccounts.join(', ')} in, but inside ${input.trustedAccounts.length > 1 ? 'each' : 'it'} only the users and roles whose own policies allow \`sts:AssumeRole\` on this role can use it. With credentials of the trusted account, create \`${ROLE_FILES.trustedAccount}\` as a policy and attach it to them:`,
    ...fence(
      'sh',
      command('aws iam create-policy', `--policy-name ${policyName}`, `--policy-document file://${ROLE_FILES.trustedAccount}`),
      command('aws iam attach-user-policy', '--user-name <user-name>', `--policy-arn arn:aws:iam::<trusted-account-id>:policy/${policyName}`),
    ),
    'Use `attach-group-policy` or `attach-role-policy` for groups and roles.',
    '',
  ];
}

function assumeSection(input: ReadmeInput): string[] {
  const { answers, roleArn, externalId } = input;
  if (input.trustedAccounts.length === 0) return [];
  const duration = answers.sessionDuration ?? input.role.maxSessionDuration;
  const mfaSerial = 'arn:aws:iam::<trusted-account-id>:mfa/<mfa-device-name>';
  const assume = [
    'aws sts assume-role',
    `--role-arn ${sh(roleArn)}`,
    `--role-session-name ${answers.name.slice(0, 50)}-session`,
    ...(answers.mfa ? [`--serial-number ${mfaSerial}`, '--token-code <code from the MFA device>'] : []),
    ...(externalId !== undefined ? [`--external-id ${sh(externalId)}`] : []),
    ...(duration !== undefined ? [`--duration-seconds ${duration}`] : []),
  ];
  const profile = [
    `[profile ${answers.name}]`,
    `role_arn = ${roleArn}`,
    'source_profile = default',
    ...(answers.mfa ? [`mfa_serial = ${mfaSerial}`] : []),
    ...(externalId !== undefined ? [`external_id = ${externalId}`] : []),
    ...(duration !== undefined ? [`duration_seconds = ${duration}`] : []),
  ];
  const lines = ['## Assume the role', '', 'From the trusted account:', ...fence('sh', command(...assume))];
  if (externalId !== undefined) {
    lines.push(`Give the third party the role ARN \`${roleArn}\` and the ExternalId \`${externalId}\`. The ExternalId is not a password, but use a different one for each customer role.`, '');
  }
  lines.push('Or as an AWS CLI profile, in `~/.aws/config` (`source_profile` names the profile with the trusted account\'s credentials):', ...fence('ini', ...profile));
  lines.push(...fence('sh', `aws sts get-caller-identity --profile ${answers.name}`));
  if (duration !== undefined && duration > 3600) lines.push('A role assumed from another role\'s session (role chaining) gets at most one hour, whatever the duration asked.', '');
  if (externalId !== undefined) {
    lines.push('The console cannot send an ExternalId, so this role cannot be switched to in the console.', '');
  } else {
    const account = answers.account ?? '<account-id>';
    const url = `https://signin.aws.amazon.com/switchrole?roleName=${encodeURIComponent(answers.name)}&account=${account}&displayName=${encodeURIComponent(`${answers.name} (${account})`)}`;
    lines.push(`In the console, switch to the role with this link${answers.mfa ? ' (sign in with MFA first)' : ''}:`, '', `<${url}>`, '');
  }
  return lines;
}

function workloadSection(input: ReadmeInput): string[] {
  const { answers, roleArn } = input;
  const lines: string[] = [];
  for (const entity of of(answers, 'github')) {
    const subject = githubSubject(entity);
    lines.push(`## Use it from GitHub Actions (${entity.repository})`, '', `The trust policy accepts tokens whose subject is \`${subject}\`. In a workflow of that repository:`);
    lines.push(
      ...fence(
        'yaml',
        'on:',
        ...(entity.branch !== undefined && !entity.branch.includes('*') ? ['  push:', `    branches: [${yaml(entity.branch)}]`] : ['  workflow_dispatch:']),
        'permissions:',
        '  id-token: write # lets the job request the OIDC token',
        '  contents: read',
        'jobs:',
        '  deploy:',
        '    runs-on: ubuntu-latest',
        ...(entity.environment !== undefined ? [`    environment: ${yaml(entity.environment)}`] : []),
        '    steps:',
        '      - uses: aws-actions/configure-aws-credentials@v5',
        '        with:',
        `          role-to-assume: ${yaml(roleArn)}`,
        '          aws-region: us-east-1',
        '      - run: aws sts get-caller-identity',
      ),
    );
  }
  for (const entity of of(answers, 'gitlab')) {
    lines.push(`## Use it from GitLab CI/CD (${entity.project})`, '', `The trust policy accepts tokens whose subject is \`${gitlabSubject(entity)}\`. In \`.gitlab-ci.yml\`:`);
    lines.push(
      ...fence(
        'yaml',
        'assume-role:',
        '  id_tokens:',
        '    GITLAB_OIDC_TOKEN:',
        '      aud: https://gitlab.com',
        '  script:',
        `    - aws sts assume-role-with-web-identity --role-arn ${roleArn} --role-session-name "gitlab-$CI_PIPELINE_ID" --web-identity-token "$GITLAB_OIDC_TOKEN"`,
      ),
    );
  }
  for (const entity of of(answers, 'eks')) {
    lines.push(`## Use it from the service account ${entity.namespace}/${entity.serviceAccount}`, '', 'Annotate the Kubernetes service account (IAM roles for service accounts):');
    lines.push(
      ...fence(
        'yaml',
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata:',
        `  name: ${yaml(entity.serviceAccount)}`,
        `  namespace: ${yaml(entity.namespace)}`,
        '  annotations:',
        `    eks.amazonaws.com/role-arn: ${yaml(roleArn)}`,
      ),
    );
  }
  for (const entity of of(answers, 'saml')) {
    lines.push(
      '## Sign in through the SAML identity provider',
      '',
      `Have the identity provider send the attribute \`https://aws.amazon.com/SAML/Attributes/Role\` with the value \`${roleArn},${entity.providerArn}\`, and \`https://aws.amazon.com/SAML/Attributes/RoleSessionName\` with the user's name.`,
      '',
    );
  }
  for (const entity of of(answers, 'oidc')) {
    lines.push(`## Use it with tokens of ${withoutScheme(entity.issuer)}`, '', 'Exchange a token of the provider (audience and subject as in the trust policy) for the role\'s credentials:');
    lines.push(...fence('sh', command('aws sts assume-role-with-web-identity', `--role-arn ${sh(roleArn)}`, `--role-session-name ${answers.name.slice(0, 50)}-session`, '--web-identity-token "$TOKEN"')));
  }
  const services = of(answers, 'service').flatMap((e) => e.services);
  if (services.length > 0) {
    lines.push('## Let the service use it', '', `${services.join(', ')} assume${services.length === 1 ? 's' : ''} the role when you give it to a resource:`, '');
    if (services.includes('ec2.amazonaws.com')) {
      lines.push(
        'EC2 instances get roles through an instance profile:',
        ...fence(
          'sh',
          command('aws iam create-instance-profile', `--instance-profile-name ${answers.name}`),
          command('aws iam add-role-to-instance-profile', `--instance-profile-name ${answers.name}`, `--role-name ${answers.name}`),
        ),
      );
    }
    if (services.includes('pods.eks.amazonaws.com')) {
      lines.push(
        'EKS Pod Identity (the cluster runs the Pod Identity Agent add-on):',
        ...fence('sh', command('aws eks create-pod-identity-association', '--cluster-name <cluster>', '--namespace <namespace>', '--service-account <service-account>', `--role-arn ${roleArn}`)),
      );
    }
    lines.push(`Elsewhere, pass the role ARN \`${roleArn}\` where the service asks for its role (a Lambda function's execution role, an ECS task definition's \`taskRoleArn\`...). The caller needs \`iam:PassRole\` on it.`, '');
  }
  return lines;
}

/** The README next to the generated files: what they are, and every command to create and use the role. */
export function roleReadme(input: ReadmeInput): string {
  const { answers, role } = input;
  const files = [
    `- \`${ROLE_FILES.trust}\`: who can assume the role (the trust policy).`,
    ...(role.permissionsPolicy ? [`- \`${ROLE_FILES.permissions}\`: what the role can do (an inline policy).`] : []),
    ...(role.managedPolicyArns.length > 0 ? [`- Managed policies to attach: ${role.managedPolicyArns.map((a) => `\`${a.slice(a.lastIndexOf('/') + 1)}\``).join(', ')}.`] : []),
    ...(input.trustedAccounts.length > 0 ? [`- \`${ROLE_FILES.trustedAccount}\`: for the trusted account, letting its users and roles assume this one.`] : []),
  ];
  const lines = [
    `# Role ${answers.name}`,
    '',
    `\`${input.roleArn}\`, generated by IAM Policy Studio. Lint the files again after any change: \`iam-policy lint .\``,
    '',
    '## Who can assume it',
    '',
    ...input.who.map((w) => `- ${w}`),
    '',
    '## Files',
    '',
    ...files,
    '',
    ...createSection(input),
    ...trustedAccountSection(input),
    ...assumeSection(input),
    ...workloadSection(input),
    '## CloudFormation',
    '',
    'The same role as a template (`aws cloudformation deploy --template-file role.yaml --stack-name <stack> --capabilities CAPABILITY_NAMED_IAM`):',
    ...fence('yaml', cloudFormation(role)),
    '## Terraform',
    '',
    'The same role, reading the JSON files next to the module:',
    ...fence('hcl', terraform(role)),
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
