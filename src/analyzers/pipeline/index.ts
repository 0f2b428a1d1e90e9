import type { Analyzer, AnalyzerContext, ProjectContext, SourceFile } from '../../core/analyzer.js';
import type { RawFinding } from '../../core/finding.js';
import { checkKnownVulnerable, hasAdvisoryDb } from './advisories.js';
import { kindByPlace, kindByShape, mayBePipeline, type PipelineKind } from './classify.js';
import { isParkedWorkflow, matchesPipeline } from './place.js';
import { checkDependabot } from './dependabot.js';
import { checkAction } from './gha-action.js';
import { workflowState } from './gha-scope.js';
import { checkWorkflow } from './gha-workflow.js';
import { gitlabLocalIncludes } from './gitlab-includes.js';
import { checkGitlab } from './gitlab.js';
import { pipelineOptions } from './options.js';
import { profileOption } from '../../core/profile.js';
import { Reporter } from './report.js';
import { PIPELINE_RULES } from './rules.js';
import { parseYamlDocs, type YDoc } from './yaml.js';

export { pipelineOptions } from './options.js';

const WHAT: Record<PipelineKind, string> = {
  workflow: 'a GitHub Actions workflow (`on:` and `jobs:`)',
  action: 'an action definition (`runs.using`)',
  gitlab: 'a GitLab CI configuration (jobs with `script:`)',
  dependabot: 'a Dependabot configuration (`version: 2`, `updates:`)',
};

const gitlabRoots = new WeakMap<ReadonlySet<string>, boolean>();

/** True when the scan holds a GitLab CI root (asked once per scan and worker, not per file). */
function hasGitlabRoot(paths: ReadonlySet<string>): boolean {
  let v = gitlabRoots.get(paths);
  if (v === undefined) {
    v = [...paths].some((p) => kindByPlace(p) === 'gitlab');
    gitlabRoots.set(paths, v);
  }
  return v;
}

/** What the file is: by place first, then (for any YAML) by content; undefined for other YAML. */
async function classify(
  file: SourceFile,
  ctx: AnalyzerContext,
): Promise<{ place?: PipelineKind; hint: boolean; included?: string }> {
  const place = kindByPlace(file.path);
  if (place) return { place, hint: true };
  if (mayBePipeline(file.text)) return { hint: true };
  if (!hasGitlabRoot(ctx.paths)) return { hint: false };
  const from = (await gitlabLocalIncludes(ctx)).get(file.path);
  return from !== undefined ? { place: 'gitlab', hint: true, included: from } : { hint: false };
}

/** CI/CD definitions: GitHub Actions workflows and actions, GitLab CI (with local includes), Dependabot. */
export const pipelineAnalyzer: Analyzer = {
  id: 'pipeline',
  description: 'CI/CD pipeline definitions: GitHub Actions workflows and actions, GitLab CI, Dependabot',
  rules: PIPELINE_RULES,
  matches: matchesPipeline,

  prepare(ctx: ProjectContext): Promise<void> {
    if (!hasAdvisoryDb(ctx.options))
      ctx.warn(
        'no advisory database: actions were checked only against the built-in list of compromised versions, not OSV advisories (run `vanguard db update --ecosystems "GitHub Actions"`)',
      );
    if (ctx.requested)
      ctx.warn(
        'impostor commits (a SHA that exists only in a fork) and archived action repositories were not checked: that needs the GitHub API, and scans stay offline',
      );
    return Promise.resolve();
  },

  async analyze(file: SourceFile, ctx: AnalyzerContext): Promise<RawFinding[]> {
    const { place, hint, included } = await classify(file, ctx);
    if (!hint) return [];
    let docs: YDoc[];
    try {
      docs = parseYamlDocs(file.text);
    } catch (err) {
      // Only a file whose place says it is a pipeline is lost coverage; other YAML (a Helm template) is not ours.
      if (place !== undefined) throw err;
      ctx.warn(`${file.path} looks like a CI definition but is not valid YAML: ${(err as Error).message}`);
      return [];
    }
    const rep = new Reporter(file);
    const opts = {
      ...pipelineOptions(ctx.options),
      audit: profileOption('pipeline', ctx.options) === 'audit',
    };
    let recognised = false;
    for (const doc of docs) {
      if (!doc.root) continue;
      const kind = kindByShape(doc.root) ?? (place === 'gitlab' ? 'gitlab' : undefined);
      if (kind === undefined) continue;
      if (place !== undefined && kind !== place && !(place === 'action' && kind === 'workflow')) {
        ctx.warn(
          `${file.path} sits where ${WHAT[place]} belongs but reads as ${WHAT[kind]}; analyzed as the latter`,
        );
      }
      recognised = true;
      // A workflow GitHub never runs (place.ts): nothing in it can run, so nothing is reported; said once.
      if (kind === 'workflow' && place === undefined && isParkedWorkflow(file.path)) {
        ctx.warn(
          `${file.path} reads as a workflow but sits outside .github/workflows/, where GitHub never runs it: not analyzed`,
        );
        continue;
      }
      if (kind === 'workflow' || kind === 'action') {
        const wf = workflowState(rep, file, opts, doc.root, kind);
        if (kind === 'workflow') checkWorkflow(wf, doc.root);
        else checkAction(wf, doc.root);
        await checkKnownVulnerable(wf, ctx.options);
      } else if (kind === 'gitlab') checkGitlab(rep, doc.root, ctx, opts.strictPinning);
      else checkDependabot(rep, doc.root);
    }
    // Recognised by place but not analyzable: said, not silent (a broken workflow GitHub would also reject).
    if (!recognised && place !== undefined && (place !== 'gitlab' || included === undefined))
      ctx.warn(`${file.path} is not ${WHAT[place]}: nothing in it was analyzed`);
    return rep.findings;
  },
};
