/**
 * Which fields of an object parameter reach a function's return value. A helper that builds a path from its
 * options (`filepath = p.content; filepath += '/' + sanitize(p.category)`) returns `p.content` only: a caller
 * passing `{ content: dir, category: req.body.category }` gets a clean path back, one passing
 * `{ content: req.body.dir }` a tainted one. A parameter that reaches the return value whole, or through
 * anything but fields read off it by name, counts whole.
 */
import type { SgNode } from '@ast-grep/napi';
import { REQ } from './taint-support.js';
import type { TaintEvaluator } from './taint.js';
import type { TaintStep, Trace, Value } from './taint-support.js';

/** A field of a parameter that reaches a value, with the steps from the parameter and what is read off it. */
export interface PassedField {
  name: string;
  steps: TaintStep[];
  /** The properties read off the parameter on the way (Trace.access: `.content`, `.args.x`). */
  access: string;
}

/** The fields by which a parameter reaches a value, and whether it (also) reaches it whole. */
export interface FieldReach {
  fields: PassedField[];
  whole: boolean;
}

/** Fields beyond this many: the parameter counts whole (each costs an evaluation of the returns). */
const MAX_FIELDS = 4;

/** The first property an access path reads (`.content.x` → `content`), or undefined for none or `[]`. */
export function firstField(access: string | undefined): string | undefined {
  return /^\.([\w$]+)/.exec(access ?? '')?.[1];
}

/**
 * The fields by which parameter `param` reaches one of `targets` (a function's returns, a sink's arguments),
 * given the trace `first` found without skipping any: each further evaluation skips the fields found so far
 * (`evaluatorSkipping`) until none reaches. Whole as well when the parameter reaches whole, reaches again
 * through a skipped field (read by a name the skip cannot see: `const { content } = p`), has too many
 * fields, or an evaluation was cut short.
 */
export function reachingFields(
  first: Trace,
  param: number,
  targets: readonly SgNode[],
  evaluatorSkipping: (skip: ReadonlySet<string>) => TaintEvaluator,
): FieldReach {
  const fields: PassedField[] = [];
  let trace: Trace | null = first;
  while (trace) {
    const name = firstField(trace.access);
    if (name === undefined || fields.some((f) => f.name === name) || fields.length >= MAX_FIELDS)
      return { fields, whole: true };
    fields.push({ name, steps: trace.steps, access: trace.access ?? '' });
    const ev = evaluatorSkipping(new Set(fields.map((f) => f.name)));
    trace = null;
    for (const r of targets) {
      const v = ev.taintOf(r);
      if (v && v.param === param) {
        trace = v;
        break;
      }
    }
    if (ev.stoppedEarly) return { fields, whole: true };
  }
  return { fields, whole: false };
}

/** The fields by which a parameter reaches the return value (reachingFields), or undefined when it counts whole. */
export function passedFields(...a: Parameters<typeof reachingFields>): PassedField[] | undefined {
  const r = reachingFields(...a);
  return r.whole ? undefined : r.fields;
}

/**
 * What an argument passes to the return value: the whole argument's value, or with `fields` the first of its
 * listed fields that carries data (with that field's steps inside); REQ when a field is the request object.
 */
export function passedValue(
  arg: SgNode,
  fields: readonly PassedField[] | undefined,
  evaluate: (n: SgNode, field?: string) => Value,
): { value: Value; steps?: TaintStep[] } {
  if (!fields) return { value: evaluate(arg) };
  let req = false;
  for (const f of fields) {
    const v = evaluate(arg, f.name);
    if (v === REQ) req = true;
    else if (v) return { value: v, steps: f.steps };
  }
  return { value: req ? REQ : null };
}
