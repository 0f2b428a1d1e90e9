/** What decides a function's flows for a taint rule: its sources, sanitizers, guards and sink class. */
export interface FlowParts {
  sources: readonly object[];
  sanitizers: readonly object[];
  guards: readonly object[];
  sinkClass?: string | undefined;
}

const ids = new WeakMap<object, number>();
let lastId = 0;
/** A number per object: matchers and sources are the same objects for every rule that lists them. */
function idOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = ++lastId));
  return id;
}

/** The key of what decides a function's flows for a rule: two rules with the same key share them. */
export function flowKey(r: FlowParts): string {
  const list = (xs: readonly object[]): string => xs.map(idOf).join(',');
  return `flow:${list(r.sources)}|${list(r.sanitizers)}|${list(r.guards)}|${r.sinkClass ?? ''}`;
}
