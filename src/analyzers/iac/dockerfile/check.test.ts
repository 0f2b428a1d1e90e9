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
