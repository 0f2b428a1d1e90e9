import type { Finding } from '../core/finding.js';
import type { FileOutcome, FileTask } from './file-task.js';

/**
 * A task as it crosses to a worker. Messages are JSON: for thousands of small outcomes it costs
 * about half of V8's structured serialization on both sides (measured with 277 batches of 64), so a
 * file name that is not valid UTF-8 travels as its bytes in a plain array.
 */
export type WireTask = Omit<FileTask, 'file'> & {
  file: Omit<FileTask['file'], 'absBytes'> & { absBytes?: number[] };
};

export function toWire(task: FileTask): WireTask {
  const { absBytes, ...file } = task.file;
  return absBytes ? { ...task, file: { ...file, absBytes: [...absBytes] } } : (task as WireTask);
}

export function fromWire(task: WireTask): FileTask {
  const { absBytes, ...file } = task.file;
  return absBytes ? { ...task, file: { ...file, absBytes: Uint8Array.from(absBytes) } } : (task as FileTask);
}

/** Fields every finding of a rule usually shares: sent once per rule and batch, not with each finding. */
const SHARED = [
  'analyzer',
  'severity',
  'confidence',
  'title',
  'remediation',
  'cwe',
  'owasp',
  'principles',
  'phase',
] as const;
type Shared = Pick<Finding, (typeof SHARED)[number]>;

/**
 * A finding whose fields shared with its rule's first finding in the batch are 0, a value none of them
 * can have (so the keys keep their order, and the report its field order).
 */
export type PackedFinding = {
  [K in keyof Finding]: K extends (typeof SHARED)[number] ? Finding[K] | 0 : Finding[K];
};

/** Outcomes as a worker sends them: findings packed against a table of what each rule's findings share. */
export interface PackedOutcomes {
  shared: Record<string, Shared>;
  outcomes: (Omit<FileOutcome, 'findings'> & { findings: PackedFinding[] })[];
}

const same = (a: unknown, b: unknown): boolean =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * Packs a batch's outcomes: a third of a pipeline finding's JSON is its rule's title, remediation and
 * labels, repeated in every finding (25,000 findings of 10,000 workflows made 21 MB to send and parse).
 */
export function packOutcomes(outcomes: readonly FileOutcome[]): PackedOutcomes {
  const shared = new Map<string, Shared>();
  const packed = outcomes.map((o) => ({
    ...o,
    findings: o.findings.map((f): PackedFinding => {
      let base = shared.get(f.ruleId);
      if (!base) {
        base = Object.fromEntries(SHARED.map((k) => [k, f[k]])) as unknown as Shared;
        shared.set(f.ruleId, base);
      }
      const out: PackedFinding = { ...f };
      for (const k of SHARED) if (same(f[k], base[k])) out[k] = 0;
      return out;
    }),
  }));
  return { shared: Object.fromEntries(shared), outcomes: packed };
}

/** The outcomes a batch packed, whole again. */
export function unpackOutcomes(p: PackedOutcomes): FileOutcome[] {
  return p.outcomes.map((o) => ({
    ...o,
    findings: o.findings.map((f) => {
      const base = Object.hasOwn(p.shared, f.ruleId) ? p.shared[f.ruleId] : undefined;
      if (!base) return f as unknown as Finding;
      const out = { ...f } as Record<string, unknown>;
      // Each field the finding left out is its rule's (arrays copied: findings must not share them).
      for (const k of SHARED) if (f[k] === 0) out[k] = Array.isArray(base[k]) ? [...base[k]] : base[k];
      return out as unknown as Finding;
    }),
  }));
}
