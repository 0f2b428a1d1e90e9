import type { CompiledSources } from './sources.js';
import type { RuleContext } from './summaries.js';
import type { TaintEvaluator, Trace } from './taint.js';

/**
 * A reflected XSS reply that only a request cookie reaches. The victim's browser sends its own cookies for the
 * site, and another site cannot set them: to put script into such a reply the attacker first needs a second
 * weakness (a sibling subdomain that sets cookies for the parent domain, a network attacker over plain HTTP, a
 * cookie-setting bug elsewhere on the site). So the finding is less likely, not impossible, and is lowered one
 * step with a note, never dropped. A reply that any other request value reaches keeps its level: the sink is
 * asked again with cookie reads taken out of the sources (the engine keeps the first source it finds), and only
 * when that second evaluation finishes with nothing is the reply cookie-only.
 */

/** The rules whose finding is a reply the victim's own request fills (JavaScript's server-side reflected XSS). */
const REPLY_RULES = new Set(['code/js-xss-response']);

/** A cookie read off the request, as an access path (`req.cookies.x`, `req.signedCookies[]`, Koa's `ctx.cookies.get`). */
export const COOKIE_READ =
  /^(?:req|request)\.(?:cookies|signedCookies)(?:[.[]|$)|^(?:ctx|context)\.cookies\.get\b/;

const COOKIE_SOURCE =
  /^(?:req|request)\s*\.\s*(?:cookies|signedCookies)\b|^(?:ctx|context)\s*\.\s*cookies\s*\.\s*get\b/;

/** The note a lowered reply carries. */
export const COOKIE_REPLY_NOTE =
  "only a request cookie reaches it: another site cannot set this site's cookies in the victim's browser, so this needs a second weakness that plants the cookie first";

/** What the second evaluation found, and whether it finished (a cut evaluation proves nothing). */
export interface Answer {
  found: boolean;
  finished: boolean;
}

/** Asks `ev` with `q` and reads its answer. */
export function answer(ev: TaintEvaluator, q: (ev: TaintEvaluator) => Trace | null): Answer {
  const found = q(ev) !== null;
  return { found, finished: !ev.stoppedEarly && ev.hasBudget };
}

// Copies of a rule's sources, one per array: the same rule asked again keys its cached flows apart (flow-key.ts
// names sources by identity), so a flow that a cookie fed is not reused.
const copies = new WeakMap<readonly CompiledSources[], CompiledSources[]>();

/** The rule `c` with cookie reads taken out of its sources. */
export function cookieFreeContext(c: RuleContext): RuleContext {
  let sources = copies.get(c.sources);
  if (!sources) copies.set(c.sources, (sources = c.sources.map((s) => ({ ...s }))));
  return { ...c, key: `${c.key}#cookie-free`, sources, skipPath: COOKIE_READ };
}

/**
 * True when the finding of `ruleId`, whose first trace is `trace`, is reached by a request cookie and by nothing
 * else: `ask` asks the same sink again with cookie reads taken out of the sources.
 */
export function cookieOnlyReply(ruleId: string, trace: Trace, ask: () => Answer): boolean {
  if (!REPLY_RULES.has(ruleId) || trace.param !== undefined) return false;
  if (!COOKIE_SOURCE.test(trace.source) && !COOKIE_READ.test(trace.srcPath ?? '')) return false;
  const a = ask();
  return !a.found && a.finished;
}
