import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { loadThreatModel } from './load.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function errorOf(text: string): ConfigError {
  try {
    loadThreatModel(text, 'threatmodel.yaml');
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

const base = `version: 1
title: t
zones:
  - { id: app, trust: internal }
assets:
  - id: api
    kind: api
    zone: app
`;

describe('loadThreatModel (threatmodel.yaml)', () => {
  it('loads the sample with defaults and the line of every element', () => {
    const m = loadThreatModel(fixture('threatmodel.yaml'), 'threatmodel.yaml');
    expect(m.format).toBe('vanguard');
    expect(m.assets.map((a) => a.id)).toEqual(['shopper', 'storefront', 'orders', 'orders-db', 'payments']);
    const text = fixture('threatmodel.yaml').split('\n');
    for (const a of m.assets) expect(text[a.line - 1]).toContain(`id: ${a.id}`);
    for (const f of m.flows) expect(text[f.line - 1]).toContain(`id: ${f.id}`);
    const flow = m.flows.find((f) => f.id === 'storefront-orders');
    expect(flow?.encrypted).toBe(false);
    expect(m.flows.find((f) => f.id === 'orders-db')?.encrypted).toBe(true);
    expect(m.risks.map((r) => r.status)).toEqual(['accepted', 'false-positive']);
  });

  it('reports an unknown enum value at its line, listing the allowed values', () => {
    const e = errorOf(base.replace('kind: api', 'kind: mainframe'));
    expect(e.line).toBe(7);
    expect(e.file).toBe('threatmodel.yaml');
    expect(e.message).toContain('assets.0.kind must be one of: web-app, api');
  });

  it('reports an unknown key at the key', () => {
    const e = errorOf(`${base}    encrypted: yes\n`);
    expect(e.line).toBe(9);
    expect(e.message).toContain('unknown key "encrypted"');
  });

  it('reports a missing required field at its object', () => {
    const e = errorOf(`${base}flows:\n  - id: f\n    from: api\n    to: api\n`);
    expect(e.line).toBe(10);
    expect(e.message).toContain('missing "protocol"');
  });

  it('reports unknown references and duplicates at the referring element', () => {
    expect(errorOf(base.replace('zone: app', 'zone: nowhere')).message).toContain('unknown zone "nowhere"');
    const dup = errorOf(`${base}  - id: api\n    kind: web-app\n`);
    expect(dup.message).toContain('duplicate asset id "api"');
    expect(dup.line).toBe(9);
    const flow = errorOf(`${base}flows:\n  - { id: f, from: api, to: ghost, protocol: https }\n`);
    expect(flow.line).toBe(10);
    expect(flow.message).toContain('unknown asset "ghost"');
  });

  it('requires justification, owner and expiry for accepted threats', () => {
    const e = errorOf(`${base}threats:\n  - { id: xss@api, status: accepted, owner: me }\n`);
    expect(e.line).toBe(10);
    expect(e.message).toContain('justification, an owner and an expiry');
  });

  it('turns YAML syntax errors and non-models into ConfigErrors with a line', () => {
    const e = errorOf('version: 1\ntitle: [unclosed\n');
    expect(e.message).toContain('invalid YAML');
    expect(e.line).toBeGreaterThan(0);
    expect(errorOf('- just\n- a list\n').message).toContain('must be object');
    expect(errorOf('').message).toContain('must be object');
  });

  it('refuses alias bombs and deep nesting without hanging', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      );
    expect(errorOf(bomb.join('\n')).code).toBe('CONFIG');
    expect(errorOf('['.repeat(200) + ']'.repeat(200)).code).toBe('CONFIG');
  });
});
