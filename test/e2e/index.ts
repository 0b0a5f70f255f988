// The test payload that runs inside the extension host (code-server here, VS Code desktop with
// `npm run test:electron`): loads every compiled *.test.js next to this file into mocha.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const files = readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = runner.stats?.passes ?? 0;
      // The plain closing line CI reads, whatever the reporter printed above it.
      console.log(`e2e: ${passed} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed`));
      else if (passed === 0) reject(new Error('no end-to-end test ran'));
      else resolve();
    });
  });
}
