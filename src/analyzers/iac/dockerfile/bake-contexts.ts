import { posix } from 'node:path';

// A Bake file's named contexts (`docker buildx bake`): a target may give the build of its Dockerfile a named
// context (`contexts = { base = "target:base" }` in docker-bake.hcl, `"contexts": {…}` in docker-bake.json), and
// a `FROM base` of that Dockerfile then reads the context, never a registry. `target:NAME` is the image another
// target of the same Bake file builds (a stage of the same build, whose own Dockerfile's `FROM` is checked where
// it is written); `docker-image://REF` is an image reference, checked for a pin in the `FROM`'s place. A Bake
// file applies to the Dockerfiles its targets name: `dockerfile` (default `Dockerfile`) under the target's
// `context` (default `.`), both relative to the Bake file's folder, read through `inherits`. Values holding a
// variable (`${VERSION}`) are not read.

/** Bake's default file names, in the folder of a Dockerfile or any folder above it. */
const BAKE_FILES = [
  'docker-bake.hcl',
  'docker-bake.override.hcl',
  'docker-bake.json',
  'docker-bake.override.json',
];

type Target = { context?: string; dockerfile?: string; contexts: Map<string, string>; inherits: string[] };

/** The body of the block that opens at `open` (a `{`), or undefined when its braces do not close. */
function blockBody(text: string, open: number): string | undefined {
  let depth = 0;
  let quoted = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  return undefined;
}

const STRING = '"((?:[^"\\\\$\\n]|\\\\.)*)"';

/** The top-level string attribute `key = "…"` of an HCL block body (nested blocks' bodies left out). */
function hclString(body: string, key: string): string | undefined {
  return new RegExp(`^[ \\t]*${key}[ \\t]*=[ \\t]*${STRING}[ \\t]*$`, 'm').exec(body)?.[1];
}

/** The targets of an HCL Bake file: `target "name" { … }`. */
function hclTargets(text: string): Map<string, Target> {
  const out = new Map<string, Target>();
  for (const m of text.matchAll(/^[ \t]*target[ \t]+"([\w.-]+)"[ \t]*\{/gm)) {
    const body = blockBody(text, (m.index ?? 0) + m[0].length - 1);
    if (body === undefined) continue;
    const contexts = new Map<string, string>();
    const map = /^[ \t]*contexts[ \t]*=[ \t]*\{/m.exec(body);
    const inner = map ? blockBody(body, map.index + map[0].length - 1) : undefined;
    for (const c of (inner ?? '').matchAll(
      new RegExp(`(?:"([^"\\n]+)"|([\\w.-]+))[ \\t]*[=:][ \\t]*${STRING}`, 'g'),
    ))
      contexts.set((c[1] ?? c[2]) as string, c[3] as string);
    const inherits = /^[ \t]*inherits[ \t]*=[ \t]*\[([^\]]*)\]/m.exec(body)?.[1] ?? '';
    out.set(m[1] as string, {
      context: hclString(body, 'context'),
      dockerfile: hclString(body, 'dockerfile'),
      contexts,
      inherits: [...inherits.matchAll(/"([\w.-]+)"/g)].map((i) => i[1] as string),
    });
  }
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && !v.includes('$') ? v : undefined);

/** The targets of a JSON Bake file: `{ "target": { "name": { … } } }`. */
function jsonTargets(text: string): Map<string, Target> {
  const out = new Map<string, Target>();
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return out;
  }
  const targets = (doc as { target?: unknown } | null)?.target;
  if (!targets || typeof targets !== 'object') return out;
  for (const [name, t] of Object.entries(targets as Record<string, Record<string, unknown>>)) {
    if (!t || typeof t !== 'object') continue;
    const contexts = new Map<string, string>();
    for (const [k, v] of Object.entries((t.contexts as Record<string, unknown> | undefined) ?? {}))
      if (str(v) !== undefined) contexts.set(k, v as string);
    out.set(name, {
      context: str(t.context),
      dockerfile: str(t.dockerfile),
      contexts,
      inherits: Array.isArray(t.inherits) ? t.inherits.filter((i): i is string => typeof i === 'string') : [],
    });
  }
  return out;
}

/** A target's attributes with what it inherits filled in (its own first; at most a few levels). */
function resolved(targets: Map<string, Target>, name: string, depth = 0): Target | undefined {
  const t = targets.get(name);
  if (!t || depth > 8) return t;
  const out: Target = { ...t, contexts: new Map(t.contexts) };
  for (const p of t.inherits) {
    const parent = resolved(targets, p, depth + 1);
    if (!parent) continue;
    out.context ??= parent.context;
    out.dockerfile ??= parent.dockerfile;
    for (const [k, v] of parent.contexts) if (!out.contexts.has(k)) out.contexts.set(k, v);
  }
  return out;
}

/**
 * The named contexts Bake gives the Dockerfile at `path` (relative to the scan root), by the Bake files of its
 * folder and the folders above: context name → value (`target:base`, `docker-image://node:20`). A name two
 * targets building the same Dockerfile map differently is left out.
 */
export async function bakeContexts(
  path: string,
  paths: ReadonlySet<string>,
  readFile: (p: string) => Promise<string | undefined>,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const conflicting = new Set<string>();
  for (let dir = posix.dirname(path); ; dir = posix.dirname(dir)) {
    for (const name of BAKE_FILES) {
      const bake = dir === '.' ? name : `${dir}/${name}`;
      if (!paths.has(bake)) continue;
      const text = await readFile(bake).catch(() => undefined);
      if (text === undefined) continue;
      const targets = name.endsWith('.json') ? jsonTargets(text) : hclTargets(text);
      for (const t of targets.keys()) {
        const r = resolved(targets, t);
        if (!r || r.contexts.size === 0) continue;
        const file = posix.normalize(posix.join(dir, r.context ?? '.', r.dockerfile ?? 'Dockerfile'));
        if (file !== path) continue;
        for (const [k, v] of r.contexts) {
          if (out.has(k) && out.get(k) !== v) conflicting.add(k);
          out.set(k, v);
        }
      }
    }
    if (dir === '.' || dir === '/' || dir === '') break;
  }
  for (const k of conflicting) out.delete(k);
  return out;
}
