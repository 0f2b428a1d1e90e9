import type { FlowStep } from '../../core/finding.js';
import { arr, isObj, line, obj, oneOf, str, type Obj } from './check.js';

/** Steps of one flow kept per finding: a longer path is cut (its sink, the last step, is kept). */
export const MAX_FLOW_STEPS = 64;
const KINDS = ['source', 'step', 'sink'] as const;

function bounded(steps: FlowStep[]): FlowStep[] {
  if (steps.length <= MAX_FLOW_STEPS) return steps;
  return [...steps.slice(0, MAX_FLOW_STEPS - 1), steps[steps.length - 1]!];
}

/** A Vanguard finding's `flow` (schema 1.3.0): validated, bounded; undefined when absent or empty. */
export function vanguardFlow(v: unknown, where: string): FlowStep[] | undefined {
  if (v === undefined || v === null) return undefined;
  const steps = arr(v, where).map((x, i): FlowStep => {
    const w = `${where}[${i}]`;
    const s = obj(x, w);
    return {
      path: str(s.path, `${w}.path`, 4096),
      line: line(s.line, `${w}.line`),
      label: str(s.label ?? '', `${w}.label`, 2000).slice(0, 500),
      kind: oneOf(s.kind, KINDS, `${w}.kind`),
    };
  });
  return steps.length > 0 ? bounded(steps) : undefined;
}

function textOf(m: unknown): string {
  return isObj(m) && typeof m.text === 'string' ? m.text : '';
}

/**
 * The first thread flow of a SARIF result's `codeFlows`, as flow steps: the first location is the source,
 * the last the sink. Locations without a file are skipped; undefined when nothing usable is there.
 */
export function sarifFlow(r: Obj, where: string): FlowStep[] | undefined {
  if (!Array.isArray(r.codeFlows) || !isObj(r.codeFlows[0])) return undefined;
  const threads = r.codeFlows[0].threadFlows;
  if (!Array.isArray(threads) || !isObj(threads[0]) || !Array.isArray(threads[0].locations)) return undefined;
  const steps: FlowStep[] = [];
  threads[0].locations.forEach((x: unknown, i: number) => {
    const loc = isObj(x) && isObj(x.location) ? x.location : undefined;
    const phys = loc && isObj(loc.physicalLocation) ? loc.physicalLocation : undefined;
    const art = phys && isObj(phys.artifactLocation) ? phys.artifactLocation : undefined;
    if (!phys || !art || typeof art.uri !== 'string') return;
    const region = isObj(phys.region) ? phys.region : {};
    const w = `${where}.codeFlows[0].threadFlows[0].locations[${i}]`;
    steps.push({
      path: art.uri.replace(/^file:\/\//, '').slice(0, 4096),
      line: line(region.startLine, `${w}.location.physicalLocation.region.startLine`),
      // Vanguard's own SARIF prefixes the source and sink labels with their kind.
      label: textOf(loc?.message)
        .replace(/^(source|sink): /, '')
        .slice(0, 500),
      kind: 'step',
    });
  });
  if (steps.length === 0) return undefined;
  steps[0]!.kind = 'source';
  if (steps.length > 1) steps[steps.length - 1]!.kind = 'sink';
  return bounded(steps);
}
