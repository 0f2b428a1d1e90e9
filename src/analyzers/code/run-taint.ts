import type { SgNode } from '@ast-grep/napi';
import { describePath, fill, LOWER, matchOf, oneLine } from './matches.js';
import type { Bound, CodeMatch } from './matches.js';
import type { ProjectView } from './project.js';
import type { CodeRule, Matcher } from './rule-schema.js';
import type { CompiledSources } from './sources.js';
import { sinkClassOf } from './replace-check.js';
import { ANY_SINK_CLASS } from './char-filters.js';
import { Summaries } from './summaries.js';
import { paramName } from './function-params.js';
import type { CallTarget, RuleContext, SinkHit } from './summaries.js';
import { callNeeds } from './param-needs.js';
import { syntaxOf } from './syntax.js';
import { argFor, argumentNodes, lineOf, withStep, withSteps } from './taint-support.js';
import { wrapperCallsOf } from './taint-argv.js';
import type { WrapperCall } from './taint-argv.js';
import type { TaintEvaluator, Trace } from './taint.js';
import { OWN_STEPS, StepPool } from './taint-budget.js';
import { IMPORTED_OWN_CWES } from './imported-methods.js';
import { answer, cookieFreeContext, cookieOnlyReply } from './cookie-reply.js';
import type { Answer } from './cookie-reply.js';
import type { TaintPrecheck } from './taint-precheck.js';

/** What a taint rule run needs from the file and its rule family. */
export interface TaintRun {
  view: ProjectView;
  /** Sources of the rule's labels that can occur in the file or the modules it imports. */
  sources: CompiledSources[];
  /** The family's global sanitizers. */
  sanitizers: readonly Matcher[];
  /** Calls of the analyzed file whose callee is an imported name (candidates for cross-file sinks). */
  importCalls: readonly SgNode[];
  /** Set when an evaluation stopped at a budget. */
  truncated: boolean;
  /** The sinks of every taint rule run on the file (each module is walked for them together). */
  sinks: readonly Matcher[];
  /** Asked once for every rule: false when no rule's evaluation of a node can find data (taint-precheck.ts). */
  precheck?: TaintPrecheck;
}

function emit(
  rule: CodeRule,
  run: TaintRun,
  sink: SgNode,
  bound: Bound,
  trace: Trace,
  out: CodeMatch[],
  sinkPath?: string,
  /** Where the path ends when the finding is reported elsewhere (at the call into the sink's function). */
  end?: { node: SgNode; path: string },
): void {
  const entry = run.view.entry.path;
  const sinkText = oneLine(sink.text(), 60);
  const endText = end ? oneLine(end.node.text(), 60) : sinkText;
  const vars = {
    source: trace.source,
    sink: sinkText,
    path: describePath(trace, endText, lineOf(end?.node ?? sink), entry, end?.path ?? sinkPath ?? entry),
    label: trace.label,
  };
  const conf = trace.weak ? LOWER[rule.confidence] : rule.confidence;
  const m = matchOf(
    rule,
    sink,
    fill(rule.message, vars, bound),
    conf,
    `${oneLine(sink.text(), 200)}\0${trace.source}`,
    trace,
  );
  if (sinkPath !== undefined && sinkPath !== entry) m.path = sinkPath;
  out.push(m);
}

/**
 * Runs one taint rule over the analyzed file: every sink in the file, asked backwards for a source;
 * then every call into an imported function whose summary says a parameter reaches a sink there, with
 * the argument asked for a source (the finding sits at that sink, with the path through both files).
 */
export function runTaint(rule: CodeRule, run: TaintRun, out: CodeMatch[]): void {
  const taint = rule.taint;
  if (!taint || run.sources.length === 0) return;
  const context: RuleContext = {
    key: `${rule.file}#${rule.id}`,
    sinks: taint.sinks,
    otherSinks: run.sinks,
    sources: run.sources,
    sanitizers: [...taint.sanitizers, ...run.sanitizers],
    guards: taint.guards,
    sinkClass: sinkClassOf(rule.cwe),
    importedOwn: IMPORTED_OWN_CWES.some((c) => rule.cwe.includes(c)),
  };
  const summaries = new Summaries(run.view, context);
  // The same rule with cookie reads taken out of its sources, made only when a reply is asked again.
  let free: Summaries | undefined;
  const cookieFree = (): Summaries => (free ??= new Summaries(run.view, cookieFreeContext(context)));
  const entry = run.view.entry;
  const syn = syntaxOf(entry.lang.family);
  const argv = sinkClassOf(rule.cwe) === 'argv';
  // A program's argument list is read element by element (taint-argv.ts), not as the check reads values.
  const pre = argv ? undefined : run.precheck;
  let evaluator: TaintEvaluator | undefined;
  const seen = new Set<string>();
  for (const { match, targets, bound } of summaries.entrySinks()) {
    evaluator ??= summaries.evaluator(entry);
    if (!evaluator.hasBudget) {
      run.truncated = true;
      return;
    }
    for (const t of targets) {
      // A program's argument list that a local wrapper hands on untouched: a finding at each caller.
      const outer = argv ? wrapperCallsOf(syn, entry.lang.family === 'python', entry, match, t) : undefined;
      if (outer) {
        atCallers(
          rule,
          run,
          evaluator,
          outer,
          undefined,
          { node: match, path: entry.path, bound },
          seen,
          out,
        );
        continue;
      }
      if (pre && !pre.mayCarry(t)) continue;
      const trace = evaluator.taintOf(t);
      if (evaluator.stoppedEarly) run.truncated = true;
      if (!trace) continue;
      const key = `${match.range().start.index}`;
      if (seen.has(key)) continue;
      seen.add(key);
      emit(rule, run, match, bound, trace, out);
      const ask = (): Answer => answer(cookieFree().evaluator(entry), (ev) => ev.taintOf(t));
      if (cookieOnlyReply(rule.id, trace, ask)) out[out.length - 1]!.cookieOnly = true;
    }
  }
  for (const call of run.importCalls) {
    const targets = summaries.targets(entry, call, false);
    if (targets.length === 0) continue;
    // Summaries of the callees are worth computing only when an argument carries request data or is the
    // request object itself (see crossFileHit).
    evaluator ??= summaries.evaluator(entry);
    const ev = evaluator;
    const carries = (a: SgNode): boolean =>
      (!pre || pre.mayCarry(a)) && (ev.taintOf(a) !== null || ev.isRequestObject(a));
    if (!argumentNodes(syn, call).some(carries)) continue;
    for (const target of targets) {
      const hits = summaries.summary(target).sinks;
      if (hits.length === 0) continue;
      for (const hit of hits)
        crossFileHit(rule, run, summaries, cookieFree, evaluator, call, target, hit, seen, out);
    }
  }
}

/**
 * The import calls worth each taint rule's attention: those with an argument that carries a source (or is
 * the request object) when nothing but the family's sanitizers stops taint. Every rule's own evaluation
 * stops at least as much (its sanitizers add to the family's, its guards and sink class only cut), so a
 * call this drops could not give any rule a cross-file finding; it is asked once per file instead of once
 * per rule. Runs on its own budget: the rules get a fresh one afterwards.
 */
export function callsCarryingTaint(
  view: ProjectView,
  sources: CompiledSources[],
  sanitizers: readonly Matcher[],
  calls: readonly SgNode[],
): SgNode[] {
  if (calls.length === 0 || sources.length === 0) return [];
  const summaries = new Summaries(view, {
    key: '#any-rule',
    sinks: [],
    sources,
    sanitizers,
    guards: [],
    // No class: no replacement cleans; the widest: every character filter passes (char-filters.ts).
    sinkClass: ANY_SINK_CLASS,
  });
  const ev = summaries.evaluator(view.entry);
  const syn = syntaxOf(view.entry.lang.family);
  const out = calls.filter((call) => {
    if (summaries.targets(view.entry, call, false).length === 0) return false;
    return argumentNodes(syn, call).some((a) => {
      const carries = ev.taintOf(a) !== null || ev.isRequestObject(a);
      // An evaluation cut short by a budget proves nothing: the rules decide.
      return carries || ev.stoppedEarly;
    });
  });
  view.account = { file: view.account.file, own: new StepPool(OWN_STEPS) };
  return out;
}

function crossFileHit(
  rule: CodeRule,
  run: TaintRun,
  summaries: Summaries,
  cookieFree: () => Summaries,
  evaluator: TaintEvaluator,
  call: SgNode,
  target: CallTarget,
  hit: SinkHit,
  seen: Set<string>,
  out: CodeMatch[],
): void {
  // A program's argument list is mostly built by the caller of a wrapper that starts the program (`git(['clone',
  // url])`): each such call is its own finding, at the call, where a '--' belongs.
  const atCall = sinkClassOf(rule.cwe) === 'argv';
  const key = atCall
    ? `call\0${call.range().start.index}`
    : `${hit.module.path}\0${hit.sink.range().start.index}`;
  if (seen.has(key) || !evaluator.hasBudget) return;
  // A sink that runs only when a parameter is given, which this call does not give (param-needs.ts).
  if (callNeeds(call, hit.needs, undefined) === 'never') return;
  const family = run.view.entry.lang.family;
  const param = { fn: target.fn, index: hit.param, name: paramName(target.fn, hit.param) };
  const arg = argFor(syntaxOf(family), family === 'python', call, param);
  if (!arg) return;
  if (atCall) {
    const e = run.view.entry;
    const outer = wrapperCallsOf(syntaxOf(family), family === 'python', e, call, arg);
    if (outer) {
      const through = { call, name: target.name, access: hit.access, steps: hit.steps };
      const sink = { node: hit.sink, path: hit.module.path, bound: hit.bound };
      atCallers(rule, run, evaluator, outer, through, sink, seen, out);
      return;
    }
  }
  // The argument is request data, or the whole request object of which the callee reads request data.
  const trace =
    evaluator.taintOfField(arg, hit.access) ??
    summaries.requestRead(run.view.entry, arg, hit.access, evaluator);
  if (evaluator.stoppedEarly) run.truncated = true;
  if (!trace) return;
  seen.add(key);
  const at = { text: `${target.name}(…)`, line: lineOf(call), path: run.view.entry.path };
  const path = withSteps(withStep(trace, at), hit.steps);
  if (atCall)
    emit(rule, run, call, hit.bound, path, out, undefined, { node: hit.sink, path: hit.module.path });
  else emit(rule, run, hit.sink, hit.bound, path, out, hit.module.path);
  // The same argument asked again without cookie reads (cookie-reply.ts).
  const ask = (): Answer => {
    const free = cookieFree();
    const ev = free.evaluator(run.view.entry);
    return answer(
      ev,
      (e) => e.taintOfField(arg, hit.access) ?? free.requestRead(run.view.entry, arg, hit.access, e),
    );
  };
  if (cookieOnlyReply(rule.id, trace, ask)) out[out.length - 1]!.cookieOnly = true;
}

/**
 * Findings at the callers of a local wrapper whose parameter is a program's argument list (wrapperCallsOf): one
 * per caller whose list carries request data, with the path through the wrapper (and, for a wrapper that calls
 * into another module, `through` that call) on to the sink.
 */
function atCallers(
  rule: CodeRule,
  run: TaintRun,
  evaluator: TaintEvaluator,
  callers: readonly WrapperCall[],
  through: { call: SgNode; name: string; access: string | undefined; steps: SinkHit['steps'] } | undefined,
  sink: { node: SgNode; path: string; bound: Bound },
  seen: Set<string>,
  out: CodeMatch[],
): void {
  const here = run.view.entry.path;
  for (const o of callers) {
    const key = `call\0${o.call.range().start.index}`;
    if (seen.has(key) || !evaluator.hasBudget) continue;
    const t = evaluator.taintOfField(o.arg, through?.access);
    if (evaluator.stoppedEarly) run.truncated = true;
    if (!t) continue;
    seen.add(key);
    const steps = [{ text: `${o.name}(…)`, line: lineOf(o.call), path: here }];
    if (through) steps.push({ text: `${through.name}(…)`, line: lineOf(through.call), path: here });
    const path = withSteps(withSteps(t, steps), through?.steps ?? []);
    emit(rule, run, o.call, sink.bound, path, out, undefined, { node: sink.node, path: sink.path });
  }
}
