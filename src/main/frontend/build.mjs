// Copies NHS.UK frontend's built CSS, JavaScript and images from node_modules into the
// application's static resources, so nothing of the package is kept in the repository.
//   node build.mjs <static-output-directory>
// The stylesheet refers to its images as /assets/images/..., so they go to /assets.
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const out = resolve(process.argv[2] ?? '../../../target/classes/static');
const dist = resolve('node_modules/nhsuk-frontend/dist/nhsuk');
const { version } = JSON.parse(readFileSync('node_modules/nhsuk-frontend/package.json', 'utf8'));

mkdirSync(join(out, 'nhsuk'), { recursive: true });
for (const file of ['nhsuk-frontend.min.css', 'nhsuk-frontend.min.css.map', 'nhsuk-frontend.min.js',
  'nhsuk-frontend.min.js.map']) {
  cpSync(join(dist, file), join(out, 'nhsuk', file));
}
cpSync(join(dist, 'assets'), join(out, 'assets'), { recursive: true });
console.log(`nhsuk-frontend ${version} copied to ${out}`);
