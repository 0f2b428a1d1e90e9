import type { Severity } from '../../../core/finding.js';

/** A CVSS base score and how it was obtained. */
export interface CvssScore {
  score: number;
  version: '3.0' | '3.1' | '4.0';
  /** True for v4 vectors, scored with the v3.1 equations as an approximation (see cvss4Approx). */
  approximate: boolean;
  vector: string;
}

const AV = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 } as const;
const AC = { L: 0.77, H: 0.44 } as const;
const UI = { N: 0.85, R: 0.62 } as const;
const CIA = { H: 0.56, L: 0.22, N: 0 } as const;

function metrics(vector: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const part of vector.split('/').slice(1, 40)) {
    const [k, v] = part.split(':');
    if (k && v) m.set(k, v);
  }
  return m;
}

/** CVSS v3.1 Roundup: the smallest one-decimal number >= x, robust to floating-point noise. */
export function roundup(x: number): number {
  const i = Math.round(x * 100000);
  return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
}

function pick<T extends Record<string, number>>(table: T, key: string | undefined): number | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key as keyof T] : undefined;
}

interface V3Inputs {
  av?: string;
  ac?: string;
  pr?: string;
  ui?: string;
  s?: string;
  c?: string;
  i?: string;
  a?: string;
}

function score31(x: V3Inputs): number | undefined {
  const changed = x.s === 'C';
  const av = pick(AV, x.av);
  const ac = pick(AC, x.ac);
  const ui = pick(UI, x.ui);
  const pr =
    x.pr === 'N'
      ? 0.85
      : x.pr === 'L'
        ? changed
          ? 0.68
          : 0.62
        : x.pr === 'H'
          ? changed
            ? 0.5
            : 0.27
          : undefined;
  const c = pick(CIA, x.c);
  const i = pick(CIA, x.i);
  const a = pick(CIA, x.a);
  if (av === undefined || ac === undefined || ui === undefined || pr === undefined) return undefined;
  if (c === undefined || i === undefined || a === undefined || (x.s !== 'U' && x.s !== 'C')) return undefined;
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  if (impact <= 0) return 0;
  const exploitability = 8.22 * av * ac * pr * ui;
  return roundup(Math.min(changed ? 1.08 * (impact + exploitability) : impact + exploitability, 10));
}

/** The CVSS v3.0/v3.1 base score of a vector (`CVSS:3.1/AV:N/...`), computed with the v3.1 equations. */
export function cvss3(vector: string): CvssScore | undefined {
  const ver = /^CVSS:3\.([01])\//.exec(vector);
  if (!ver) return undefined;
  const m = metrics(vector);
  const score = score31({
    av: m.get('AV'),
    ac: m.get('AC'),
    pr: m.get('PR'),
    ui: m.get('UI'),
    s: m.get('S'),
    c: m.get('C'),
    i: m.get('I'),
    a: m.get('A'),
  });
  return score === undefined
    ? undefined
    : { score, version: ver[1] === '0' ? '3.0' : '3.1', approximate: false, vector };
}

const LEVEL = { N: 0, L: 1, H: 2 } as const;
function higher(a: string | undefined, b: string | undefined): string | undefined {
  const x = pick(LEVEL, a);
  const y = pick(LEVEL, b);
  if (x === undefined) return b;
  if (y === undefined) return a;
  return x >= y ? a : b;
}

/**
 * An approximation of a CVSS v4.0 base score: the official v4 score comes from a lookup table of macro
 * vectors, which is not reproduced here. The v4 base metrics are mapped onto v3.1 (AT:P hardens AC; UI:P/A
 * become UI:R; impact is the higher of the vulnerable and subsequent system; any subsequent impact higher than
 * the vulnerable one counts as a scope change) and scored with the v3.1 equations. Results are labelled approximate.
 */
export function cvss4Approx(vector: string): CvssScore | undefined {
  if (!vector.startsWith('CVSS:4.0/')) return undefined;
  const m = metrics(vector);
  const sub = (k: string): string | undefined => m.get(`S${k}`);
  const vul = (k: string): string | undefined => m.get(`V${k}`);
  const changed = ['C', 'I', 'A'].some((k) => (pick(LEVEL, sub(k)) ?? 0) > (pick(LEVEL, vul(k)) ?? 0));
  const score = score31({
    av: m.get('AV'),
    ac: m.get('AC') === 'H' || m.get('AT') === 'P' ? 'H' : m.get('AC'),
    pr: m.get('PR'),
    ui: m.get('UI') === 'N' ? 'N' : m.get('UI') ? 'R' : undefined,
    s: changed ? 'C' : 'U',
    c: higher(vul('C'), sub('C')),
    i: higher(vul('I'), sub('I')),
    a: higher(vul('A'), sub('A')),
  });
  return score === undefined ? undefined : { score, version: '4.0', approximate: true, vector };
}

/** The qualitative rating of a CVSS score (v3.1 §5 scale). */
export function severityOfScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}
