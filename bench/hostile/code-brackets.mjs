// Hostile code text for the code analyzer: a module whose scope repeats `list[` without closing brackets
// (here in a comment, so that the file parses and is not taken as minified), beside a fixed list written into
// the page. Reading whether the list is ever written (fixed-writes.ts, elementsWritten) once scanned from every
// `list[` to the end of the scope: quadratic, minutes at 1 MB. Prints the analyzer's CPU seconds per size; each
// doubling of the size should about double the time.
// Usage (after `npx tsc -p tsconfig.build.json`): node bench/hostile/code-brackets.mjs [--kb 128,256,512,1024]
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const { makeMemoryContext, makeSourceFile } = await import(join(repo, 'dist/core/source-file.js'));
const { codeAnalyzer } = await import(join(repo, 'dist/analyzers/code/index.js'));
const at = process.argv.indexOf('--kb');
const sizes = (at > 0 ? process.argv[at + 1] : '128,256,512,1024').split(',').map(Number);

const head =
  "const list = ['<b>a</b>', '<i>b</i>'];\nfunction show(el) {\n  el.innerHTML = list.join('');\n}\n/*\n";
const line = 'list[ list[ list[ list[ list[ list[ list[ list[\n';
// Warm-up: the first analysis loads rules and grammars.
await codeAnalyzer.analyze(makeSourceFile('lib/warm.js', head + '*/\n'), makeMemoryContext({}));
for (const kb of sizes) {
  const text = `${head}${line.repeat(Math.ceil((kb * 1024) / line.length))}*/\nmodule.exports = show;\n`;
  const start = process.cpuUsage();
  const found = await codeAnalyzer.analyze(
    makeSourceFile('lib/show.js', text),
    makeMemoryContext({ 'lib/show.js': text }),
  );
  const used = process.cpuUsage(start);
  console.log(`${kb} KB: ${((used.user + used.system) / 1e6).toFixed(2)} CPU-s, ${found.length} findings`);
}
