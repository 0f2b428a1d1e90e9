import { describe, expect, it } from 'vitest';
import { parseAlertmanager } from './alertmanager.js';
import { parseFalco } from './falco.js';
import { parseGeneric } from './generic.js';
import { parseAnomalyReport, isAnomalyReport } from './report.js';
import { alertmanagerSeverity, falcoSeverity } from './severity.js';
import { sign, verifySignature } from './signature.js';

const alert = (labels: Record<string, string>, extra: object = {}) =>
  JSON.stringify({
    version: '4',
    status: 'firing',
    alerts: [
      {
        status: 'firing',
        labels,
        annotations: {},
        startsAt: '2026-11-30T08:00:00Z',
        endsAt: '0001-01-01T00:00:00Z',
        ...extra,
      },
    ],
  });

describe('severity tables', () => {
  it('maps Alertmanager severity labels, with medium for none or unknown', () => {
    expect(
      ['critical', 'page', 'error', 'warning', 'info', 'none'].map((s) => alertmanagerSeverity(s)),
    ).toEqual(['critical', 'critical', 'high', 'medium', 'info', 'info']);
    expect(alertmanagerSeverity(undefined)).toBe('medium');
    expect(alertmanagerSeverity('sev1')).toBe('medium');
  });

  it("maps Falco's eight priorities and refuses others", () => {
    const p = ['Emergency', 'Alert', 'Critical', 'Error', 'Warning', 'Notice', 'Informational', 'Debug'];
    expect(p.map(falcoSeverity)).toEqual([
      'critical',
      'critical',
      'critical',
      'high',
      'medium',
      'low',
      'info',
      'info',
    ]);
    expect(falcoSeverity('Loud')).toBeUndefined();
  });
});

describe('Alertmanager payloads', () => {
  it('reads routing facts from the usual Kubernetes labels and the instance host', () => {
    const [d] = parseAlertmanager(
      alert({
        alertname: 'X',
        namespace: 'shop',
        service: 'shop-api',
        instance: '10.0.0.7:9100',
        pod: 'shop-api-0',
      }),
      'h',
    );
    expect(d!.facts).toEqual({ apps: ['shop-api'], namespace: 'shop', host: '10.0.0.7', pod: 'shop-api-0' });
    expect(d!.resolvedAt).toBeUndefined();
  });

  it('derives a fingerprint from the labels when the sender gives none, stable across label order', () => {
    const a = parseAlertmanager(alert({ alertname: 'X', a: '1', b: '2' }), 'h')[0]!;
    const b = parseAlertmanager(alert({ b: '2', alertname: 'X', a: '1' }), 'h')[0]!;
    const c = parseAlertmanager(alert({ alertname: 'X', a: '1', b: '3' }), 'h')[0]!;
    expect(a.identity).toBe(b.identity);
    expect(a.identity).not.toBe(c.identity);
  });

  it('takes the resolve time from endsAt, and now when endsAt is unset', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const resolved = (endsAt: string) =>
      parseAlertmanager(alert({ alertname: 'X' }, { status: 'resolved', endsAt }), 'h', now)[0]!.resolvedAt;
    expect(resolved('2026-11-30T09:00:00Z')).toBe('2026-11-30T09:00:00.000Z');
    expect(resolved('0001-01-01T00:00:00Z')).toBe(now.toISOString());
  });

  it('refuses more alerts than it will store at once', () => {
    const many = JSON.stringify({ version: '4', alerts: Array.from({ length: 1001 }, () => ({})) });
    expect(() => parseAlertmanager(many, 'h')).toThrow(/max_alerts/);
  });
});

describe('Falco payloads', () => {
  const event = (fields: Record<string, unknown>, extra: object = {}) =>
    JSON.stringify({
      rule: 'R',
      priority: 'Warning',
      time: '2026-11-30T08:00:00Z',
      output: 'o',
      output_fields: fields,
      ...extra,
    });

  it("ignores Falco's <NA> and counts repeats per controller, not per pod", () => {
    const a = parseFalco(event({ 'k8s.ns.name': 'shop', 'k8s.pod.name': 'api-7d9f8b6c4-x2x9z' }), 'h');
    const b = parseFalco(event({ 'k8s.ns.name': 'shop', 'k8s.pod.name': 'api-7d9f8b6c4-q8w7p' }), 'h');
    const c = parseFalco(event({ 'k8s.ns.name': 'other', 'k8s.pod.name': 'api-7d9f8b6c4-x2x9z' }), 'h');
    expect(a.identity).toBe(b.identity);
    expect(a.identity).not.toBe(c.identity);
    const na = parseFalco(
      event({ 'k8s.ns.name': '<NA>', 'container.image.repository': 'nginx' }, { hostname: 'n1' }),
      'h',
    );
    expect(na.facts).toEqual({ apps: [], image: 'nginx', host: 'n1' });
  });
});

describe('generic payloads', () => {
  it('treats one key as one incident and refuses unknown fields', () => {
    const base = { title: 'T', severity: 'low', occurredAt: '2026-11-30T08:00:00Z', key: 'k1', tool: 'scan' };
    const a = parseGeneric(JSON.stringify(base), 'h');
    const b = parseGeneric(JSON.stringify({ ...base, title: 'T (again)' }), 'h');
    expect(a.identity).toBe(b.identity);
    expect(a.ruleId).toBe('runtime/scan');
    expect(() => parseGeneric(JSON.stringify({ ...base, priority: 'x' }), 'h')).toThrow(
      /priority: unknown field/,
    );
    expect(() => parseGeneric(JSON.stringify({ ...base, resolved: 'yes' }), 'h')).toThrow(/resolved/);
  });
});

describe('anomaly reports', () => {
  it('are told apart from scan reports by their shape', () => {
    expect(isAnomalyReport({ what: 'x', where: 'y', severity: 'low' })).toBe(true);
    expect(isAnomalyReport({ tool: { name: 'vanguard' }, schemaVersion: '1.1.0', findings: [] })).toBe(false);
    expect(isAnomalyReport({ version: '2.1.0', runs: [] })).toBe(false);
  });

  it('take the host of a URL in "where" as a routing fact, and are low confidence', () => {
    const d = parseAnomalyReport(
      { what: 'x', where: 'see https://Shop-API.example.com:8443/admin', severity: 'high' },
      'user:a',
    );
    expect(d.facts.host).toBe('shop-api.example.com');
    expect(d.confidence).toBe('low');
    const plain = parseAnomalyReport({ what: 'x', where: 'the login screen', severity: 'high' }, 'user:a');
    expect(plain.facts.host).toBeUndefined();
  });
});

describe('Standard Webhooks signatures', () => {
  const secret = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;
  const keys = [{ hookId: 'vgh_a', key: Buffer.alloc(32, 3) }];
  const headers = (id: string, ts: number, sig: string) => ({
    'webhook-id': id,
    'webhook-timestamp': String(ts),
    'webhook-signature': sig,
  });
  const now = 1_795_000_000_000;
  const ts = now / 1000;

  it('accepts a valid signature among several (key rotation) and refuses others', () => {
    const good = sign(secret, 'msg_1', ts, '{}');
    expect(verifySignature(headers('msg_1', ts, `v1,AAAA ${good}`), '{}', keys, now)).toEqual({
      ok: true,
      hookId: 'vgh_a',
      messageId: 'msg_1',
    });
    expect(verifySignature(headers('msg_2', ts, good), '{}', keys, now).ok).toBe(false);
    expect(verifySignature(headers('msg_1', ts, good.replace('v1,', 'v2,')), '{}', keys, now).ok).toBe(false);
    expect(
      verifySignature(headers('msg_1', ts + 301, sign(secret, 'msg_1', ts + 301, '{}')), '{}', keys, now).ok,
    ).toBe(false);
    expect(
      verifySignature(headers('msg_1', ts - 299, sign(secret, 'msg_1', ts - 299, '{}')), '{}', keys, now).ok,
    ).toBe(true);
    expect(verifySignature({}, '{}', keys, now)).toMatchObject({ ok: false, reason: /webhook-id/ });
  });
});
