import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../core/errors.js';
import { makeSourceFile } from '../../core/source-file.js';
import { applyDirectives, parseDirectives } from '../../policy/inline.js';
import { runOn } from './examples/run.js';
import { iacAnalyzer } from './index.js';

const ref = (path: string) => makeSourceFile(path, '');

async function parseErrorOf(path: string, text: string): Promise<ParseError> {
  const err = await Promise.resolve()
    .then(() => runOn(iacAnalyzer, path, text))
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(err).toBeInstanceOf(ParseError);
  return err as ParseError;
}

describe('iac analyzer', () => {
  it('takes Dockerfiles, Terraform, YAML and config files, but not pipelines or package manifests', () => {
    for (const p of [
      'Dockerfile',
      'svc/Dockerfile.prod',
      'api.dockerfile',
      'Containerfile',
      'main.tf',
      'k8s/a.yaml',
      'app.json',
      '.env',
      '.env.local',
      'setup.cfg',
      'conf/app.toml',
      'x.ini',
      // Start commands, read only for their inspector flags.
      'package.json',
      'Procfile',
      'Procfile.dev',
    ]) {
      expect(iacAnalyzer.matches(ref(p)), p).toBe(true);
    }
    for (const p of [
      'Dockerfile.md',
      'src/analyzers/iac/examples/dockerfile.ts',
      'docs/Dockerfile.txt',
      '.github/workflows/ci.yml',
      '.gitlab-ci.yml',
      'package-lock.json',
      'Procfile.md',
      'tsconfig.build.json',
      'main.go',
      'README.md',
    ]) {
      expect(iacAnalyzer.matches(ref(p)), p).toBe(false);
    }
  });

  it('reports malformed files as ParseError with the line', async () => {
    expect((await parseErrorOf('Dockerfile', 'FROM alpine:3.20\nRUN ls\nFORM x\n')).line).toBe(3);
    expect(
      (await parseErrorOf('k8s/bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [x\n')).line,
    ).toBeGreaterThanOrEqual(4);
    expect(
      (await parseErrorOf('main.tf', 'resource "aws_vpc" "a" {\n  cidr_block = "10.0.0.0/16"\n  tags = {\n'))
        .line,
    ).toBe(4);
  });

  it('skips unrendered Helm templates but checks `helm template` output', async () => {
    const raw =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n  labels: {{- include "x" . | nindent 4 }}\n';
    expect(await runOn(iacAnalyzer, 'chart/templates/deploy.yaml', raw)).toEqual([]);
    const rendered = `---
# Source: web/templates/sa.yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: web
automountServiceAccountToken: false
---
# Source: web/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: "nginx:1.27"
          securityContext:
            privileged: true
`;
    const fs = await runOn(iacAnalyzer, 'rendered/web.yaml', rendered);
    expect(fs.filter((f) => f.ruleId === 'iac/k8s-privileged').map((f) => f.location.startLine)).toEqual([
      21,
    ]);
    expect(fs.some((f) => f.ruleId === 'iac/k8s-sa-token-automount')).toBe(false);
  });

  it('follows YAML anchors and aliases and reports at the anchored key', async () => {
    const text = `x-sc: &sc
  privileged: true
apiVersion: v1
kind: Pod
metadata: { name: a, namespace: ns }
spec:
  containers:
    - name: a
      image: busybox:1.36
      securityContext: *sc
    - name: b
      image: busybox:1.36
      securityContext:
        <<: *sc
`;
    const fs = await runOn(iacAnalyzer, 'pod.yaml', text);
    const priv = fs.filter((f) => f.ruleId === 'iac/k8s-privileged');
    expect(priv.map((f) => f.location.startLine)).toEqual([2, 2]);
    expect(new Set(priv.map((f) => f.fingerprintKey)).size).toBe(2);
  });

  it('analyses long Dockerfiles and long instructions, with findings on their physical lines', async () => {
    const cont = `FROM alpine:3.20\nRUN echo a \\\n${'  b \\\n'.repeat(6000)}  c | sudo tee x\nUSER root\n`;
    const fs = await runOn(iacAnalyzer, 'Dockerfile', cont);
    expect(fs.map((f) => [f.ruleId, f.location.startLine, f.location.snippet])).toEqual([
      ['iac/dockerfile-sudo', 6003, 'c | sudo tee x'],
      ['iac/dockerfile-user-root', 6004, 'USER root'],
    ]);
    const long = `FROM alpine:3.20\n${'RUN true\n'.repeat(25_000)}EXPOSE 23\n`;
    const lines = (await runOn(iacAnalyzer, 'Dockerfile', long)).map((f) => [f.ruleId, f.location.startLine]);
    expect(lines).toEqual([
      ['iac/dockerfile-expose-plaintext-port', 25_002],
      ['iac/dockerfile-user-root', 1],
    ]);
  });

  it('reports an alias bomb in a manifest as a parse error of that file', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 30; i++)
      lines.push(
        `${String.fromCharCode(98 + (i % 24))}${i}: &n${i} [${Array(10)
          .fill(i === 0 ? '*a' : `*n${i - 1}`)
          .join(',')}]`,
      );
    await expect(
      runOn(iacAnalyzer, 'bomb.yaml', `apiVersion: v1\nkind: ConfigMap\n${lines.join('\n')}\n`),
    ).rejects.toThrow(/alias bomb/);
  });

  it('resolves Terraform variables from sibling files of the same module only', async () => {
    const sg =
      'resource "aws_security_group_rule" "ssh" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = [var.src]\n}\n';
    const open = await runOn(iacAnalyzer, 'env/prod/sg.tf', sg, {
      'env/prod/variables.tf': 'variable "src" {\n  default = "0.0.0.0/0"\n}\n',
    });
    expect(open.map((f) => [f.ruleId, f.location.startLine])).toEqual([['iac/tf-sg-open-admin-port', 6]]);
    const elsewhere = await runOn(iacAnalyzer, 'env/prod/sg.tf', sg, {
      'modules/x/variables.tf': 'variable "src" {\n  default = "0.0.0.0/0"\n}\n',
    });
    expect(elsewhere).toEqual([]);
  });

  it('marks credentials as secrets so the core masks them', async () => {
    const fs = await runOn(
      iacAnalyzer,
      'docker-compose.yml',
      'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: correct-horse-battery\n',
    );
    expect(fs[0]?.secret).toBe('correct-horse-battery');
  });

  it('puts findings on the line an inline suppression refers to', async () => {
    const text = `apiVersion: v1
kind: Pod
metadata: { name: a, namespace: ns }
spec:
  containers:
    - name: a
      image: busybox:1.36
      securityContext:
        # vanguard-ignore: iac/k8s-privileged the node agent needs raw devices
        privileged: true
`;
    const file = makeSourceFile('pod.yaml', text);
    const fs = await runOn(iacAnalyzer, 'pod.yaml', text);
    const { directives } = parseDirectives(file.path, file.lines());
    applyDirectives(fs, directives);
    const priv = fs.find((f) => f.ruleId === 'iac/k8s-privileged');
    expect(priv?.location.startLine).toBe(10);
    expect(priv?.suppression?.reason).toBe('the node agent needs raw devices');
    expect(fs.filter((f) => f.ruleId !== 'iac/k8s-privileged').every((f) => !f.suppression)).toBe(true);
  });

  it('throws nothing but ParseError on arbitrary input of every kind', async () => {
    const paths = ['Dockerfile', 'main.tf', 'k8s.yaml', 'docker-compose.yml', 'app.json', '.env'];
    const prefixes = [
      '',
      'apiVersion: v1\nkind: Pod\n',
      'services:\n',
      'resource "aws_s3_bucket" "b" {\n',
      'FROM alpine\n',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.constantFrom(...prefixes),
        fc.string({ maxLength: 300 }),
        async (p, pre, body) => {
          try {
            await runOn(iacAnalyzer, p, pre + body);
          } catch (e) {
            if (!(e instanceof ParseError)) throw e;
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('iac analyzer on YAML that is not a manifest', () => {
  it('does not report other broken YAML (templates, playbooks) as a parse failure', async () => {
    const erb = 'services:\n  web: <%= @web %>\n  list: [a, b\n';
    await expect(runOn(iacAnalyzer, 'config/app.yml', erb)).resolves.toEqual([]);
  });

  it('lets terraform.tfvars override variable defaults', async () => {
    const sg =
      'resource "aws_security_group_rule" "ssh" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = [var.src]\n}\n';
    const files = {
      'prod/variables.tf': 'variable "src" {\n  default = "0.0.0.0/0"\n}\n',
      'prod/terraform.tfvars': 'src = "10.1.0.0/16"\n',
    };
    await expect(runOn(iacAnalyzer, 'prod/sg.tf', sg, files)).resolves.toEqual([]);
  });
});

describe('iac analyzer line numbers', () => {
  it('are the same with CRLF line endings', async () => {
    const { IAC_EXAMPLES } = await import('./examples/index.js');
    const { unmark } = await import('./examples/types.js');
    for (const [ruleId, examples] of Object.entries(IAC_EXAMPLES)) {
      for (const ex of examples) {
        const { text } = unmark(ex.bad);
        const lf = await runOn(iacAnalyzer, ex.path, text, ex.files);
        const crlf = await runOn(iacAnalyzer, ex.path, text.replace(/\n/g, '\r\n'), ex.files);
        const lines = (fs: typeof lf) =>
          fs.filter((f) => f.ruleId === ruleId).map((f) => f.location.startLine);
        expect(lines(crlf), `${ruleId} ${ex.path}`).toEqual(lines(lf));
      }
    }
  });
});

describe('iac analyzer on Terraform modules', () => {
  it('checks a module folder with its own variables and parses the calling module block', async () => {
    const files = {
      'modules/db/variables.tf': 'variable "public" {\n  type    = bool\n  default = true\n}\n',
      'main.tf': 'module "db" {\n  source = "./modules/db"\n  public = false\n}\n',
    };
    const db =
      'resource "aws_db_instance" "this" {\n  engine              = "postgres"\n  storage_encrypted   = true\n  publicly_accessible = var.public\n}\n';
    const inModule = await runOn(iacAnalyzer, 'modules/db/main.tf', db, files);
    expect(inModule.map((f) => [f.ruleId, f.location.startLine])).toEqual([['iac/tf-db-public', 4]]);
    await expect(runOn(iacAnalyzer, 'main.tf', files['main.tf'], files)).resolves.toEqual([]);
  });
});

describe('iac analyzer on package.json', () => {
  it('reads only the start commands: a plain-HTTP homepage or repository is no finding there', async () => {
    const manifest =
      '{\n  "name": "shop",\n  "homepage": "http://shop-vendor.io",\n  "repository": "http://git.shop-vendor.io/shop.git",\n  "scripts": { "start": "node --inspect=0.0.0.0 app.js" }\n}\n';
    const found = await runOn(iacAnalyzer, 'package.json', manifest);
    expect(found.map((f) => [f.ruleId, f.location.startLine])).toEqual([['iac/node-inspector-exposed', 5]]);
    await expect(runOn(iacAnalyzer, 'package.json', '{ "name": "x", "scripts": 1 }')).resolves.toEqual([]);
    await expect(runOn(iacAnalyzer, 'package.json', '{ not json --inspect=0.0.0.0')).resolves.toEqual([]);
  });
});
