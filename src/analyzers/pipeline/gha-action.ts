import { EMPTY_SCOPE } from './expressions.js';
import { checkCondition } from './gha-conditions.js';
import { checkExpressions } from './gha-document.js';
import type { Wf } from './gha-scope.js';
import { checkStep, type JobState } from './gha-steps.js';
import { checkImage } from './gha-uses.js';
import type { YNode } from './yaml.js';
import { entry, get, items, str } from './yaml.js';

/**
 * Checks an action definition (`action.yml`): composite steps like workflow steps, with every input
 * treated as caller-controlled text; a Docker action's image pinning. Returns false when `runs.using` is
 * missing (not an action the analyzer can read).
 */
export function checkAction(wf: Wf, root: YNode): boolean {
  const runs = get(root, 'runs');
  const using = str(get(runs, 'using'));
  if (using === undefined) return false;
  checkExpressions(wf, root);
  if (using === 'docker') {
    const image = entry(runs, 'image');
    const v = str(image?.value);
    if (image && v?.startsWith('docker://'))
      checkImage(wf, v.slice('docker://'.length), image.keyLine, 'the Docker action', 'action:image');
    return true;
  }
  if (using !== 'composite') return true;
  const inputs = get(root, 'inputs');
  const names = new Set(inputs?.kind === 'map' ? [...inputs.entries.keys()].map((k) => k.toLowerCase()) : []);
  const js: JobState = {
    wf,
    jobId: 'action',
    where: 'action',
    scope: { ...EMPTY_SCOPE, inputs: names.size > 0 ? names : 'all', inputKind: 'action input' },
    steps: new Map(),
    secretEnv: new Set(),
    shell: 'bash',
    // A composite action runs inside whatever job calls it, secrets and token included.
    privileged: true,
    sameRepoGuard: false,
    publishes: [],
    caches: [],
    usesOidc: false,
  };
  items(get(runs, 'steps')).forEach((step, i) => {
    checkCondition(
      wf,
      entry(step, 'if'),
      `action step ${str(get(step, 'name')) ?? str(get(step, 'id')) ?? i + 1}`,
    );
    checkStep(js, step, i);
  });
  return true;
}
