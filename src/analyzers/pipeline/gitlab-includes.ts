import type { AnalyzerContext } from '../../core/analyzer.js';
import { isGitlabRoot } from './classify.js';
import type { YNode } from './yaml.js';
import { get, items, parseYamlDocs, str } from './yaml.js';

/** One `include:` entry of a GitLab CI file. */
export interface Include {
  kind: 'local' | 'remote' | 'project' | 'template' | 'component';
  target: string;
  ref?: string;
  integrity?: string;
  node: YNode;
}

/** The `include:` entries of a GitLab CI document (string, map, or list forms). */
export function includesOf(root: YNode | undefined): Include[] {
  const inc = get(root, 'include');
  const list = inc?.kind === 'seq' ? inc.items : inc ? [inc] : [];
  const out: Include[] = [];
  for (const it of list) {
    const s = str(it);
    if (s !== undefined) {
      out.push({ kind: /^https?:\/\//i.test(s) ? 'remote' : 'local', target: s, node: it });
      continue;
    }
    for (const kind of ['local', 'remote', 'template', 'component'] as const) {
      const t = str(get(it, kind));
      if (t !== undefined) {
        const integrity = str(get(it, 'integrity'));
        out.push({ kind, target: t, node: it, ...(integrity !== undefined ? { integrity } : {}) });
      }
    }
    const project = str(get(it, 'project'));
    if (project !== undefined) {
      const ref = str(get(it, 'ref'));
      const files = [str(get(it, 'file')), ...items(get(it, 'file')).map(str)].filter((f) => f !== undefined);
      out.push({
        kind: 'project',
        target: `${project}${files.length ? `:${files.join(',')}` : ''}`,
        node: it,
        ...(ref !== undefined ? { ref } : {}),
      });
    }
  }
  return out;
}

/** Matches a repository path against an `include: local` pattern (`/ci/*.yml`, `ci/**.yml`). */
function localMatcher(pattern: string): (path: string) => boolean {
  const p = pattern.replace(/^\/+/, '');
  if (!p.includes('*')) return (path) => path === p;
  const re = new RegExp(
    `^${p
      .split(/(\*\*|\*)/)
      .map((part) =>
        part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('')}$`,
  );
  return (path) => re.test(path);
}

const MAX_DEPTH = 10;
const cache = new WeakMap<ReadonlySet<string>, Promise<Map<string, string>>>();

/**
 * Every file that a GitLab root of this scan includes with `include: local` (transitively), mapped to the
 * file that includes it. Read once per scan and worker; roots that fail to parse are skipped here (the
 * analyzer reports them when it analyzes them).
 */
export function gitlabLocalIncludes(ctx: AnalyzerContext): Promise<Map<string, string>> {
  let p = cache.get(ctx.paths);
  if (!p) {
    p = resolveIncludes(ctx);
    cache.set(ctx.paths, p);
  }
  return p;
}

async function resolveIncludes(ctx: AnalyzerContext): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let frontier = [...ctx.paths].filter(isGitlabRoot);
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const from of frontier) {
      const text = await ctx.readFile(from);
      if (text === undefined) continue;
      let docs;
      try {
        docs = parseYamlDocs(text);
      } catch {
        continue; // reported as a parse failure when this file itself is analyzed
      }
      for (const doc of docs) {
        for (const inc of includesOf(doc.root)) {
          if (inc.kind !== 'local') continue;
          const match = localMatcher(inc.target);
          for (const path of ctx.paths) {
            if (match(path) && !out.has(path) && !isGitlabRoot(path)) {
              out.set(path, from);
              next.push(path);
            }
          }
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** True when an `include: local` target exists among the scanned paths. */
export function localIncludeExists(ctx: AnalyzerContext, target: string): boolean {
  const match = localMatcher(target);
  for (const p of ctx.paths) if (match(p)) return true;
  return false;
}
