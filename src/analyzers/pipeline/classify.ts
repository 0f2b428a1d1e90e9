import type { YNode } from './yaml.js';
import { entry, get, str } from './yaml.js';

import type { PipelineKind } from './place.js';

export { isGitlabRoot, kindByPlace, type PipelineKind } from './place.js';

// Cheap text tests before any parse: most YAML in a repository (manifests, configs) fails all of them.
const HINT_WORKFLOW = /^["']?(?:on|true)["']?\s{0,4}:/m;
const HINT_JOBS = /^jobs\s{0,4}:/m;
const HINT_RUNS = /^runs\s{0,4}:/m;
const HINT_UPDATES = /^updates\s{0,4}:/m;
const HINT_GITLAB =
  /^[ \t]{1,12}(?:script|before_script|after_script|trigger|extends)\s{0,4}:|^(?:stages|include|workflow)\s{0,4}:/m;

/** True when the text may be a pipeline definition; false means "certainly not", without parsing. */
export function mayBePipeline(text: string): boolean {
  return (
    (HINT_JOBS.test(text) && HINT_WORKFLOW.test(text)) ||
    HINT_RUNS.test(text) ||
    HINT_UPDATES.test(text) ||
    HINT_GITLAB.test(text)
  );
}

const GITLAB_JOB_KEYS = [
  'stage',
  'image',
  'rules',
  'only',
  'except',
  'needs',
  'tags',
  'artifacts',
  'extends',
  'variables',
  'before_script',
  'after_script',
  'services',
  'when',
  'environment',
  'cache',
  'dependencies',
  'allow_failure',
  'interruptible',
  'id_tokens',
  'secrets',
];

/** The kind a parsed document has by its shape, or undefined. */
export function kindByShape(root: YNode | undefined): PipelineKind | undefined {
  if (root?.kind !== 'map') return undefined;
  const jobs = get(root, 'jobs');
  if ((entry(root, 'on') ?? entry(root, 'true')) && jobs?.kind === 'map') return 'workflow';
  const runs = get(root, 'runs');
  if (str(get(runs, 'using')) !== undefined) return 'action';
  if (get(root, 'updates')?.kind === 'seq' && str(get(root, 'version')) !== undefined) return 'dependabot';
  if (jobs !== undefined) return undefined; // Travis, CircleCI, Azure: not GitLab
  let jobsLike = 0;
  for (const [key, e] of root.entries) {
    if (e.value.kind !== 'map') continue;
    const hasScript = entry(e.value, 'script') !== undefined || entry(e.value, 'trigger') !== undefined;
    const hasJobKey = GITLAB_JOB_KEYS.some((k) => entry(e.value, k) !== undefined);
    if (
      (hasScript && hasJobKey) ||
      (hasScript && key.startsWith('.')) ||
      (hasScript && entry(root, 'stages'))
    )
      jobsLike++;
  }
  return jobsLike > 0 ? 'gitlab' : undefined;
}
