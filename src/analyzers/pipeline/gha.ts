import type { SourceFile } from '../../core/analyzer.js';
import type { Reporter } from '../iac/common.js';
import { isFetchPipeShell } from '../iac/shell.js';
import type { YNode, YScalar } from '../../parse/yaml/tree.js';
import { entry, get, isFalse, items, str } from '../../parse/yaml/tree.js';
import { CHECKOUT_COMMAND, UNTRUSTED_REF, untrustedExpressions } from './expressions.js';
import {
  GHA_CURL_PIPE,
  GHA_DANGEROUS_TRIGGER,
  GHA_INJECTION,
  GHA_PERMISSIONS,
  GHA_PERSIST_CREDS,
  GHA_SECRETS_INHERIT,
  GHA_SELF_HOSTED,
  GHA_UNPINNED,
} from './rules.js';

/** Options of the pipeline analyzer (from `ctx.options`). */
export interface PipelineOptions {
  /** Owners (users or organisations) whose actions may be referenced by tag, e.g. your own org. */
  trustedOwners: string[];
  /** Also require SHA pins for GitHub's own actions (actions/*, github/*). */
  strictPinning: boolean;
}

const GITHUB_OWNED = new Set(['actions', 'github']);
const PUBLIC_TRIGGERS = new Set([
  'pull_request',
  'pull_request_target',
  'issue_comment',
  'issues',
  'discussion',
  'discussion_comment',
  'pull_request_review',
  'pull_request_review_comment',
  'fork',
  'watch',
]);
const PRIVILEGED_TRIGGERS = new Set(['pull_request_target', 'workflow_run']);
const SHA = /^[0-9a-f]{40}$/;
const WORKSPACE_PATH =
  /^(?:\.\/?|\*{1,2}|\.git(?:\/.{0,200})?|\$\{\{\s{0,4}github\.workspace\s{0,4}\}\}\/?)$/;

function triggers(root: YNode | undefined): Set<string> {
  const on = get(root, 'on') ?? get(root, 'true');
  const out = new Set<string>();
  const s = str(on);
  if (s !== undefined) out.add(s);
  for (const it of items(on)) if (str(it)) out.add(str(it)!);
  if (on?.kind === 'map') for (const k of on.entries.keys()) out.add(k);
  return out;
}

const SAME_REPO =
  /head\.repo\.full_name\s{0,4}==\s{0,4}(?:github\.repository\b|github\.event\.pull_request\.base\.repo\.full_name)|(?:github\.repository|base\.repo\.full_name)\s{0,4}==\s{0,4}github\.event\.pull_request\.head\.repo\.full_name/;

/** True when the job or step only runs for pull requests from the repository itself (not forks). */
function sameRepoGuard(job: YNode, step: YNode): boolean {
  return [get(job, 'if'), get(step, 'if')].some((c) => SAME_REPO.test(str(c) ?? ''));
}

/** The first line of a scalar (possibly a block scalar) that contains `needle`. */
function lineIn(file: SourceFile, s: YScalar, needle: string): number {
  const lines = file.lines();
  for (let l = s.line; l <= Math.max(s.line, s.endLine); l++) if (lines[l - 1]?.includes(needle)) return l;
  return s.line;
}

function checkUses(
  rep: Reporter,
  node: YNode | undefined,
  line: number,
  opts: PipelineOptions,
  where: string,
): void {
  const uses = str(node);
  if (uses === undefined || uses.startsWith('./') || uses.startsWith('.\\')) return;
  if (uses.startsWith('docker://')) {
    if (!uses.includes('@sha256:'))
      rep.add(GHA_UNPINNED, line, `${where} runs container ${uses} without a digest.`, `uses:${uses}`);
    return;
  }
  const at = uses.lastIndexOf('@');
  const ref = at >= 0 ? uses.slice(at + 1) : '';
  const target = at >= 0 ? uses.slice(0, at) : uses;
  const owner = target.split('/')[0]!.toLowerCase();
  if (SHA.test(ref)) return;
  if (opts.trustedOwners.some((o) => o.toLowerCase() === owner)) return;
  if (GITHUB_OWNED.has(owner) && !opts.strictPinning) return;
  rep.add(
    GHA_UNPINNED,
    line,
    `${where} uses ${target}@${ref || '(no ref)'}, a mutable reference.`,
    `uses:${target}@${ref}`,
  );
}

function checkScript(
  rep: Reporter,
  file: SourceFile,
  s: YNode | undefined,
  where: string,
  kind: 'run' | 'script',
): void {
  if (s?.kind !== 'scalar' || typeof s.value !== 'string') return;
  for (const expr of untrustedExpressions(s.value)) {
    rep.add(
      GHA_INJECTION,
      lineIn(file, s, expr),
      `${where} expands ${expr} directly into its ${kind === 'run' ? 'shell script' : 'github-script code'}.`,
      `inject:${where}:${expr}`,
    );
  }
  if (kind === 'run' && isFetchPipeShell(s.value)) {
    const needle = /\bcurl\b/.test(s.value) ? 'curl' : 'wget';
    rep.add(
      GHA_CURL_PIPE,
      lineIn(file, s, needle),
      `${where} pipes a downloaded script into an interpreter.`,
      `curl:${where}`,
    );
  }
}

/** Checks one GitHub Actions workflow document. */
export function checkWorkflow(rep: Reporter, file: SourceFile, root: YNode, opts: PipelineOptions): void {
  const on = triggers(root);
  const privileged = [...on].some((t) => PRIVILEGED_TRIGGERS.has(t));
  const publicTrigger = [...on].find((t) => PUBLIC_TRIGGERS.has(t));
  const topPerm = entry(root, 'permissions');
  if (topPerm && str(topPerm.value) === 'write-all')
    rep.add(GHA_PERMISSIONS, topPerm.keyLine, 'The workflow grants write-all to every job.', 'perm:top', {
      severity: 'high',
    });

  const jobsEntry = entry(root, 'jobs');
  const jobs = jobsEntry?.value;
  if (!jobsEntry || jobs?.kind !== 'map') return;
  const unscoped: string[] = [];
  for (const [jobId, je] of jobs.entries) {
    const job = je.value;
    const where = `job ${jobId}`;
    const perm = entry(job, 'permissions');
    if (perm && str(perm.value) === 'write-all')
      rep.add(GHA_PERMISSIONS, perm.keyLine, `${where} grants write-all.`, `perm:${jobId}`, {
        severity: 'high',
      });
    if (!perm) unscoped.push(jobId);

    const reusable = entry(job, 'uses');
    if (reusable) checkUses(rep, reusable.value, reusable.keyLine, opts, where);
    const secrets = entry(job, 'secrets');
    if (secrets && str(secrets.value) === 'inherit')
      rep.add(
        GHA_SECRETS_INHERIT,
        secrets.keyLine,
        `${where} passes every secret to ${str(reusable?.value) ?? 'the called workflow'}.`,
        `inherit:${jobId}`,
      );

    const runsOn = entry(job, 'runs-on');
    if (runsOn && publicTrigger) {
      const labels = [
        str(runsOn.value),
        ...items(runsOn.value).map(str),
        ...items(get(runsOn.value, 'labels')).map(str),
        str(get(runsOn.value, 'labels')),
      ];
      if (labels.some((l) => l?.toLowerCase() === 'self-hosted')) {
        rep.add(
          GHA_SELF_HOSTED,
          runsOn.keyLine,
          `${where} runs on a self-hosted runner and is triggered by ${publicTrigger}.`,
          `selfhosted:${jobId}`,
        );
      }
    }

    let persistingCheckout: number | undefined;
    items(get(job, 'steps')).forEach((step, i) => {
      const sw = `${where} step ${str(get(step, 'name')) ?? str(get(step, 'id')) ?? i + 1}`;
      const usesE = entry(step, 'uses');
      const uses = str(usesE?.value) ?? '';
      if (usesE) checkUses(rep, usesE.value, usesE.keyLine, opts, sw);
      checkScript(rep, file, get(step, 'run'), sw, 'run');
      const action = uses.split('@')[0]!.toLowerCase();
      if (action === 'actions/github-script')
        checkScript(rep, file, get(get(step, 'with'), 'script'), sw, 'script');
      if (action === 'actions/checkout') {
        const untrusted = ['ref', 'repository']
          .map((k) => entry(get(step, 'with'), k))
          .find((e) => e !== undefined && UNTRUSTED_REF.test(str(e.value) ?? ''));
        if (privileged && untrusted && !sameRepoGuard(job, step)) {
          const ref = str(untrusted.value) ?? '';
          rep.add(
            GHA_DANGEROUS_TRIGGER,
            untrusted.keyLine,
            `${sw} checks out ${ref} in a ${[...on].filter((t) => PRIVILEGED_TRIGGERS.has(t)).join('/')} workflow.`,
            `trigger:${jobId}:${ref}`,
          );
        }
        if (!isFalse(get(get(step, 'with'), 'persist-credentials')) && persistingCheckout === undefined)
          persistingCheckout = usesE!.keyLine;
      }
      const run = get(step, 'run');
      if (
        privileged &&
        run?.kind === 'scalar' &&
        typeof run.value === 'string' &&
        !sameRepoGuard(job, step)
      ) {
        const m = CHECKOUT_COMMAND.exec(run.value);
        if (m)
          rep.add(
            GHA_DANGEROUS_TRIGGER,
            lineIn(file, run, m[0].slice(0, 12)),
            `${sw} fetches the pull request head in a privileged workflow.`,
            `trigger:${jobId}:run`,
          );
      }
      if (action === 'actions/upload-artifact' && persistingCheckout !== undefined) {
        const path = str(get(get(step, 'with'), 'path')) ?? '';
        if (path.split('\n').some((p) => WORKSPACE_PATH.test(p.trim()))) {
          rep.add(
            GHA_PERSIST_CREDS,
            persistingCheckout,
            `${where} checks out with persisted credentials and later uploads the workspace (${path.trim()}) as an artifact.`,
            `persist:${jobId}`,
          );
          persistingCheckout = undefined;
        }
      }
    });
  }
  if (!topPerm && unscoped.length > 0) {
    rep.add(
      GHA_PERMISSIONS,
      jobsEntry.keyLine,
      `No top-level permissions, and ${unscoped.length === 1 ? 'job' : 'jobs'} ${unscoped.join(', ')} set none: the token gets the repository default.`,
      'perm:missing',
      { severity: 'low' },
    );
  }
}

/** Checks the steps of a composite action (`action.yml` with `runs.using: composite`). */
export function checkCompositeAction(
  rep: Reporter,
  file: SourceFile,
  root: YNode,
  opts: PipelineOptions,
): void {
  const runs = get(root, 'runs');
  if (str(get(runs, 'using')) !== 'composite') return;
  items(get(runs, 'steps')).forEach((step, i) => {
    const sw = `action step ${str(get(step, 'name')) ?? str(get(step, 'id')) ?? i + 1}`;
    const usesE = entry(step, 'uses');
    if (usesE) checkUses(rep, usesE.value, usesE.keyLine, opts, sw);
    checkScript(rep, file, get(step, 'run'), sw, 'run');
    if ((str(usesE?.value) ?? '').split('@')[0]!.toLowerCase() === 'actions/github-script') {
      checkScript(rep, file, get(get(step, 'with'), 'script'), sw, 'script');
    }
  });
}
