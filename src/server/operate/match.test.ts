import { describe, expect, it } from 'vitest';
import { billingDeployment, shopDeployment } from '../../../test/helpers/deployment.js';
import { imageRepository, podWorkload, ruleKeys, type RoutingFacts } from './facts.js';
import { choose, matchDeployments, type Candidate } from './match.js';

const candidates: Candidate[] = [
  { projectId: 1, project: 'shop', branch: 'main', updatedAt: '2026-11-30T10:00:00Z', ...shopDeployment() },
  {
    projectId: 2,
    project: 'billing',
    branch: 'main',
    updatedAt: '2026-11-30T09:00:00Z',
    ...billingDeployment(),
  },
];

const facts = (f: Partial<RoutingFacts>): RoutingFacts => ({ apps: [], ...f });
const routedTo = (f: Partial<RoutingFacts>, c: Candidate[] = candidates) => {
  const choice = choose(matchDeployments(facts(f), c));
  return choice.kind === 'routed' ? choice.match.project : choice.kind;
};

describe('routing by declared deployments', () => {
  it('routes by namespace and app label, pod name, image, host and threat-model asset', () => {
    expect(routedTo({ namespace: 'shop', apps: ['shop-api'] })).toBe('shop');
    expect(routedTo({ pod: 'billing-api-5f7c9d8b6d-qwxzt' })).toBe('billing');
    expect(routedTo({ image: 'registry.example.com/billing/api@sha256:abcd' })).toBe('billing');
    expect(routedTo({ host: 'shop-api-7d9f8b6c4-x2x9z' })).toBe('shop');
    expect(routedTo({ asset: 'orders-db' })).toBe('shop');
    expect(routedTo({ namespace: 'billing' })).toBe('billing');
  });

  it('leaves unmatched facts unrouted, and never routes by a Dockerfile base image', () => {
    expect(routedTo({ namespace: 'payments', apps: ['ledger'] })).toBe('none');
    expect(routedTo({ image: 'node:20-alpine' })).toBe('none');
    expect(routedTo({})).toBe('none');
  });

  it('does not take the same app name in another namespace for a match', () => {
    // billing's worker is in namespace billing; a worker in namespace ops is neither team's.
    const m = matchDeployments(facts({ namespace: 'ops', apps: ['worker'] }), candidates);
    expect(m.map((x) => x.project)).toEqual(['shop']); // the Compose worker has no namespace to contradict
    expect(routedTo({ namespace: 'ops', apps: ['billing-api'] })).toBe('none');
  });

  it('chooses the most specific match: more evidence wins, equal evidence across projects is ambiguous', () => {
    // An app name alone matches shop's Compose worker and billing's worker equally.
    const tie = choose(matchDeployments(facts({ apps: ['worker'] }), candidates));
    expect(tie.kind).toBe('ambiguous');
    if (tie.kind === 'ambiguous')
      expect(tie.matches.map((m) => m.project).sort()).toEqual(['billing', 'shop']);
    // The image names shop's worker: image + name beat name alone.
    expect(routedTo({ apps: ['worker'], image: 'registry.example.com/shop/worker:2.0.0' })).toBe('shop');
    // The namespace names billing's worker: name + namespace beat name alone.
    expect(routedTo({ apps: ['worker'], namespace: 'billing' })).toBe('billing');
  });

  it('between branches of one project, takes the most recently pushed one', () => {
    const branches: Candidate[] = [
      { ...candidates[0]!, branch: 'release-1', updatedAt: '2026-11-01T00:00:00Z' },
      { ...candidates[0]!, branch: 'main', updatedAt: '2026-11-30T00:00:00Z' },
    ];
    const c = choose(matchDeployments(facts({ apps: ['shop-api'] }), branches));
    expect(c.kind === 'routed' && c.match.branch).toBe('main');
  });
});

describe('routing facts', () => {
  it('reduces image references to their repository', () => {
    expect(imageRepository('docker.io/library/nginx:1.27@sha256:0123')).toBe('nginx');
    expect(imageRepository('registry.example.com:5000/team/api:1.0')).toBe(
      'registry.example.com:5000/team/api',
    );
    expect(imageRepository('Registry.Example.com/Team/API')).toBe('registry.example.com/team/api');
  });

  it('finds the controller name in pod names without eating real name parts', () => {
    expect(podWorkload('shop-api-7d9f8b6c4-x2x9z')).toBe('shop-api');
    expect(podWorkload('fluent-bit-x2x9z')).toBe('fluent-bit');
    expect(podWorkload('postgres-0')).toBe('postgres');
    expect(podWorkload('shop-admin')).toBe('shop-admin');
  });

  it('offers rule keys most specific first', () => {
    expect(
      ruleKeys(
        facts({ namespace: 'shop', apps: ['api'], image: 'nginx:1', host: 'Node-1', pod: 'api-0' }),
      ).map((k) => k.key),
    ).toEqual(['image', 'app', 'pod', 'namespace', 'host']);
  });
});
