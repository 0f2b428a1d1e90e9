import { describe, expect, it } from 'vitest';
import { createRegistry } from './index.js';
import { FILE_MATCHERS, loadRegistry } from './load.js';

describe('loadRegistry', () => {
  it('loads the same analyzers, in the same order, as the eager registry', async () => {
    const lazy = await loadRegistry();
    const eager = createRegistry();
    expect(lazy.ids()).toEqual(eager.ids());
    for (const id of eager.ids()) expect(lazy.get(id)).toBe(eager.get(id));
  });

  it('loads only the analyzers named, plus the skipped ones so that their names are checked', async () => {
    expect((await loadRegistry({ only: ['pipeline', 'secrets'] })).ids()).toEqual(['secrets', 'pipeline']);
    expect((await loadRegistry({ only: ['iac'], skip: ['code'] })).ids()).toEqual(['code', 'iac']);
  });

  it('refuses an unknown name as the registry does', async () => {
    await expect(loadRegistry({ only: ['nope'] })).rejects.toThrow(
      /unknown analyzer "nope" \(known: secrets, deps/,
    );
    await expect(loadRegistry({ skip: ['supply-chain'] })).rejects.toThrow(/unknown analyzer "supply-chain"/);
  });

  it('gives, for the file-only analyzers, their own matches and nothing that runs without files', async () => {
    const registry = await loadRegistry();
    for (const [id, load] of Object.entries(FILE_MATCHERS)) {
      const a = registry.get(id);
      // Compared by identity, never called detached.
      // eslint-disable-next-line @typescript-eslint/unbound-method
      expect(await load(), id).toBe(a.matches);
      // eslint-disable-next-line @typescript-eslint/unbound-method
      expect(a.analyzeProject, id).toBeUndefined();
    }
  });
});
