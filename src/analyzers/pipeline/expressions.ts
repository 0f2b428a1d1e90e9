/** GitHub Actions contexts whose values an outside contributor controls. Bounded, linear patterns. */
const UNTRUSTED =
  /\bgithub\.(?:head_ref|event\.(?:issue\.(?:title|body)|pull_request\.(?:title|body|head\.(?:ref|label|repo\.default_branch))|comment\.body|review\.body|review_comment\.body|discussion\.(?:title|body)|discussion_comment\.body|pages(?:\.[^.\s[]{1,20}|\[[^\]]{1,20}\])\.page_name|commits(?:\.[^.\s[]{1,20}|\[[^\]]{1,20}\])\.(?:message|author\.(?:email|name))|head_commit\.(?:message|author\.(?:email|name))|workflow_run\.(?:head_branch|display_title|head_commit\.(?:message|author\.(?:email|name))|pull_requests(?:\.[^.\s[]{1,20}|\[[^\]]{1,20}\])\.head\.ref)|release\.(?:name|body)))\b/;
const EXPRESSION = /\$\{\{([^}]{1,1000})\}\}/g;

/** The `${{ … }}` expressions in a text that read attacker-controlled contexts. */
export function untrustedExpressions(text: string): string[] {
  if (!text.includes('${{')) return [];
  const out: string[] = [];
  EXPRESSION.lastIndex = 0;
  for (let m = EXPRESSION.exec(text); m; m = EXPRESSION.exec(text)) {
    const inner = m[1]!;
    // toJSON() and contains() still paste the raw text; only a few functions sanitise, and none fully.
    if (UNTRUSTED.test(inner)) out.push(m[0]);
  }
  return out;
}

/** Refs that point at the pull request's head (attacker code) in a checkout `ref:`. */
export const UNTRUSTED_REF =
  /github\.(?:head_ref|event\.(?:pull_request\.(?:head\.(?:sha|ref)|merge_commit_sha|number)|number|workflow_run\.(?:head_sha|head_branch|head_repository|pull_requests)|pull_request\.head\.repo\.full_name))|refs\/pull\//;

/** Run-step commands that fetch the pull request head. */
export const CHECKOUT_COMMAND =
  /\bgh\s{1,4}pr\s{1,4}checkout\b|\bgit\s{1,4}(?:fetch|checkout|switch)\b[^\n]{0,200}(?:head\.sha|head\.ref|head_ref|refs\/pull\/|head_sha|head_branch)/;
