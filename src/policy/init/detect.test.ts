import { describe, expect, it } from 'vitest';
import { originOwner, profileRepository } from './detect.js';

describe('profileRepository', () => {
  it('picks analyzers from what the repository holds', () => {
    const p = profileRepository({
      paths: [
        'package.json',
        'package-lock.json',
        'src/index.ts',
        'src/app.tsx',
        'api/main.py',
        'requirements-dev.txt',
        'Dockerfile',
        'infra/main.tf',
        'deploy/web.yaml',
        'ops/service.yaml',
        'ops/notes.yaml',
        '.github/workflows/ci.yml',
        'threatmodel.yaml',
        'vendor/lib.js',
        'test/fixtures/leak.env',
      ],
      peek: (path) =>
        path === 'ops/service.yaml'
          ? 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n'
          : 'title: notes\n',
    });
    const ids = p.analyzers.map((a) => a.id);
    expect(ids).toEqual(['secrets', 'deps', 'code', 'iac', 'pipeline', 'threats']);
    const why = Object.fromEntries(p.analyzers.map((a) => [a.id, a.why]));
    expect(why.deps).toContain('package-lock.json');
    expect(why.deps).toContain('requirements-dev.txt');
    expect(why.code).toMatch(/2 TypeScript|1 Python/);
    expect(why.iac).toContain('Dockerfile');
    expect(why.iac).toContain('infra/main.tf');
    // deploy/web.yaml by its folder, ops/service.yaml by its content; ops/notes.yaml is not a manifest.
    expect(why.iac).toContain('deploy/web.yaml and 1 more');
    expect(why.iac).not.toContain('notes');
    expect(p.ignoreCandidates).toEqual(['vendor/']);
    expect(p.fixtureDirs).toEqual(['test/fixtures/']);
    expect(p.hasGithubWorkflows).toBe(true);
  });

  it('runs only the secrets analyzer on a repository of documents', () => {
    expect(profileRepository({ paths: ['README.md', 'docs/guide.md'] }).analyzers.map((a) => a.id)).toEqual([
      'secrets',
    ]);
  });
});

describe('originOwner', () => {
  it('reads the owner from ssh and https remotes', () => {
    expect(originOwner('[remote "origin"]\n\turl = git@github.com:acme/shop.git\n')).toBe('acme');
    expect(
      originOwner('[core]\n[remote "origin"]\n\turl = https://gitlab.com/team-x/api\n\tfetch = x\n'),
    ).toBe('team-x');
    expect(originOwner('[remote "upstream"]\n\turl = git@github.com:other/x.git\n')).toBeUndefined();
    expect(originOwner('[remote "origin"]\n\turl = https://example.org/a/b.git\n')).toBeUndefined();
  });
});
