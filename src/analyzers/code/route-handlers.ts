/**
 * The second half of `code/js-route-missing-auth` for a handler defined in another module of the scanned
 * tree (`app.put('/:name/sync', sync.sync)` with `const sync = require('../controllers/sync')`): a handler that
 * reads the signed-in user itself (`req.user`, Koa's `ctx.state.user` or `this.user`) decides who may call it,
 * as one written in place does (route-guards.ts). Only the module the handler comes from is read (through the
 * core, like every cross-file read), and only for such matches.
 */
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import { exportedValue, importReader } from './imported-fixed.js';
import type { FileLanguage } from './languages.js';
import type { CodeMatch } from './matches.js';
import { checksUserItself } from './route-guards.js';

/** `matches` without the unguarded routes whose imported handler checks the user itself. */
export async function dropSelfCheckingHandlers(
  matches: CodeMatch[],
  file: SourceFile,
  lang: FileLanguage,
  ctx: Pick<AnalyzerContext, 'paths' | 'readFile'>,
): Promise<CodeMatch[]> {
  const pending = matches.filter((m) => m.handlerName !== undefined && m.path === undefined);
  if (pending.length === 0 || lang.family === 'python') return matches;
  const { imports, moduleRoot } = importReader(file, lang, ctx);
  const drop = new Set<CodeMatch>();
  for (const m of pending) {
    const [local = '', member] = (m.handlerName ?? '').split('.');
    const b = imports.names.get(local);
    // A member of a named import is a property of the value it names: not read.
    if (!b || (b.name !== null && member !== undefined)) continue;
    const root = await moduleRoot(b.module);
    const handler = root && exportedValue(root, b.name ?? member ?? null);
    if (handler && checksUserItself(handler)) drop.add(m);
  }
  return drop.size === 0 ? matches : matches.filter((m) => !drop.has(m));
}
