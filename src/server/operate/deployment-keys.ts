import type { Kysely } from 'kysely';
import type { DeclaredDeployment } from '../../core/deployment.js';
import type { Database } from '../store/schema.js';
import { fact, imageRepository, podWorkload, type RoutingFacts } from './facts.js';
import { appNames } from './match.js';

/**
 * The keys a deployment is found by when a detection is routed, and the keys a detection looks
 * up. Every way `scoreWorkload` and the asset match can give a declaration points has a key here,
 * so the lookup returns every deployment that could score (and, through shared namespaces or
 * names, some that then score nothing): scoring itself is unchanged.
 */
export type KeyKind = 'image' | 'app' | 'namespace' | 'asset';
export interface DeploymentKey {
  key: KeyKind;
  value: string;
}

/** Host prefixes tried per detection: `api-7d9f-x2.shop.svc` gives `api`, `api-7d9f`, … */
const MAX_HOST_PREFIXES = 64;

function add(out: Map<string, DeploymentKey>, key: KeyKind, raw: string | undefined): void {
  // Facts are compared trimmed, without NUL and at most 300 characters: so are the keys.
  const value = fact(raw);
  if (value !== undefined) out.set(`${key}\0${value}`, { key, value });
}

/** The distinct keys of a deployment. */
export function deploymentKeys(d: DeclaredDeployment): DeploymentKey[] {
  const out = new Map<string, DeploymentKey>();
  for (const w of d.workloads) {
    // A Dockerfile's FROM images never route (match.ts): not indexed either.
    if (w.kind !== 'dockerfile') for (const i of w.images) add(out, 'image', imageRepository(i));
    for (const n of appNames(w)) add(out, 'app', n);
    add(out, 'namespace', w.namespace);
  }
  for (const a of d.assets) add(out, 'asset', a.id);
  return [...out.values()];
}

/** Names a host can stand for: itself and each prefix before a `-` or `.` (as match.ts compares them). */
function hostNames(host: string): string[] {
  const h = host.toLowerCase();
  const names = [h];
  for (let i = 1; i < h.length && names.length < MAX_HOST_PREFIXES; i++)
    if (h[i] === '-' || h[i] === '.') names.push(h.slice(0, i));
  return names;
}

/** The keys to look a detection's facts up by. */
export function lookupKeys(f: RoutingFacts): DeploymentKey[] {
  const out = new Map<string, DeploymentKey>();
  if (f.image) add(out, 'image', imageRepository(f.image));
  for (const a of f.apps) {
    add(out, 'app', a);
    add(out, 'asset', a);
  }
  if (f.pod) add(out, 'app', podWorkload(f.pod));
  if (f.host) for (const n of hostNames(f.host)) add(out, 'app', n);
  add(out, 'namespace', f.namespace);
  add(out, 'asset', f.asset);
  return [...out.values()];
}

/** Replaces a project branch's keys with those of its newly pushed deployment (inside the push's transaction). */
export async function indexDeployment(
  trx: Kysely<Database>,
  projectId: number,
  branch: string,
  d: DeclaredDeployment,
): Promise<void> {
  await trx
    .deleteFrom('deployment_keys')
    .where('project_id', '=', projectId)
    .where('branch', '=', branch)
    .execute();
  const rows = deploymentKeys(d).map((k) => ({ ...k, project_id: projectId, branch }));
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('deployment_keys')
      .values(rows.slice(i, i + 500))
      .execute();
}
