import type { Wf } from './gha-scope.js';
import { GHA_PRIVILEGED_TRIGGER } from './rules-gha.js';
import type { YEntry, YMap, YNode } from './yaml.js';
import { entry, get, str } from './yaml.js';

// Checks that tie a comment to someone trusted: GitHub's author association, or the commenter's login.
const COMMENT_GUARD = /author_association|comment\.user\.login|\bgithub\.actor\s{0,4}==/i;

/**
 * Privileged triggers, reported once at the trigger (a pwn request needs only one careless edit later), and
 * comment-triggered jobs that run for any commenter.
 */
export function checkTriggers(wf: Wf, root: YNode, jobs: YMap): void {
  const on = entry(root, 'on') ?? entry(root, 'true');
  if (!on) return;
  if (wf.privileged !== undefined)
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
