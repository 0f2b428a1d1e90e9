import type { SgNode } from '@ast-grep/napi';
import { ANY_SINK_CLASS } from './char-filters.js';
import type { ProjectView } from './project.js';
import type { Matcher } from './rule-schema.js';
import type { CompiledSources } from './sources.js';
import { Summaries } from './summaries.js';
import { fileAccount } from './taint-budget.js';
import type { Account } from './taint-budget.js';
import type { TaintEvaluator } from './taint.js';

/**
 * One question asked for every taint rule of a file at once: can this node of the analysed file carry
 * data of any of the rules' sources (or be the request object) when nothing but the family's sanitizers
 * stops it? Every rule's own evaluation stops at least as much (its sanitizers add to the family's, its
 * guards and sink class only cut: the argument callsCarryingTaint rests on), so a node answered "no" is
 * not asked again by each rule. Most sinks of a file carry nothing, and each rule asked them with an
 * evaluator of its own, climbing the same names, parameters and callers once per rule.
 *
 * The answer is trusted only from an evaluation that no bound cut: after a cut, the evaluator's remembered
 * names may hold values the cut left empty, so it is replaced and the node is left to the rules. The
 * questions run on steps of their own and record what they were charged apart from the rules' account,
 * so the rules spend and stop as they would without it.
 */
export class TaintPrecheck {
  private readonly summaries: Summaries;
  private readonly account: Account = fileAccount();
  private readonly paid = new Set<object>();
  private ev: TaintEvaluator | undefined;
  private readonly answers = new Map<number, boolean>();

  constructor(
    private readonly view: ProjectView,
    sources: readonly CompiledSources[],
    sanitizers: readonly Matcher[],
  ) {
    this.summaries = this.within(
      () =>
        new Summaries(view, {
          key: '#precheck',
          sinks: [],
          sources,
          sanitizers,
          guards: [],
          sinkClass: ANY_SINK_CLASS,
        }),
    );
  }

  /** False only when no taint rule's evaluation of `node` (in the analysed file) can find data. */
  mayCarry(node: SgNode): boolean {
    const id = node.id();
    let v = this.answers.get(id);
    if (v === undefined) {
      v = this.within(() => this.ask(node));
      this.answers.set(id, v);
    }
    return v;
  }

  private ask(node: SgNode): boolean {
    if (this.account.file.exhausted || this.account.own.left <= 0) return true;
    const ev = (this.ev ??= this.summaries.evaluator(this.view.entry));
    const carries = ev.taintOf(node) !== null || ev.isRequestObject(node);
    if (!ev.stoppedEarly) return carries;
    this.ev = undefined;
    return true;
  }

  /** Runs `f` with the view charging this check's steps, not the rules'. */
  private within<T>(f: () => T): T {
    const v = this.view;
    const saved = { account: v.account, paid: v.paid, truncated: v.truncated };
    v.account = this.account;
    v.paid = this.paid;
    try {
      return f();
    } finally {
      v.account = saved.account;
      v.paid = saved.paid;
      v.truncated = saved.truncated;
    }
  }
}
