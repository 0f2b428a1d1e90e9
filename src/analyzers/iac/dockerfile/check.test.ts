import { describe, expect, it } from 'vitest';
import { runOn } from '../examples/run.js';
import { iacAnalyzer } from '../index.js';

const WORKSPACE = 'FROM gitpod/workspace-full:latest\nRUN brew install jq\n';

async function rowsOf(path: string, text: string): Promise<[string, number, string][]> {
  const found = await runOn(iacAnalyzer, path, text);
  return found.map((f) => [f.ruleId, f.location.startLine, f.severity]);
}

describe('a developer workspace image', () => {
  it("keeps Gitpod's image's unpinned base, lowered, and leaves its user to Gitpod", async () => {
    expect(await rowsOf('.gitpod.Dockerfile', WORKSPACE)).toEqual([
      ['iac/dockerfile-unpinned-base-image', 1, 'low'],
    ]);
    expect(await rowsOf('tools/.gitpod.DockerFile', WORKSPACE)).toEqual([
      ['iac/dockerfile-unpinned-base-image', 1, 'low'],
    ]);
    expect(await rowsOf('.devcontainer/Dockerfile', WORKSPACE)).toEqual([
      ['iac/dockerfile-unpinned-base-image', 1, 'low'],
    ]);
  });

  it('reports the same file under another name as the program image it may be', async () => {
    expect(await rowsOf('gitpod.Dockerfile', WORKSPACE)).toEqual([
      ['iac/dockerfile-unpinned-base-image', 1, 'medium'],
      ['iac/dockerfile-user-root', 1, 'medium'],
    ]);
  });

  it('still reports an explicit root user in a workspace image', async () => {
    const rows = await rowsOf('.gitpod.Dockerfile', 'FROM gitpod/workspace-full:2024-01-01\nUSER root\n');
    expect(rows).toEqual([['iac/dockerfile-user-root', 2, 'medium']]);
  });
});

describe("a Bake file's named contexts", () => {
  const hcl = (contexts: string, dockerfile = 'docker/uvx.Dockerfile') =>
    [
      'target "base" {',
      '  dockerfile = "docker/base.Dockerfile"',
      '}',
      'target "uvx" {',
      '  depends_on = ["base"]',
      `  dockerfile = "${dockerfile}"`,
      `  contexts = { ${contexts} }`,
      '}',
    ].join('\n');
  const rows = async (files: Record<string, string>, path = 'docker/uvx.Dockerfile') =>
    (await runOn(iacAnalyzer, path, 'FROM base\nUSER 10001\n', files)).map((f) => [f.ruleId, f.message]);

  it("reads `FROM base` as another target's image where the target building this Dockerfile maps it", async () => {
    expect(await rows({ 'docker-bake.hcl': hcl('base = "target:base"') })).toEqual([]);
    const json = { target: { uvx: { dockerfile: 'uvx.Dockerfile', contexts: { base: 'target:base' } } } };
    expect(await rows({ 'docker/docker-bake.json': JSON.stringify(json) })).toEqual([]);
  });

  it('checks an image context in its place, and reads nothing for a Dockerfile no target builds', async () => {
    expect(await rows({ 'docker-bake.hcl': hcl('base = "docker-image://alpine"') })).toEqual([
      [
        'iac/dockerfile-unpinned-base-image',
        'Base image `alpine` (the Bake context `base`) is not pinned to a tag or digest.',
      ],
    ]);
    expect(await rows({ 'docker-bake.hcl': hcl('base = "docker-image://alpine:3.20"') })).toEqual([]);
    expect(await rows({ 'docker-bake.hcl': hcl('base = "target:base"', 'docker/deno.Dockerfile') })).toEqual([
      ['iac/dockerfile-unpinned-base-image', 'Base image `base` is not pinned to a tag or digest.'],
    ]);
    // A Bake file in a folder below the Dockerfile's does not apply to it.
    expect(await rows({ 'other/docker-bake.hcl': hcl('base = "target:base"') })).toHaveLength(1);
  });
});
