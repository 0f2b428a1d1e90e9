import { dirname } from 'node:path/posix';
import type { AnalyzerContext } from '../../../core/analyzer.js';
import { ParseError } from '../../../core/errors.js';
import type { HclFile } from '../hcl/ast.js';
import { collectScope, emptyScope } from '../hcl/eval.js';
import { parseHcl } from '../hcl/parser.js';
import type { TfModule } from './model.js';
import { bodyText, resourcesOf } from './model.js';

const CACHE_LIMIT = 256;
// Keyed by the scan's path set, so each scan (and each test context) sees its own files.
const caches = new WeakMap<ReadonlySet<string>, Map<string, Promise<TfModule>>>();
const dirIndexes = new WeakMap<ReadonlySet<string>, Map<string, string[]>>();

/** Terraform-related paths of the scan by folder, built once per scan. */
function terraformPathsIn(paths: ReadonlySet<string>, dir: string): string[] {
  let idx = dirIndexes.get(paths);
  if (!idx) {
    idx = new Map();
    for (const p of paths) {
      if (!p.endsWith('.tf') && !p.endsWith('.tfvars')) continue;
      const d = dirname(p);
      const list = idx.get(d);
      if (list) list.push(p);
      else idx.set(d, [p]);
    }
    dirIndexes.set(paths, idx);
  }
  return idx.get(dir) ?? [];
}

function addFile(file: HclFile, scope: TfModule['scope'], text: Map<string, string[]>): void {
  collectScope(file, scope);
  for (const r of resourcesOf(file)) {
    const list = text.get(r.type) ?? [];
    bodyText(r.block.body, list);
    text.set(r.type, list);
  }
}

/**
 * The module (folder) context of a Terraform file: variable defaults, locals and resource
 * references of every .tf file in the same folder. Built once per folder and scan.
 */
export async function moduleContext(path: string, parsed: HclFile, ctx: AnalyzerContext): Promise<TfModule> {
  if (!ctx.paths.has(path)) return build(dirname(path), ctx, parsed);
  const dir = dirname(path);
  let cache = caches.get(ctx.paths);
  if (!cache) {
    cache = new Map();
    caches.set(ctx.paths, cache);
  }
  let p = cache.get(dir);
  if (!p) {
    p = build(dir, ctx);
    cache.set(dir, p);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  }
  return p;
}

async function build(dir: string, ctx: AnalyzerContext, extra?: HclFile): Promise<TfModule> {
  const scope = emptyScope();
  const text = new Map<string, string[]>();
  if (extra) addFile(extra, scope, text);
  const tfvars: HclFile[] = [];
  for (const p of terraformPathsIn(ctx.paths, dir)) {
    const isVars = p.endsWith('/terraform.tfvars') || p === 'terraform.tfvars' || p.endsWith('.auto.tfvars');
    if ((!p.endsWith('.tf') && !isVars) || dirname(p) !== dir) continue;
    const src = await ctx.readFile(p);
    if (src === undefined) continue;
    let file: HclFile;
    try {
      file = parseHcl(src);
    } catch (err) {
      // A malformed sibling is reported as a ParseError when that file itself is analysed;
      // here it only contributes nothing to the module scope.
      if (err instanceof ParseError) continue;
      throw err;
    }
    if (isVars) tfvars.push(file);
    else addFile(file, scope, text);
  }
  // terraform.tfvars and *.auto.tfvars are loaded automatically and override variable defaults.
  for (const f of tfvars) for (const a of f.body.attributes.values()) scope.vars.set(a.name, a.expr);
  return { scope, textByType: join(text) };
}

function join(text: Map<string, string[]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of text) out.set(k, v.join('\n'));
  return out;
}
