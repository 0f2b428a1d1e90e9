import type { YNode } from './yaml.js';
import { entry, get, str } from './yaml.js';

/** What a YAML file is to the pipeline analyzer. */
export type PipelineKind = 'workflow' | 'action' | 'gitlab' | 'dependabot';

const WORKFLOW_DIR = /(?:^|\/)\.github\/workflows\/[^/]{1,255}\.ya?ml$/i;
const GITLAB_NAME = /(?:^|\/)(?:[^/]{0,200}\.)?gitlab-ci\.ya?ml$/i;
const ACTION_NAME = /(?:^|\/)action\.ya?ml$/i;
const DEPENDABOT_NAME = /(?:^|\/)\.github\/dependabot\.ya?ml$/i;

/** The kind a file's place promises (a workflow directory, `action.yml`, `.gitlab-ci.yml`, `dependabot.yml`). */
export function kindByPlace(path: string): PipelineKind | undefined {
  if (WORKFLOW_DIR.test(path)) return 'workflow';
  if (GITLAB_NAME.test(path)) return 'gitlab';
  if (ACTION_NAME.test(path)) return 'action';
  if (DEPENDABOT_NAME.test(path)) return 'dependabot';
  return undefined;
}

/** True for the root of a GitLab CI configuration (`.gitlab-ci.yml` and variants). */
export function isGitlabRoot(path: string): boolean {
  return GITLAB_NAME.test(path);
}

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
