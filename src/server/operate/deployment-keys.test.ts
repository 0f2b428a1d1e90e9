import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billingDeployment, shopDeployment } from '../../../test/helpers/deployment.js';
import type { DeclaredDeployment, DeclaredWorkload } from '../../core/deployment.js';
import { deploymentKeys, lookupKeys } from './deployment-keys.js';
import type { RoutingFacts } from './facts.js';
import { matchDeployments, type Candidate } from './match.js';

const facts = (f: Partial<RoutingFacts>): RoutingFacts => ({ apps: [], ...f });
const hit = (f: RoutingFacts, d: DeclaredDeployment): boolean => {
  const keys = new Set(deploymentKeys(d).map((k) => `${k.key}=${k.value}`));
  return lookupKeys(f).some((k) => keys.has(`${k.key}=${k.value}`));
};

describe('the routing index of deployments', () => {
  it('indexes images (not a Dockerfile base image), app names and labels, namespaces and assets', () => {
    const keys = deploymentKeys(shopDeployment()).map((k) => `${k.key}=${k.value}`);
    expect(keys.sort()).toEqual(
      [
        'app=Dockerfile',
        'app=shop-api',
        'app=worker',
        'asset=orders-db',
        'image=registry.example.com/shop/api',
        'image=registry.example.com/shop/worker',
        'namespace=shop',
      ].sort(),
    );
  });

  it('finds a deployment by each kind of evidence, and not by facts nobody declared', () => {
    const shop = shopDeployment();
    expect(hit(facts({ image: 'registry.example.com/shop/api:9.9@sha256:ab' }), shop)).toBe(true);
    expect(hit(facts({ pod: 'shop-api-7d9f8b6c4-x2x9z' }), shop)).toBe(true);
    expect(hit(facts({ host: 'shop-api-7d9f8b6c4-x2x9z.shop.svc' }), shop)).toBe(true);
    expect(hit(facts({ apps: ['orders-db'] }), shop)).toBe(true);
    expect(hit(facts({ namespace: 'shop' }), shop)).toBe(true);
    expect(hit(facts({ image: 'node:20-alpine' }), shop)).toBe(false);
    expect(hit(facts({ namespace: 'billing', apps: ['billing-api'], host: 'shopper' }), shop)).toBe(false);
    expect(hit(facts({}), shop)).toBe(false);
  });

  it('never loses a match: every deployment that scores has a key the facts look up', () => {
    // A small alphabet so that facts and declarations collide often.
    const word = fc.constantFrom('api', 'shop', 'Shop', 'api-7d9f8', 'db', 'worker', ' api', 'shop.api');
    const workload: fc.Arbitrary<DeclaredWorkload> = fc.record({
      kind: fc.constantFrom('Deployment', 'Service', 'compose-service', 'dockerfile'),
      name: word,
      namespace: fc.option(word, { nil: undefined }),
      labels: fc.dictionary(fc.constantFrom('app', 'app.kubernetes.io/name', 'team', 'service'), word),
      images: fc.array(fc.constantFrom('reg.io/shop/api:1', 'shop/api', 'docker.io/library/api:2', 'db'), {
        maxLength: 2,
      }),
      ports: fc.constant([]),
      path: fc.constant('k8s.yaml'),
      line: fc.constant(1),
    });
    const deployment = fc.record({
      workloads: fc.array(workload, { maxLength: 3 }),
      assets: fc.array(fc.record({ id: word, path: fc.constant('threatmodel.yaml') }), { maxLength: 2 }),
    });
    const detection: fc.Arbitrary<RoutingFacts> = fc.record({
      apps: fc.array(word, { maxLength: 2 }),
      namespace: fc.option(word, { nil: undefined }),
      image: fc.option(fc.constantFrom('shop/api:3', 'api', 'reg.io/shop/api@sha256:ff', 'db:1'), {
        nil: undefined,
      }),
      host: fc.option(fc.constantFrom('api-7d9f8-x2x9z', 'shop.api.svc', 'db', 'SHOP-api'), {
        nil: undefined,
      }),
      pod: fc.option(fc.constantFrom('api-7d9f8b6c4-x2x9z', 'db-0', 'worker-x2x9z'), { nil: undefined }),
      asset: fc.option(word, { nil: undefined }),
    });
    fc.assert(
      fc.property(detection, deployment, (f, d) => {
        const c: Candidate = { projectId: 1, project: 'p', branch: 'main', updatedAt: '', ...d };
        const clean = JSON.parse(JSON.stringify(f)) as RoutingFacts;
        if (matchDeployments(clean, [c]).length > 0) expect(hit(clean, d)).toBe(true);
      }),
      { numRuns: 2000, seed: 16 },
    );
  });

  it('keeps each key once and bounds what one host name looks up', () => {
    const twice = billingDeployment();
    twice.workloads.push({ ...twice.workloads[0]!, line: 40 });
    const keys = deploymentKeys(twice).map((k) => `${k.key}=${k.value}`);
    expect(new Set(keys).size).toBe(keys.length);
    const host = `${'a-'.repeat(200)}x`;
    expect(lookupKeys(facts({ host })).length).toBeLessThanOrEqual(64);
  });
});
