import type { Analyzer, AnalyzerContext, FileRef, SourceFile } from '../../core/analyzer.js';
import type { RawFinding } from '../../core/finding.js';
import { Reporter } from '../iac/common.js';
import { parseYamlDocs } from '../iac/yaml/tree.js';
import type { PipelineOptions } from './gha.js';
import { checkCompositeAction, checkWorkflow } from './gha.js';
import { checkGitlab } from './gitlab.js';
import { GHA_RULES, GITLAB_RULES } from './rules.js';
import { optionsOf } from '../options.js';

const WORKFLOW = /(?:^|\/)\.github\/workflows\/[^/]{1,255}\.ya?ml$/i;
const GITLAB = /(?:^|\/)(?:[^/]{0,200}\.)?gitlab-ci\.ya?ml$/i;
const ACTION = /(?:^|\/)action\.ya?ml$/i;

/** The analyzer options (`trustedOwners`, `strictPinning`), checked against the pipeline analyzer's schema. */
export function pipelineOptions(ctx: AnalyzerContext): PipelineOptions {
  const o = optionsOf('pipeline', ctx.options);
  return { trustedOwners: o.trustedOwners ?? [], strictPinning: o.strictPinning === true };
}

/** GitHub Actions workflows and GitLab CI configurations. */
export const pipelineAnalyzer: Analyzer = {
  id: 'pipeline',
  description: 'CI/CD pipeline definitions: GitHub Actions workflows and GitLab CI',
  rules: [...GHA_RULES, ...GITLAB_RULES],
  matches(file: FileRef): boolean {
    return WORKFLOW.test(file.path) || GITLAB.test(file.path) || ACTION.test(file.path);
  },
  analyze(file: SourceFile, ctx: AnalyzerContext): RawFinding[] {
    const rep = new Reporter(file);
    const gha = WORKFLOW.test(file.path);
    const opts = pipelineOptions(ctx);
    for (const doc of parseYamlDocs(file.text)) {
      if (!doc.root) continue;
      if (gha) checkWorkflow(rep, file, doc.root, opts);
      else if (ACTION.test(file.path)) checkCompositeAction(rep, file, doc.root, opts);
      else checkGitlab(rep, file, doc.root);
    }
    return rep.findings;
  },
};
