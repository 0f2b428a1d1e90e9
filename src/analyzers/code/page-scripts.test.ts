import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';
import { inlineScriptRanges, isInlineJavaScript, isToolPage, pageScriptText } from './page-scripts.js';

// A console page as a SPICE or VNC client ships it: the URL's `title` written into the page as HTML.
const CONSOLE = `<!doctype html>
<html>
  <head><title>Console</title><script src="main.js"></script></head>
  <body>
    <div id="hostname"></div>
    <p>Connecting</p><script>
      function displayHostname() {
        var title = new URLSearchParams(window.location.search).getAll('title');
        var name = title[0].split('(')[0];
        document.getElementById('hostname').innerHTML = (name);
      }
      displayHostname();
    </script>
  </body>
</html>
`;

const ctx = makeMemoryContext();
const findings = async (path: string, text: string) => codeAnalyzer.analyze(makeSourceFile(path, text), ctx);

describe("an HTML page's inline scripts", () => {
  it('are read as JavaScript, a finding at its line and column of the page', async () => {
    const found = (await findings('web/console.html', CONSOLE)).filter((f) => f.ruleId === 'code/js-dom-xss');
    expect(found).toHaveLength(1);
    const at = found[0]!.location;
    expect(at.path).toBe('web/console.html');
    expect(at.startLine).toBe(10);
    expect(CONSOLE.split('\n')[9]!.slice((at.startColumn ?? 1) - 1)).toMatch(/^document\.getElementById/);
    expect(at.snippet).toBe("document.getElementById('hostname').innerHTML = (name);");
    // The flow names the page's lines too.
    expect(found[0]!.flow?.map((s) => s.line)).toContain(8);
  });

  it('say a minified inline script is skipped, not the page, whose markup is read', async () => {
    const local = makeMemoryContext();
    const min = Array.from({ length: 400 }, (_, i) => `var v${i}=${i};`).join('');
    const page = `<html><body>\n<p>{{{ note }}}</p>\n<script>${min}</script>\n</body></html>\n`;
    await codeAnalyzer.analyze(makeSourceFile('web/min.html', page), local);
    expect(local.warnings.join('\n')).toMatch(
      /inline <script> elements skipped \(the page's markup is read\): minified/,
    );
    await codeAnalyzer.analyze(makeSourceFile('web/min.js', min), local);
    // A script file of its own is skipped whole, as before.
    expect(local.warnings.at(-1)).toMatch(/skipped: minified or bundled code/);
    expect(local.warnings.at(-1)).not.toMatch(/inline/);
  });

  it('give what the same code gives in a .js file', async () => {
    const js = pageScriptText(CONSOLE)!;
    const ids = (fs: { ruleId: string; location: { startLine: number } }[]) =>
      fs.map((f) => `${f.ruleId}:${f.location.startLine}`).sort();
    expect(ids(await findings('web/console.html', CONSOLE))).toEqual(
      ids(await findings('web/console.js', js)),
    );
  });

  it('keep the page its lines: markup blanked, scripts in place, a `;` where a closing tag began', () => {
    const text = pageScriptText(CONSOLE)!;
    expect(text.split('\n')).toHaveLength(CONSOLE.split('\n').length);
    expect(text.split('\n')[5]).toBe('');
    expect(text.split('\n')[12]).toBe('    ;');
    expect(pageScriptText('<p>a</p><script>a()</script><script>(b)</script>')).toBe(
      '                a();                (b);',
    );
  });

  it('leave out data blocks, external scripts, templates and scripts inside comments', () => {
    expect(isInlineJavaScript('')).toBe(true);
    expect(isInlineJavaScript(' type="module"')).toBe(true);
    expect(isInlineJavaScript(" type='Text/JavaScript' defer")).toBe(true);
    expect(isInlineJavaScript(' language="JavaScript"')).toBe(true);
    expect(isInlineJavaScript(' type=""')).toBe(true);
    for (const attrs of [
      ' src="a.js"',
      ' SRC=a.js',
      ' type="text/template"',
      ' type="text/x-handlebars-template"',
      ' type="application/json"',
      ' type="importmap"',
      ' type="application/ld+json"',
      ' type="text/babel"',
      ' language="vbscript"',
    ])
      expect(isInlineJavaScript(attrs)).toBe(false);
    // `data-src` and a `src` inside another attribute's value are not a source.
    expect(isInlineJavaScript(' data-src="a.js" title="src=x"')).toBe(true);
    expect(pageScriptText('<!-- <script>document.write(location.hash)</script> -->')).toBeUndefined();
    expect(pageScriptText('<script type="text/html"><b>x</b></script>')).toBeUndefined();
    expect(pageScriptText('<p>no script</p>')).toBeUndefined();
    expect(pageScriptText('<scripts>x()</scripts>')).toBeUndefined();
  });

  it('find the end of a start tag past a `>` inside a quoted value', () => {
    const page = '<script data-x="a>b">go()</script>';
    expect(inlineScriptRanges(page)).toEqual([[page.indexOf('go'), page.indexOf('</')]]);
  });

  it("read an old page's hiding comments as JavaScript does", () => {
    expect(pageScriptText('<script><!--\nrun()\n//--></script>')).toBe('\nrun()\n//-->;');
  });

  it('are not read on a page a documentation or coverage tool wrote', async () => {
    expect(isToolPage('<meta name="generator" content="Docutils 0.19">')).toBe(true);
    expect(
      isToolPage('<footer>Documentation generated by <a href="https://jsdoc.app">JSDoc 3.6</a></footer>'),
    ).toBe(true);
    expect(isToolPage('<title>Code coverage report for lib/</title>')).toBe(true);
    expect(isToolPage(CONSOLE)).toBe(false);
    const generated = CONSOLE.replace('<head>', '<head><meta name="generator" content="pdoc 12">');
    expect(await findings('web/console.html', generated)).toEqual([]);
  });

  it('are found in linear time on hostile pages: unclosed tags, comments and quotes, binary', () => {
    const hostile = [
      '<script'.repeat(100_000),
      '<script>'.repeat(100_000),
      '<script a="'.repeat(100_000),
      '<!--'.repeat(100_000) + '<script>x()</script>',
      '<script>' + '</scrip'.repeat(100_000),
      "<script x='>' " + ' '.repeat(200_000) + "'".repeat(1000),
      Buffer.from(Array.from({ length: 600_000 }, (_, i) => (i * 7919) % 256)).toString('latin1'),
      // A minified page: one line of markup, blanked, before its script on the same line.
      '<p>' + 'x'.repeat(200_000) + '</p><script>var a = 1</script>',
      '<b>\t</b>'.repeat(50_000) + '<script>run()</script>',
    ];
    const started = Date.now();
    for (const page of hostile) pageScriptText(page);
    expect(Date.now() - started).toBeLessThan(2000);
    // An unclosed script runs to the end of the page, as a browser reads it.
    expect(pageScriptText('<p>\n<script>\nrun(location.hash)')).toBe('\n\nrun(location.hash)');
  });
});
