import type { ProviderId } from '../iam';

/**
 * A subject value in plain words, for the explanation: `repo:acme/web:ref:refs/heads/main` ->
 * "acme/web on branch main". Shapes we do not know are quoted as they are.
 */
export function subjectWords(provider: ProviderId | undefined, value: string): string {
  switch (provider) {
    case 'github':
      return github(value);
    case 'gitlab':
      return gitlab(value);
    case 'eks':
      return eks(value);
    case 'terraform':
      return terraform(value);
    default:
      return `subject "${value}"`;
  }
}

const any = (part: string) => /^\*+$/.test(part);

function github(value: string): string {
  const m = /^repo:([^:]+)(?::(.*))?$/.exec(value);
  if (!m) return `subject "${value}"`;
  const [owner, name = ''] = m[1].split('/');
  // The immutable form names owner and repository by id too (`acme@123/web@456`): the ids are what pins.
  const ids = /^[^@/]*@(\d+)\/[^@]*@(\d+)$/.exec(m[1]);
  if (ids && (any(owner.split('@')[0]) || any(name.split('@')[0]))) return `the repository with id ${ids[2]} (owner id ${ids[1]})${m[2] && !any(m[2]) ? ` (${m[2]})` : ''}`;
  if (any(owner)) return 'any repository';
  if (any(name)) return `any repository of ${owner}`;
  const repo = m[1].replace(/@\d+/g, '');
  const context = m[2] ?? '*';
  if (any(context)) return `${repo} (any branch, tag, environment or pull request)`;
  const branch = /^ref:refs\/heads\/(.+)$/.exec(context);
  if (branch) return any(branch[1]) ? `${repo} on any branch` : `${repo} on branch ${branch[1]}`;
  const tag = /^ref:refs\/tags\/(.+)$/.exec(context);
  if (tag) return any(tag[1]) ? `${repo} for any tag` : `${repo} for tag ${tag[1]}`;
  const environment = /^environment:(.+)$/.exec(context);
  if (environment) return any(environment[1]) ? `${repo} in any environment` : `${repo} in environment ${environment[1]}`;
  if (context === 'pull_request') return `${repo} for pull requests`;
  return `${repo} (${context})`;
}

function gitlab(value: string): string {
  const m = /^project_path:([^:]+)(?::ref_type:([^:]+):ref:(.+))?/.exec(value);
  if (!m) return `subject "${value}"`;
  const project = any(m[1].split('/').slice(1).join('/')) ? `any project of ${m[1].split('/')[0]}` : `project ${m[1]}`;
  if (!m[2]) return project;
  return any(m[3]) ? `${project} on any ${m[2]}` : `${project} on ${m[2]} ${m[3]}`;
}

function eks(value: string): string {
  const m = /^system:serviceaccount:([^:]+):(.+)$/.exec(value);
  if (!m) return `subject "${value}"`;
  if (any(m[1])) return any(m[2]) ? 'any service account' : `service account ${m[2]} in any namespace`;
  return any(m[2]) ? `any service account in namespace ${m[1]}` : `service account ${m[1]}/${m[2]}`;
}

function terraform(value: string): string {
  const field = (name: string) => new RegExp(`(?:^|:)${name}:([^:]+)`).exec(value)?.[1];
  const organization = field('organization');
  if (!organization) return `subject "${value}"`;
  const parts = [`organization ${organization}`];
  for (const name of ['project', 'workspace']) {
    const part = field(name);
    if (part && !any(part)) parts.push(`${name} ${part}`);
  }
  const phase = field('run_phase');
  return `${parts.join(', ')}${phase && !any(phase) ? ` (${phase} phase)` : ''}`;
}
