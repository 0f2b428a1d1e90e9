import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFinding, makeResult } from '../../../test/helpers/scan-result.js';
import { freshStore, STORE_KINDS } from '../../../test/helpers/stores.js';
import { ensureProject, ingestReport } from '../ingest/ingest.js';
import { parseReport } from '../ingest/parse.js';
import { listFindings, type FindingFilter } from './findings-query.js';
import type { Store } from './open.js';
import { SEARCH_CHUNK } from './search-chunks.js';

const PAGE: FindingFilter = { limit: 500, offset: 0, sort: 'newest' };

/** Finding `i` of a project: a word of its own in the message, one in the path, shared words around. */
const finding = (project: string, i: number) =>
  makeFinding({
    fingerprint: `${project}-${i}`,
    title: `Shared title ${i % 3}`,
    message: `value ${project}word${i} reaches a sink`,
    location: { path: `src/${project}/file${i}.ts` },
  });

describe.each(STORE_KINDS)('text search by blocks of findings (%s)', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind));
  });
  afterAll(async () => dispose());

  it('finds exactly the findings whose own text matches, whichever block and statement wrote them', async () => {
    const a = await ensureProject(store.db, 'alpha');
    const b = await ensureProject(store.db, 'beta');
    // Small reports of two projects in turn: their findings share blocks of ids, each report
    // writing its own search rows for them.
    for (let round = 0; round < 4; round++)
      for (const [name, projectId] of [
        ['alpha', a],
        ['beta', b],
      ] as const)
        await ingestReport(
          store,
          parseReport(makeResult(Array.from({ length: 5 * (round + 1) }, (_, i) => finding(name, i)))),
          { projectId, branch: 'main', actor: 'test' },
        );
    const fps = async (f: Partial<FindingFilter>) =>
      (await listFindings(store.db, { ...PAGE, ...f })).items.map((x) => x.fingerprint);
    expect(await fps({ text: 'alphaword7 ' })).toEqual(['alpha-7']);
    expect(await fps({ text: 'BETAWORD12' })).toEqual(['beta-12']);
    expect(await fps({ text: 'src/beta/file3.' })).toEqual(['beta-3']);
    // A word of one finding's message next to another finding's path in the same block: no match.
    expect(await fps({ text: 'sink src/' })).toEqual([]);
    const all = await fps({ text: 'reaches a sink' });
    expect(all).toHaveLength(40);
    expect(await fps({ text: 'reaches a sink', projectId: b })).toEqual(
      all.filter((fp) => fp.startsWith('beta-')),
    );
    expect(await fps({ text: 'shared title 2', projectId: a })).toEqual([
      'alpha-17',
      'alpha-14',
      'alpha-11',
      'alpha-8',
      'alpha-5',
      'alpha-2',
    ]);

    if (kind === 'postgres') {
      // Fewer rows than findings, and each finding's text in a row of its block.
      const rows = await sql<{ n: string }>`SELECT count(*) AS n FROM finding_search`.execute(store.db);
      expect(Number(rows.rows[0]!.n)).toBeLessThan(40);
      const missing = await sql<{ n: string }>`SELECT count(*) AS n FROM findings f WHERE NOT EXISTS (
          SELECT 1 FROM finding_search s WHERE s.block = f.id / ${sql.lit(SEARCH_CHUNK)}
            AND strpos(s.text, lower(f.message)) > 0)`.execute(store.db);
      expect(Number(missing.rows[0]!.n)).toBe(0);
    }

    // Re-worded twice: the new text finds it, the old ones no longer do (on PostgreSQL its block's
    // row still holds the first words, and the exact test on the finding turns the candidate down).
    const searchRows = async () =>
      Number(
        (await sql<{ n: string }>`SELECT count(*) AS n FROM finding_search`.execute(store.db)).rows[0]!.n,
      );
    const before = kind === 'postgres' ? await searchRows() : 0;
    for (const message of ['now it says something else', 'and now a third thing'])
      await ingestReport(store, parseReport(makeResult([{ ...finding('alpha', 7), message }])), {
        projectId: a,
        branch: 'main',
        actor: 'test',
      });
    expect(await fps({ text: 'alphaword7 ' })).toEqual([]);
    expect(await fps({ text: 'says something' })).toEqual([]);
    expect(await fps({ text: 'A THIRD thing' })).toEqual(['alpha-7']);
    expect(await fps({ text: 'reaches a sink' })).toHaveLength(39);
    // Its own row was replaced, not added to: at most two texts a finding, however often it changes.
    if (kind === 'postgres') expect(await searchRows()).toBe(before + 1);
  });
});
