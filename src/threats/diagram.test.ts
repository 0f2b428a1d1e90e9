import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveThreats } from './derive.js';
import { renderSvg, toDot, toMermaid } from './diagram.js';
import { loadThreatModel } from './load.js';

const read = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const models = [
  loadThreatModel(read('threatmodel.yaml'), 'threatmodel.yaml'),
  loadThreatModel(read('threagile.yaml'), 'threagile.yaml'),
];

const hasDot = spawnSync('dot', ['-V']).error === undefined;
// Graphviz is installed in CI; only a developer machine without it may skip.
const svgIt = hasDot || process.env.CI ? it : it.skip;

/** Minimal XML well-formedness: every tag closes in order, attributes are quoted, one root. */
function checkXml(svg: string): void {
  const body = svg
    .replace(/<\?xml[^>]*\?>/, '')
    .replace(/<!DOCTYPE[^>]*>/, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  const stack: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(
    /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g,
  )) {
    const [, close, name, , selfClose] = m;
    if (close) {
      expect(stack.pop(), `closing </${name}>`).toBe(name);
    } else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name ?? '');
    } else if (stack.length === 0) roots++;
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
  // Any '<' left that is not a tag means a broken tag.
  expect(
    body.replace(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g, ''),
  ).not.toContain('<');
}

const decodeEntities = (s: string): string =>
  s
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe.each(models.map((m) => [m.format, m] as const))('diagram of the %s sample', (_f, model) => {
  const { threats } = deriveThreats(model, new Date('2026-11-22T00:00:00Z'));

  it('Mermaid text names every asset, zone and flow and marks flows with open threats', () => {
    const text = toMermaid(model, threats);
    expect(text.startsWith('flowchart LR\n')).toBe(true);
    for (const a of model.assets) expect(text).toContain(a.name);
    for (const z of model.zones) expect(text).toContain(`${z.name} (${z.trust})`);
    for (const f of model.flows) expect(text).toContain(`"${f.id}: ${f.protocol}`);
    const arrows = text.split('\n').filter((l) => l.includes('-->'));
    expect(arrows).toHaveLength(model.flows.length);
    const openFlowIdx = model.flows.flatMap((f, i) =>
      threats.some((t) => t.status === 'open' && t.subject.kind === 'flow' && t.subject.id === f.id)
        ? [i]
        : [],
    );
    expect(openFlowIdx.length).toBeGreaterThan(0);
    expect(text).toContain(`linkStyle ${openFlowIdx.join(',')} stroke:#d32f2f`);
  });

  svgIt('SVG is well-formed and holds every asset, zone and flow, open flows in red', () => {
    const raw = renderSvg(toDot(model, threats));
    expect(raw).toContain('<svg');
    checkXml(raw);
    const svg = decodeEntities(raw);
    for (const a of model.assets) expect(svg).toContain(`>${a.name}</text>`);
    for (const a of model.assets) expect(svg).toContain(`id="asset-${a.id}"`);
    for (const z of model.zones) expect(svg).toContain(`id="zone-${z.id}"`);
    for (const f of model.flows) {
      const group = svg.slice(svg.indexOf(`id="flow-${f.id}"`));
      expect(svg).toContain(`id="flow-${f.id}"`);
      const open = threats.some(
        (t) => t.status === 'open' && t.subject.kind === 'flow' && t.subject.id === f.id,
      );
      const edge = group.slice(0, group.indexOf('</g>'));
      expect(edge.includes('#d32f2f'), f.id).toBe(open);
    }
  });
});

describe('renderSvg', () => {
  it('fails with a clear message when Graphviz is missing', () => {
    expect(() => renderSvg('digraph {}', 'dot-that-does-not-exist')).toThrow(
      /SVG output needs Graphviz: install it/,
    );
  });

  it('escapes quotes and backslashes in names', () => {
    const m = loadThreatModel(
      'version: 1\ntitle: "a \\"quoted\\" title"\nassets:\n  - { id: x, name: "back\\\\slash \\"q\\"", kind: api }\n',
      'threatmodel.yaml',
    );
    const dot = toDot(m, []);
    expect(dot).toContain('label="back\\\\slash \\"q\\"\\napi"');
    expect(toMermaid(m, [])).toContain('back\\slash #quot;q#quot;');
  });
});
