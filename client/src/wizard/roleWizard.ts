import type * as vscode from 'vscode';
import { SERVICE_PRINCIPALS } from '../../../server/src/core/iam/servicePrincipals';
import type { CatalogAction, RoleCatalog } from '../../../server/src/core/role/catalog';
import type { RoleAnswers, TrustedEntity, TrustedEntityType } from '../../../server/src/core/role/types';
import * as checks from '../../../server/src/core/role/validate';
import { MultiStepInput, type Step } from './multiStepInput';

/** What the wizard needs from the language server (the IAM data and the builder live there). */
export interface WizardBackend {
  catalog(): Promise<RoleCatalog>;
  serviceActions(service: string): Promise<CatalogAction[]>;
  /** Builds and writes the role; a message when the answers are refused (shown on the last step). */
  create(answers: RoleAnswers, folder: string): Promise<string | undefined>;
  /** The folder a new role's files go to, by default. */
  defaultFolder(name: string): string;
}

interface State extends Omit<RoleAnswers, 'trust'> {
  entityType?: TrustedEntityType;
  entity?: TrustedEntity;
  /** ARN formats of the picked actions, to prefill the resources. */
  resourceHints?: string[];
}

type Item<T> = vscode.QuickPickItem & { value: T };

const ENTITIES: Item<TrustedEntityType>[] = [
  { label: 'AWS account', value: 'account', detail: 'People or a third party in another account; requires MFA or an ExternalId' },
  { label: 'IAM role or user', value: 'principal', detail: 'Specific roles or users, in this or another account' },
  { label: 'AWS service', value: 'service', detail: 'EC2, Lambda, ECS tasks, EKS Pod Identity and other services' },
  { label: 'GitHub Actions', value: 'github', detail: 'Workflows of one repository, pinned to a branch or an environment' },
  { label: 'EKS service account', value: 'eks', detail: "Pods of a Kubernetes service account, through the cluster's OIDC provider (IRSA)" },
  { label: 'GitLab CI/CD', value: 'gitlab', detail: 'Pipelines of one gitlab.com project' },
  { label: 'SAML provider', value: 'saml', detail: 'Users of your identity provider signing in to the console or the CLI' },
  { label: 'Other OIDC provider', value: 'oidc', detail: 'Tokens of another OpenID Connect issuer, with a fixed audience and subject' },
];

const DURATIONS: Item<number | undefined>[] = [
  { label: '1 hour', description: "IAM's default", value: undefined },
  ...[2, 4, 8, 12].map((hours) => ({ label: `${hours} hours`, value: hours * 3600 })),
];

/** "a, b,c" -> ['a', 'b', 'c'] */
const splitList = (value: string) => value.split(/[\s,]+/).filter((v) => v !== '');
const firstProblem = (values: string[], check: (v: string) => string | undefined) => values.map(check).find((p) => p !== undefined);
const isCaller = (type: TrustedEntityType | undefined) => type === 'account' || type === 'principal';

/**
 * Asks for a role step by step (name, account, who can assume it and how, protections, permissions,
 * folder) and creates it through the backend. Resolves true when the role was written.
 */
export async function runRoleWizard(backend: WizardBackend): Promise<boolean> {
  const state: State = { name: '' };
  let catalog: Promise<RoleCatalog> | undefined;
  const total = () => 6 + (isCaller(state.entityType) ? 2 : 0) + (state.actions?.length ? 1 : 0);

  const askName: Step = async (input) => {
    state.name = await input.showInputBox({ totalSteps: total(), prompt: 'The name of the role', placeholder: 'SecurityAuditor', value: state.name, validate: checks.roleNameProblem });
    catalog ??= backend.catalog();
    return askAccount;
  };
  const askAccount: Step = async (input) => {
    state.account = await input.showInputBox({
      totalSteps: total(),
      prompt: 'The 12-digit id of the account the role is created in',
      placeholder: '111122223333',
      value: state.account,
      validate: checks.accountIdProblem,
    });
    return askEntity;
  };
  const askEntity: Step = async (input) => {
    const picked = await input.showQuickPick({ totalSteps: total(), placeholder: 'Who can assume the role?', items: ENTITIES, activeItem: ENTITIES.find((e) => e.value === state.entityType) });
    state.entityType = picked.value;
    return entitySteps[picked.value];
  };

  const afterEntity = (entity: TrustedEntity): Step => {
    state.entity = entity;
    if (!isCaller(entity.type)) {
      state.mfa = false;
      delete state.externalId;
    }
    return isCaller(entity.type) ? askProtections : askDuration;
  };
  const listStep =
    (prompt: string, placeholder: string, check: (v: string) => string | undefined, make: (values: string[]) => TrustedEntity): Step =>
    async (input) => {
      const value = await input.showInputBox({ totalSteps: total(), prompt, placeholder, validate: (v) => firstProblem(splitList(v), check) });
      return afterEntity(make(splitList(value)));
    };
  const askService: Step = async (input) => {
    const items: Item<string>[] = SERVICE_PRINCIPALS.filter((s) => s.usedIn.includes('trust')).map((s) => ({ label: s.principal, detail: s.description, value: s.principal }));
    const picked = await input.showQuickPickMany({ totalSteps: total(), placeholder: 'The services that assume the role (Space to select, Enter to go on)', items, matchOnDetail: true });
    if (picked.length === 0) return askService;
    return afterEntity({ type: 'service', services: picked.map((p) => p.value) });
  };
  const askGitHub: Step = async (input) => {
    const repository = await input.showInputBox({ totalSteps: total(), prompt: 'The GitHub repository (owner/repository)', placeholder: 'my-org/my-repo', validate: checks.githubRepositoryProblem });
    const pins: Item<'branch' | 'environment' | 'any'>[] = [
      { label: 'A branch', detail: 'Workflow runs on one branch (or a pattern like release/*)', value: 'branch' },
      { label: 'An environment', detail: 'Jobs that deploy to one GitHub environment (its protection rules apply)', value: 'environment' },
      { label: 'Any branch, tag or pull request', detail: 'Every workflow run of the repository', value: 'any' },
    ];
    const pin = await input.showQuickPick({ totalSteps: total(), placeholder: `Which runs of ${repository}?`, items: pins });
    if (pin.value === 'any') return afterEntity({ type: 'github', repository });
    const isBranch = pin.value === 'branch';
    const value = await input.showInputBox({
      totalSteps: total(),
      prompt: isBranch ? 'The branch' : 'The environment',
      value: isBranch ? 'main' : 'production',
      validate: isBranch ? checks.branchProblem : checks.environmentProblem,
    });
    return afterEntity(isBranch ? { type: 'github', repository, branch: value } : { type: 'github', repository, environment: value });
  };
  const askEks: Step = async (input) => {
    const issuer = await input.showInputBox({
      totalSteps: total(),
      prompt: "The cluster's OIDC issuer (aws eks describe-cluster --query cluster.identity.oidc.issuer)",
      placeholder: 'https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE',
      validate: checks.eksIssuerProblem,
    });
    const namespace = await input.showInputBox({ totalSteps: total(), prompt: 'The Kubernetes namespace', value: 'default', validate: (v) => checks.kubernetesNameProblem(v, 'namespace') });
    const serviceAccount = await input.showInputBox({ totalSteps: total(), prompt: 'The service account', validate: (v) => checks.kubernetesNameProblem(v, 'service account') });
    return afterEntity({ type: 'eks', issuer, namespace, serviceAccount });
  };
  const askGitLab: Step = async (input) => {
    const project = await input.showInputBox({ totalSteps: total(), prompt: 'The gitlab.com project (group/project)', placeholder: 'my-group/my-project', validate: checks.gitlabProjectProblem });
    const branch = await input.showInputBox({ totalSteps: total(), prompt: 'The branch (Enter on an empty box for every ref)', value: 'main', validate: (v) => (v === '' ? undefined : checks.branchProblem(v)) });
    return afterEntity(branch === '' ? { type: 'gitlab', project } : { type: 'gitlab', project, branch });
  };
  const askSaml: Step = async (input) => {
    const providerArn = await input.showInputBox({ totalSteps: total(), prompt: 'The SAML provider ARN', placeholder: `arn:aws:iam::${state.account}:saml-provider/MyIdP`, validate: checks.samlProviderArnProblem });
    return afterEntity({ type: 'saml', providerArn });
  };
  const askOidc: Step = async (input) => {
    const issuer = await input.showInputBox({ totalSteps: total(), prompt: 'The issuer URL', placeholder: 'https://token.example.com', validate: checks.oidcIssuerProblem });
    const audience = await input.showInputBox({ totalSteps: total(), prompt: 'The audience (aud) the tokens carry', validate: (v) => checks.claimValueProblem(v, 'audience') });
    const subject = await input.showInputBox({ totalSteps: total(), prompt: 'The subject (sub) the tokens carry', validate: (v) => checks.claimValueProblem(v, 'subject') });
    return afterEntity({ type: 'oidc', issuer, audience, subject });
  };
  const entitySteps: Record<TrustedEntityType, Step> = {
    account: listStep('The trusted account ids (comma-separated)', '444455556666', checks.accountIdProblem, (accounts) => ({ type: 'account', accounts })),
    principal: listStep('The role or user ARNs (comma-separated)', 'arn:aws:iam::444455556666:role/Deployer', checks.principalArnProblem, (arns) => ({ type: 'principal', arns })),
    service: askService,
    github: askGitHub,
    eks: askEks,
    gitlab: askGitLab,
    saml: askSaml,
    oidc: askOidc,
  };

  const askProtections: Step = async (input) => {
    const options: Item<{ mfa: boolean; externalId: boolean }>[] = [
      { label: 'Require MFA', detail: 'People who signed in with MFA (aws:MultiFactorAuthPresent)', value: { mfa: true, externalId: false } },
      { label: 'Require an ExternalId', detail: "A third party's service, against the confused deputy problem (sts:ExternalId)", value: { mfa: false, externalId: true } },
      { label: 'Require both', value: { mfa: true, externalId: true } },
      ...(state.entityType === 'principal' ? [{ label: 'Neither', detail: 'The named roles and users are enough', value: { mfa: false, externalId: false } }] : []),
    ];
    const picked = await input.showQuickPick({ totalSteps: total(), placeholder: 'How must callers prove who they are?', items: options });
    state.mfa = picked.value.mfa;
    if (!picked.value.externalId) {
      delete state.externalId;
      return askDuration;
    }
    const how = await input.showQuickPick({
      totalSteps: total(),
      placeholder: 'The ExternalId',
      items: [
        { label: 'Generate one', detail: '32 random letters and digits, shown when the role is created', value: true },
        { label: 'Enter the one the third party gave you', value: false },
      ],
    });
    state.externalId = how.value
      ? { generate: true }
      : await input.showInputBox({ totalSteps: total(), prompt: 'The ExternalId', validate: checks.externalIdProblem });
    return askDuration;
  };
  const askDuration: Step = async (input) => {
    const picked = await input.showQuickPick({ totalSteps: total(), placeholder: 'The maximum session duration', items: DURATIONS, activeItem: DURATIONS.find((d) => d.value === state.maxSessionDuration) });
    state.maxSessionDuration = picked.value;
    return askManagedPolicies;
  };
  const askManagedPolicies: Step = async (input) => {
    const { managedPolicies } = await (catalog ??= backend.catalog());
    const items: Item<string>[] = managedPolicies.map((p) => ({ label: p.name, description: p.path === '/' ? undefined : p.path, detail: p.summary, value: p.arn }));
    const picked = await input.showQuickPickMany({
      totalSteps: total(),
      placeholder: 'AWS managed policies to attach (Space to select, Enter to go on; none is fine)',
      items,
      selected: items.filter((i) => state.managedPolicies?.includes(i.value)),
      matchOnDescription: true,
    });
    state.managedPolicies = picked.map((p) => p.value);
    return askInline;
  };
  const askInline: Step = async (input) => {
    const actions = state.actions ?? [];
    const items: Item<'done' | 'add' | 'clear'>[] = [
      { label: actions.length > 0 ? `Done: ${actions.length} action${actions.length > 1 ? 's' : ''}` : 'No inline policy', detail: actions.join(', ') || undefined, value: 'done' },
      { label: 'Add actions...', detail: 'Pick a service, then its actions', value: 'add' },
      ...(actions.length > 0 ? [{ label: 'Remove the actions', value: 'clear' as const }] : []),
    ];
    const picked = await input.showQuickPick({ totalSteps: total(), placeholder: 'Actions of an inline permissions policy', items });
    if (picked.value === 'clear') state.actions = [];
    if (picked.value !== 'done') return picked.value === 'add' ? askActions : askInline;
    return actions.length > 0 ? askResources : askFolder;
  };
  const askActions: Step = async (input) => {
    const { services } = await (catalog ??= backend.catalog());
    const serviceItems: Item<string>[] = services.map((s) => ({ label: s.prefix, description: s.name, value: s.prefix }));
    const service = await input.showQuickPick({ totalSteps: total(), placeholder: 'The service', items: serviceItems, matchOnDescription: true });
    const actions = await backend.serviceActions(service.value);
    const items: Item<string>[] = [
      { label: `${service.value}:*`, description: 'every action of the service', value: `${service.value}:*` },
      ...actions.map((a) => ({ label: a.action, description: a.accessLevel, detail: a.description, value: a.action })),
    ];
    const picked = await input.showQuickPickMany({ totalSteps: total(), placeholder: `Actions of ${service.description ?? service.value} (Space to select, Enter to add them)`, items, selected: items.filter((i) => state.actions?.includes(i.value)) });
    state.actions = [...new Set([...(state.actions ?? []).filter((a) => !a.startsWith(`${service.value}:`)), ...picked.map((p) => p.value)])];
    state.resourceHints = [...new Set([...(state.resourceHints ?? []), ...actions.filter((a) => state.actions?.includes(a.action)).flatMap((a) => (a.resourceArns.length > 0 ? a.resourceArns : ['*']))])];
    return askInline;
  };
  const askResources: Step = async (input) => {
    const hints = (state.resourceHints ?? []).map((arn) => arn.replace('${Partition}', 'aws').replace('${Account}', state.account ?? '${Account}'));
    const value = await input.showInputBox({
      totalSteps: total(),
      prompt: `The resources, comma-separated: replace each \${...} (formats: ${hints.slice(0, 4).join(', ') || '*'})`,
      value: state.resources?.join(', ') ?? hints.slice(0, 2).join(', '),
      validate: (v) => firstProblem(splitList(v), (r) => (r.includes('${') ? `Replace ${/\$\{[^{}]*\}/.exec(r)?.[0] ?? '${...}'} in ${r} with the real value.` : undefined)),
    });
    state.resources = splitList(value);
    return askFolder;
  };
  const askFolder: Step = async (input) => {
    await input.showInputBox({
      totalSteps: total(),
      prompt: 'The folder to write the files into (relative to the workspace); Enter creates the role',
      value: backend.defaultFolder(state.name),
      validate: (v) => (v === '' ? 'Give a folder.' : undefined),
      accept: (folder) => backend.create(answersOf(state), folder),
    });
    return undefined;
  };
  return MultiStepInput.run('IAM Policy: Create Role', askName);
}

function answersOf(state: State): RoleAnswers {
  const { entityType: _type, entity, resourceHints: _hints, ...answers } = state;
  return { ...answers, trust: entity ? [entity] : [] };
}
