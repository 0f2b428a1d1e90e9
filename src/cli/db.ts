import type { Command } from 'commander';
import { importPath } from '../analyzers/deps/db/import.js';
import { DEFAULT_BASE_URL, DEFAULT_ECOSYSTEMS, resolveDbPath } from '../analyzers/deps/db/paths.js';
import { dbStatus } from '../analyzers/deps/db/status.js';
import { updateDb } from '../analyzers/deps/db/update.js';
import { UsageError } from '../core/errors.js';
import { neutraliseLine } from '../core/neutralise.js';

function list(value: string): string[] {
  const out = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (out.length === 0) throw new UsageError('--ecosystems needs at least one OSV ecosystem name');
  return out;
}

interface DbFlags {
  dbPath?: string;
}

/**
 * With `--data-dir` or DATABASE_URL the command also tells the findings platform: it queues the
 * re-match of every stored inventory (the server or a `vanguard worker` runs it).
 */
async function queueServerRematch(flags: { dataDir?: string }, why: string): Promise<void> {
  const env = process.env.DATABASE_URL;
  if (flags.dataDir === undefined && (env === undefined || env === '')) return;
  const [{ openStore, storeOptionsFromEnv }, { openQueue }, { queueRematch }] = await Promise.all([
    import('../server/store/open.js'),
    import('../server/jobs/open-queue.js'),
    import('../server/jobs/advisory-update.js'),
  ]);
  const store = await openStore(storeOptionsFromEnv(flags.dataDir));
  const queue = openQueue(store);
  try {
    const id = await queueRematch(store, queue, 'cli:db', why);
    process.stdout.write(`queued re-match job ${id} for the stored inventories (${store.location})\n`);
  } finally {
    await queue.stop();
    await store.close();
  }
}

const DATA_DIR_HELP =
  'also queue a re-match of the inventories stored by `vanguard serve` in this folder (or in DATABASE_URL)';

/** Records left out because they are not valid OSV: the count and the first ones, named, on stderr. */
function reportRejected(count: number, examples: readonly { name: string; reason: string }[]): void {
  if (count === 0) return;
  process.stderr.write(
    `warning: ${count} records rejected (not valid OSV records), left out of the database:\n`,
  );
  for (const e of examples)
    process.stderr.write(`  ${neutraliseLine(e.name)}: ${neutraliseLine(e.reason)}\n`);
  if (count > examples.length) process.stderr.write(`  … and ${count - examples.length} more\n`);
}

const DB_PATH_HELP = 'database file (default: $VANGUARD_DB, else the user cache directory)';

/** `vanguard db update | import <path> | status`: the local OSV advisory database used by the deps analyzer. */
export function registerDb(program: Command): void {
  const db = program
    .command('db')
    .description('manage the local OSV advisory database used by the deps analyzer')
    .option('--db-path <file>', DB_PATH_HELP);
  // `--db-path` is accepted before or after the subcommand (`db --db-path X status`, `db status --db-path X`).
  const pathOf = (sub: Command): string =>
    resolveDbPath(sub.opts<DbFlags>().dbPath ?? db.opts<DbFlags>().dbPath);

  const update = db
    .command('update')
    .description('download the OSV exports (<base>/<ecosystem>/all.zip) and swap the index in atomically')
    .option('--db-path <file>', DB_PATH_HELP)
    .option('--base-url <url>', 'mirror of the OSV bucket', DEFAULT_BASE_URL)
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .option(
      '--ecosystems <list>',
      `comma-separated OSV ecosystems (default: ${DEFAULT_ECOSYSTEMS.join(',')})`,
      list,
    )
    .action(async (flags: { baseUrl: string; ecosystems?: string[]; dataDir?: string }) => {
      const dbPath = pathOf(update);
      const results = await updateDb({
        dbPath,
        baseUrl: flags.baseUrl,
        ...(flags.ecosystems ? { ecosystems: flags.ecosystems } : {}),
      });
      for (const r of results) {
        process.stdout.write(
          `${r.ecosystem}: ${r.status === 'updated' ? `updated, ${r.records ?? 0} advisories` : 'not modified'}\n`,
        );
        reportRejected(r.rejected ?? 0, r.rejectedExamples ?? []);
      }
      process.stdout.write(`database: ${dbPath}\n`);
      const updated = results.filter((r) => r.status === 'updated').map((r) => r.ecosystem);
      if (updated.length > 0) await queueServerRematch(flags, `db update: ${updated.join(', ')}`);
    });

  const imp = db
    .command('import')
    .description('load OSV JSON from a zip or a folder (for machines without internet)')
    .option('--db-path <file>', DB_PATH_HELP)
    .argument('<path>', 'an OSV export zip, a folder of OSV JSON files, or one JSON file')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action(async (path: string, flags: { dataDir?: string }) => {
      const dbPath = pathOf(imp);
      const r = await importPath(dbPath, path);
      process.stdout.write(
        `imported ${r.records} advisories (${r.withdrawn} withdrawn) in ${r.seconds.toFixed(2)} s (${Math.round(r.perSecond)}/s) into ${dbPath}\n`,
      );
      reportRejected(r.rejected, r.rejectedExamples);
      await queueServerRematch(flags, `db import: ${r.records} advisories`);
    });

  const status = db
    .command('status')
    .description('show the database age and the advisories per ecosystem')
    .option('--db-path <file>', DB_PATH_HELP)
    .option('--json', 'print the status as JSON')
    .action((flags: { json?: boolean }) => {
      const s = dbStatus(pathOf(status));
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
        return;
      }
      if (!s.exists) {
        // A fresh install is a normal state, not an error: say so and how to get one (exit 0).
        process.stdout.write(
          `no advisory database yet at ${s.path}: run \`vanguard db update\` (or \`vanguard db import <zip|folder>\` offline)\n`,
        );
        return;
      }
      const age = s.ageDays === undefined ? 'unknown' : `${s.ageDays.toFixed(1)} days`;
      process.stdout.write(
        `database: ${s.path}\nupdated: ${s.updatedAt ?? 'unknown'} (checked ${age} ago)\n`,
      );
      process.stdout.write(`advisories: ${s.advisories} (${s.withdrawn} withdrawn)\n`);
      for (const [eco, n] of Object.entries(s.ecosystems)) process.stdout.write(`  ${eco.padEnd(12)} ${n}\n`);
    });
}
