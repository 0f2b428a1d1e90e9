import type { DeclaredDeployment } from '../../src/core/deployment.js';

/** A hand-written deployment as the CLI would declare it for a shop: an API, a worker, a threat-model asset. */
export function shopDeployment(): DeclaredDeployment {
  return {
    workloads: [
      {
        kind: 'Deployment',
        name: 'shop-api',
        namespace: 'shop',
        labels: { 'app.kubernetes.io/name': 'shop-api', team: 'checkout' },
        images: ['registry.example.com/shop/api:1.4.2'],
        ports: [{ port: 8080, protocol: 'tcp' }],
        path: 'deploy/k8s/api.yaml',
        line: 3,
      },
      {
        kind: 'compose-service',
        name: 'worker',
        labels: {},
        images: ['registry.example.com/shop/worker:2.0.0'],
        ports: [],
        path: 'docker-compose.yml',
        line: 12,
      },
      // A Dockerfile's FROM image is a base image many services share: never a routing signal.
      {
        kind: 'dockerfile',
        name: 'Dockerfile',
        labels: {},
        images: ['node:20-alpine'],
        ports: [{ port: 8080, protocol: 'tcp' }],
        path: 'Dockerfile',
        line: 1,
      },
    ],
    assets: [{ id: 'orders-db', name: 'Orders database', path: 'threatmodel.yaml' }],
  };
}

/** Another team's deployment: a billing API in its own namespace, sharing the `api` label value. */
export function billingDeployment(): DeclaredDeployment {
  return {
    workloads: [
      {
        kind: 'Deployment',
        name: 'billing-api',
        namespace: 'billing',
        labels: { app: 'billing-api' },
        images: ['registry.example.com/billing/api:3.1.0'],
        ports: [{ port: 8443, protocol: 'tcp' }],
        path: 'k8s/deployment.yaml',
        line: 1,
      },
      {
        kind: 'Deployment',
        name: 'worker',
        namespace: 'billing',
        labels: { app: 'worker' },
        images: ['registry.example.com/billing/worker:1.0.0'],
        ports: [],
        path: 'k8s/worker.yaml',
        line: 1,
      },
    ],
    assets: [],
  };
}
