import type { DeclaredAsset, DeclaredWorkload } from '../../core/deployment.js';
import { APP_LABELS, imageRepository, podWorkload, type RoutingFacts } from './facts.js';

/** One project branch's declared deployment, as routing reads it. */
export interface Candidate {
  projectId: number;
  project: string;
  branch: string;
  updatedAt: string;
  workloads: DeclaredWorkload[];
  assets: DeclaredAsset[];
}

/** A match of a detection against one declaration, with its score and why. */
export interface Match {
  projectId: number;
  project: string;
  branch: string;
  updatedAt: string;
  score: number;
  why: string;
  path: string;
  line: number;
}

/**
 * Points per kind of evidence. A match's score is the sum of its evidence, so the more facts a
 * declaration explains the more specific it is: an image alone (40) beats an app name alone (30),
 * and an app name in the right namespace (40) beats an app name anywhere; a namespace alone (10)
 * or a host alone (15) is weak but still routes when nothing better exists.
 */
export const SCORES = {
  image: 40,
  imageTag: 10,
  app: 30,
  pod: 25,
  asset: 30,
  host: 15,
  namespace: 10,
} as const;

/** The names a workload answers to: its own and its app labels' values. */
export function appNames(w: DeclaredWorkload): string[] {
  const names = [w.name];
  for (const k of APP_LABELS) {
    const v = w.labels[k];
    if (v !== undefined && !names.includes(v)) names.push(v);
  }
  return names;
}

function imageTag(image: string): string {
  const noDigest = image.split('@')[0]!;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(colon + 1) : 'latest';
}

/** Scores one workload against the facts: 0 when it does not match (or is ruled out by namespace). */
export function scoreWorkload(f: RoutingFacts, w: DeclaredWorkload): { score: number; why: string[] } {
  // The same app name in another namespace is another team's deployment, not a weaker match.
  if (f.namespace && w.namespace && f.namespace !== w.namespace) return { score: 0, why: [] };
  let score = 0;
  const why: string[] = [];
  // A Dockerfile's images are its base images (FROM node:20): every Node service shares them, so
  // they say nothing about whose container this is.
  if (f.image && w.kind !== 'dockerfile') {
    const repo = imageRepository(f.image);
    const same = w.images.find((i) => imageRepository(i) === repo);
    if (same !== undefined) {
      score += SCORES.image;
      why.push(`image ${repo}`);
      if (imageTag(same) === imageTag(f.image)) score += SCORES.imageTag;
    }
  }
  const names = appNames(w);
  const app = f.apps.find((a) => names.includes(a));
  if (app !== undefined) {
    score += SCORES.app;
    why.push(`app ${app}`);
  } else if (f.pod && names.includes(podWorkload(f.pod))) {
    score += SCORES.pod;
    why.push(`pod ${f.pod}`);
  }
  if (f.host) {
    const h = f.host.toLowerCase();
    if (names.some((n) => h === n || h.startsWith(`${n}-`) || h.startsWith(`${n}.`))) {
      score += SCORES.host;
      why.push(`host ${f.host}`);
    }
  }
  if (f.namespace && w.namespace === f.namespace) {
    score += SCORES.namespace;
    why.push(`namespace ${f.namespace}`);
  }
  return { score, why };
}

function scoreAsset(f: RoutingFacts, a: DeclaredAsset): number {
  return (f.asset !== undefined && f.asset === a.id) || f.apps.includes(a.id) ? SCORES.asset : 0;
}

/** Every project branch's best match for the facts, best first. */
export function matchDeployments(f: RoutingFacts, candidates: readonly Candidate[]): Match[] {
  const out: Match[] = [];
  for (const c of candidates) {
    let best: Match | undefined;
    const consider = (score: number, why: string, path: string, line: number) => {
      if (score > 0 && (!best || score > best.score))
        best = { ...c, score, why, path, line, projectId: c.projectId };
    };
    for (const w of c.workloads) {
      const s = scoreWorkload(f, w);
      consider(
        s.score,
        `${w.kind} ${w.namespace ? `${w.namespace}/` : ''}${w.name} (${s.why.join(', ')})`,
        w.path,
        w.line,
      );
    }
    for (const a of c.assets) consider(scoreAsset(f, a), `threat-model asset ${a.id}`, a.path, 1);
    if (best) out.push(best);
  }
  // Best score first; within a project the most recently pushed branch.
  return out.sort((a, b) => b.score - a.score || b.updatedAt.localeCompare(a.updatedAt));
}

/** The outcome of routing by declarations. */
export type Choice =
  { kind: 'routed'; match: Match } | { kind: 'ambiguous'; matches: Match[] } | { kind: 'none' };

/**
 * The most specific match wins. When the top score is shared by branches of one project, that
 * project takes it (its most recently pushed branch); shared by different projects, nobody can
 * tell whose it is and the detection waits for an admin.
 */
export function choose(matches: readonly Match[]): Choice {
  const top = matches[0];
  if (!top) return { kind: 'none' };
  const tied = matches.filter((m) => m.score === top.score);
  if (tied.some((m) => m.projectId !== top.projectId))
    return {
      kind: 'ambiguous',
      matches: tied.filter((m, i) => tied.findIndex((t) => t.projectId === m.projectId) === i),
    };
  return { kind: 'routed', match: top };
}
