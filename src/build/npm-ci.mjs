// Runs `npm ci` in the current directory only when node_modules is not what package-lock.json
// describes, so that a second ./mvnw spring-boot:run does not delete and reinstall the packages
// (2-15 seconds on a 2-core machine; docs/performance.md, "Start-up").
//   node npm-ci.mjs [npm ci arguments...]
// node_modules is up to date when it holds a stamp written after the last successful `npm ci`
// with the same package-lock.json and arguments, and every package the lock file names (but optional ones) is there.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const lock = readFileSync('package-lock.json');
const stampFile = 'node_modules/.carevoice-npm-ci';
const stamp = createHash('sha256').update(lock).update(JSON.stringify(args)).digest('hex');

// Optional packages (for another platform, say) may rightly be missing.
const packages = Object.entries(JSON.parse(lock.toString('utf8')).packages ?? {})
  .filter(([path, info]) => path.startsWith('node_modules/') && !info.optional)
  .map(([path]) => path);
const installed = existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === stamp
  && packages.every((path) => existsSync(`${path}/package.json`));

if (installed) {
  console.log(`npm packages up to date (${packages.length}, package-lock.json unchanged): npm ci skipped`);
} else {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', ...args], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) {
    throw result.error;
  }
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
  writeFileSync(stampFile, `${stamp}\n`);
}
