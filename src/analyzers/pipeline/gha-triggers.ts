import type { Wf } from './gha-scope.js';
import { GHA_PRIVILEGED_TRIGGER } from './rules-gha.js';
import type { YEntry, YMap, YNode } from './yaml.js';
import { entry, get, items, str } from './yaml.js';

// Text of a step that fetches, checks out or receives the pull request's code or files (its head, a fork's branch,
// an artifact a run of it made), or runs a downloaded script.
const FORK_CODE =
  /\bgit\s+(?:clone|fetch|checkout|pull|switch|worktree)\b|\bgh\s+(?:pr\s+(?:checkout|diff)|run\s+download|repo\s+clone)\b|\bhead[._](?:sha|ref)\b|refs\/pull\/|\.head\.repo\b|artifact|download|\|\s*(?:ba|z|da)?sh\b|\b(?:npm|npx|yarn|pnpm|pip|make)\b/i;
// GitHub's own action that runs the script written in the workflow against the API, with no checkout.
const SCRIPT_ACTION = /^actions\/github-script@/;

/**
 * True when no job of a `pull_request_target` workflow can run the pull request's code: no job calls a reusable
 * workflow, and every step is a shell command or GitHub's script action whose text fetches, checks out or
 * downloads nothing of the pull request (FORK_CODE), so the runner's workspace stays empty of the fork's files.
 * Any other action (`actions/checkout`, a third-party action that may build the pull request) is not known safe.
 */
export function runsNoForkCode(jobs: YMap): boolean {
  for (const [, je] of jobs.entries) {
    if (get(je.value, 'uses') !== undefined) return false;
    for (const step of items(get(je.value, 'steps'))) {
      const uses = str(get(step, 'uses'));
      const text = uses === undefined ? str(get(step, 'run')) : str(get(get(step, 'with'), 'script'));
      if (uses !== undefined && !SCRIPT_ACTION.test(uses)) return false;
      if (text === undefined || FORK_CODE.test(text)) return false;
    }
  }
  return true;
}

// Checks that tie a comment to someone trusted: GitHub's author association, or the commenter's login.
const COMMENT_GUARD = /author_association|comment\.user\.login|\bgithub\.actor\s{0,4}==/i;

/**
 * Privileged triggers, reported once at the trigger (a pwn request needs only one careless edit later), and
 * comment-triggered jobs that run for any commenter. A `pull_request_target` workflow that runs none of the pull
 * request's code (runsNoForkCode: shell commands and GitHub's script action on the API, as a label or CLA check
 * does) is the use the trigger exists for: only the opt-in audit profile reports it (stop 57: 3 of 3 such findings
 * on the accuracy bench were false; the true one ran a third-party action that builds the pull request).
 */
export function checkTriggers(wf: Wf, root: YNode, jobs: YMap): void {
  const on = entry(root, 'on') ?? entry(root, 'true');
  if (!on) return;
  const apiOnly = wf.privileged === 'pull_request_target' && wf.opts.audit !== true && runsNoForkCode(jobs);
  if (wf.privileged !== undefined && !apiOnly)
    wf.rep.add(
      GHA_PRIVILEGED_TRIGGER,
      wf.rep.find(on.keyLine, on.keyLine + 200, wf.privileged),
      `The workflow runs on ${wf.privileged}: its jobs get secrets and a write token for events that forks cause.`,
      `trigger:${wf.privileged}`,
      { confidence: 'medium' },
    );
  if (!wf.triggers.has('issue_comment')) return;
  for (const [jobId, je] of jobs.entries) {
    if (COMMENT_GUARD.test(conditionOf(je))) continue;
    wf.rep.add(
      GHA_PRIVILEGED_TRIGGER,
      wf.rep.key(je.keyLine, jobId),
      `Job ${jobId} runs on issue_comment for any commenter: nothing checks the comment author's association with the repository.`,
      `comment-guard:${jobId}`,
      { severity: 'medium' },
    );
  }
}

function conditionOf(je: YEntry): string {
  return str(get(je.value, 'if')) ?? '';
}
