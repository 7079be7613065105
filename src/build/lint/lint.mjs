// Lints every model in processes/: BPMN with bpmnlint (recommended rules and the Camunda 7.24
// compatibility rules, .bpmnlintrc), DMN with dmnlint (recommended rules, .dmnlintrc).
// Exits non-zero when any model has an error, so `./mvnw verify` fails on a broken model.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const processes = resolve(here, '..', '..', '..', 'processes');
const files = readdirSync(processes).sort().map((name) => join(processes, name));
const bpmn = files.filter((file) => file.endsWith('.bpmn'));
const dmn = files.filter((file) => file.endsWith('.dmn'));

function run(tool, models) {
  if (models.length === 0) {
    return 0;
  }
  const bin = join(here, 'node_modules', '.bin', tool);
  const result = spawnSync(bin, models, { cwd: here, stdio: 'inherit' });
  if (result.error) {
    console.error(`${tool} could not run: ${result.error.message}`);
    return 1;
  }
  console.log(`${tool}: ${models.length} model(s) ${result.status === 0 ? 'passed' : 'FAILED'}`);
  return result.status;
}

const bpmnStatus = run('bpmnlint', bpmn);
const dmnStatus = run('dmnlint', dmn);
process.exit(bpmnStatus === 0 && dmnStatus === 0 ? 0 : 1);
