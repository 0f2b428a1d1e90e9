import type { ExampleTable } from './types.js';

/** A hardened container; examples change one thing at a time. */
const SAFE_SC = `        securityContext:
          allowPrivilegeEscalation: false
          runAsNonRoot: true
          readOnlyRootFilesystem: true
        resources:
          limits: { cpu: 500m, memory: 256Mi }`;

function deployment(container: string, podExtra = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:${podExtra}
      containers:
${container}
`;
}

const SAFE = `      - name: web
        image: ghcr.io/acme/web:1.4.2
${SAFE_SC}`;

export const K8S_EXAMPLES: ExampleTable = {
  'iac/k8s-privileged': [
    {
      path: 'k8s/deploy.yaml',
      bad: deployment(
        SAFE.replace('allowPrivilegeEscalation: false', 'privileged: true ⟵').replace(
          'runAsNonRoot: true',
          'runAsNonRoot: true\n          allowPrivilegeEscalation: false',
        ),
      ),
      good: deployment(
        SAFE.replace(
          'allowPrivilegeEscalation: false',
          'allowPrivilegeEscalation: false\n          privileged: false',
        ),
      ),
    },
    {
      // Kubernetes reads YAML 1.1 booleans: `yes` and `on` are true, `off` is false.
      path: 'k8s/deploy.yaml',
      bad: deployment(
        SAFE.replace('allowPrivilegeEscalation: false', 'privileged: yes ⟵').replace(
          'runAsNonRoot: true',
          'runAsNonRoot: true\n          allowPrivilegeEscalation: off',
        ),
      ),
      good: deployment(
        SAFE.replace(
          'allowPrivilegeEscalation: false',
          'allowPrivilegeEscalation: Off\n          privileged: off',
        ),
      ),
    },
  ],
  'iac/k8s-allow-privilege-escalation': [
    {
      path: 'k8s/deploy.yaml',
      bad: deployment(SAFE.replace('allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: true ⟵')),
      good: deployment(SAFE),
    },
    {
      path: 'k8s/deploy.yaml',
      bad: deployment(
        SAFE.replace('          allowPrivilegeEscalation: false\n', '').replace(
          '      - name: web',
          '      - name: web ⟵',
        ),
      ),
      good: deployment(SAFE),
    },
  ],
  'iac/k8s-run-as-root': [
    {
      path: 'k8s/deploy.yaml',
      bad: deployment(SAFE.replace('runAsNonRoot: true', 'runAsUser: 0 ⟵')),
      good: deployment(
        SAFE.replace('          runAsNonRoot: true\n', ''),
        '\n      securityContext:\n        runAsUser: 10001',
      ),
    },
  ],
  'iac/k8s-dangerous-capabilities': [
    {
      path: 'k8s/deploy.yaml',
      bad: deployment(
        SAFE.replace(
          'readOnlyRootFilesystem: true',
          'readOnlyRootFilesystem: true\n          capabilities:\n            add:\n              - NET_BIND_SERVICE\n              - SYS_ADMIN ⟵',
        ),
      ),
      good: deployment(
        SAFE.replace(
          'readOnlyRootFilesystem: true',
          'readOnlyRootFilesystem: true\n          capabilities:\n            drop: [ALL]\n            add: [NET_BIND_SERVICE]',
        ),
      ),
    },
  ],
  'iac/k8s-host-namespace': [
    {
      path: 'k8s/ds.yaml',
      bad: deployment(SAFE, '\n      hostNetwork: true ⟵\n      hostPID: true ⟵').replace(
        'Deployment',
        'DaemonSet',
      ),
      good: deployment(SAFE, '\n      hostNetwork: false').replace('Deployment', 'DaemonSet'),
    },
  ],
  'iac/k8s-sensitive-hostpath': [
    {
      path: 'k8s/agent.yaml',
      bad: deployment(
        SAFE,
        '\n      volumes:\n        - name: sock\n          hostPath:\n            path: /var/run/docker.sock ⟵\n        - name: etc\n          hostPath: { path: /etc/ } ⟵',
      ),
      good: deployment(
        SAFE,
        '\n      volumes:\n        - name: logs\n          hostPath:\n            path: /var/log/app\n        - name: tmp\n          emptyDir: {}',
      ),
    },
  ],
  'iac/k8s-writable-root-fs': [
    {
      path: 'k8s/deploy.yaml',
      bad: deployment(SAFE.replace('readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: false ⟵')),
      good: deployment(SAFE),
    },
  ],
  'iac/k8s-missing-resource-limits': [
    {
      path: 'k8s/deploy.yaml',
      bad: deployment(
        SAFE.replace(
          '        resources:\n          limits: { cpu: 500m, memory: 256Mi }',
          '        resources: ⟵\n          requests: { cpu: 100m }',
        ),
      ),
      good: deployment(SAFE),
    },
  ],
  'iac/k8s-image-unpinned': [
    {
      path: 'k8s/deploy.yaml',
      bad: deployment(SAFE.replace('ghcr.io/acme/web:1.4.2', 'ghcr.io/acme/web ⟵')),
      good: deployment(
        SAFE.replace('ghcr.io/acme/web:1.4.2', `localhost:5000/acme/web@sha256:${'c'.repeat(64)}`),
      ),
    },
    {
      path: 'k8s/cron.yaml',
      bad: `apiVersion: batch/v1
kind: CronJob
metadata: { name: backup, namespace: ops }
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: backup
              image: postgres:latest ⟵
              securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, readOnlyRootFilesystem: true }
              resources: { limits: { cpu: "1", memory: 1Gi } }
`,
      good: `apiVersion: batch/v1
kind: CronJob
metadata: { name: backup, namespace: ops }
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: backup
              image: postgres:16.3
              securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, readOnlyRootFilesystem: true }
              resources: { limits: { cpu: "1", memory: 1Gi } }
`,
    },
  ],
  'iac/k8s-secret-in-env': [
    {
      path: 'k8s/deploy.yaml',
      bad: deployment(
        `${SAFE}\n        env:\n          - name: LOG_LEVEL\n            value: debug\n          - name: DATABASE_PASSWORD\n            value: "hunter2-but-longer" ⟵`,
      ),
      good: deployment(
        `${SAFE}\n        env:\n          - name: DATABASE_PASSWORD\n            valueFrom:\n              secretKeyRef: { name: db, key: password }\n          - name: PASSWORD_FILE\n            value: /etc/secrets/pw`,
      ),
    },
  ],
  'iac/k8s-service-exposes-sensitive-port': [
    {
      path: 'k8s/svc.yaml',
      bad: `---
apiVersion: v1
kind: Service
metadata: { name: db, namespace: data }
spec:
  type: LoadBalancer
  ports:
    - name: pg
      port: 5432 ⟵
---
apiVersion: v1
kind: Service
metadata: { name: admin, namespace: data }
spec:
  type: NodePort
  ports:
    - port: 2222
      targetPort: 22 ⟵
`,
      good: `apiVersion: v1
kind: Service
metadata: { name: db, namespace: data }
spec:
  type: ClusterIP
  ports:
    - port: 5432
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: data }
spec:
  type: LoadBalancer
  ports:
    - port: 443
`,
    },
  ],
  'iac/k8s-rbac-wildcard': [
    {
      path: 'k8s/rbac.yaml',
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: ops }
rules:
  - apiGroups: [""]
    resources:
      - "*" ⟵
    verbs: ["get", "list"]
`,
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: ops }
rules:
  - apiGroups: ["*"]
    resources: ["configmaps"]
    verbs: ["get", "list"]
`,
    },
  ],
  'iac/k8s-sa-token-automount': [
    {
      path: 'k8s/sa.yaml',
      bad: `apiVersion: v1
kind: ServiceAccount ⟵
metadata: { name: web, namespace: shop }
`,
      good: `apiVersion: v1
kind: ServiceAccount
metadata: { name: web, namespace: shop }
automountServiceAccountToken: false
`,
    },
    {
      path: 'k8s/deploy.yaml',
      bad: deployment(SAFE, '\n      automountServiceAccountToken: true ⟵'),
      good: deployment(SAFE, '\n      automountServiceAccountToken: false'),
    },
  ],
  'iac/k8s-default-namespace': [
    {
      path: 'k8s/cm.yaml',
      bad: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: default ⟵\ndata: { a: "1" }\n`,
      good: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: defaults\ndata: { a: "1" }\n`,
    },
  ],
};
