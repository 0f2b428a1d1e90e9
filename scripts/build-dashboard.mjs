// Bundles the web dashboard (src/dashboard) into dist/dashboard: hashed asset names so browsers may
// cache them forever, an index.html that loads them (no inline script or style, for a strict CSP),
// and a manifest the server reads to know the dashboard is built. Run by `npm run build`.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src', 'dashboard');
const out = join(root, 'dist', 'dashboard');
// Start empty: bundles of earlier builds must not linger and be packed.
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'assets'), { recursive: true });

const result = await build({
  entryPoints: { app: join(src, 'main.ts'), style: join(src, 'style.css') },
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
  outdir: join(out, 'assets'),
  entryNames: '[name]-[hash]',
  // The bundled libraries' licences travel with the bundle.
  legalComments: 'eof',
  tsconfig: join(src, 'tsconfig.json'),
  metafile: true,
  logLevel: 'warning',
});

const assets = Object.keys(result.metafile.outputs).map((p) => basename(p));
const pick = (prefix, ext) => {
  const f = assets.find((a) => a.startsWith(prefix) && a.endsWith(ext));
  if (!f) throw new Error(`build-dashboard: no ${prefix}*${ext} in the esbuild output`);
  return f;
};
const html = readFileSync(join(src, 'index.html'), 'utf8')
  .replace('%SCRIPT%', `/assets/${pick('app-', '.js')}`)
  .replace('%STYLE%', `/assets/${pick('style-', '.css')}`);
writeFileSync(join(out, 'index.html'), html);
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify({ index: 'index.html', assets }, null, 2)}\n`);
