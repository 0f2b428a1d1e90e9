import type { FileRef } from '../../core/analyzer.js';

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

// GitHub runs a workflow only from `.github/workflows/` itself (not a subfolder of it), and offers an organisation's
// templates from `.github/workflow-templates/` for its repositories to copy. A workflow-shaped file anywhere else
// under a `.github/` folder (`.github/disabled-workflows/docker.yml`, `.github/workflows/old/ci.yml`) is one GitHub
// never runs: a team parks a workflow there to switch it off. Outside `.github/` (a file passed by path, a
// generator's `templates/ci.yml`) the place says nothing, and the file is read as a workflow.
const GITHUB_DIR = /(?:^|\/)\.github\//i;
const TEMPLATE_DIR = /(?:^|\/)\.github\/workflow-templates\/[^/]{1,255}\.ya?ml$/i;

/** True for a workflow-shaped file under `.github/` that GitHub never runs (not in `workflows/` or `workflow-templates/`). */
export function isParkedWorkflow(path: string): boolean {
  return GITHUB_DIR.test(path) && !WORKFLOW_DIR.test(path) && !TEMPLATE_DIR.test(path);
}

/** True for the root of a GitLab CI configuration (`.gitlab-ci.yml` and variants). */
export function isGitlabRoot(path: string): boolean {
  return GITLAB_NAME.test(path);
}

const YAML_EXT = new Set(['yml', 'yaml']);

/**
 * The files the pipeline analyzer reads. Any YAML may be a pipeline wherever it sits (a workflow
 * passed by path, an included GitLab file): the decision by content happens in analyze(), after a
 * cheap text test. Kept apart from the analyzer so that a pre-commit scan can ask without loading it.
 */
export function matchesPipeline(file: FileRef): boolean {
  return YAML_EXT.has(file.ext) || kindByPlace(file.path) !== undefined;
}
