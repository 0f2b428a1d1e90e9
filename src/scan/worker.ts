import type { Analyzer } from '../core/analyzer.js';
import type { AnalyzerId } from '../core/finding.js';
import { loadRegistry } from '../analyzers/load.js';
import { markValidated } from '../core/validated-rules.js';
import { formatWarning } from '../core/warning.js';
import { contextFactory, type AnalyzerOptions } from './context.js';
import { runFileTask, type FileOutcome } from './file-task.js';
import { fromWire, packOutcomes, type PackedOutcomes, type WireTask } from './wire.js';

/** Data every worker starts with. */
export interface WorkerInit {
  root: string;
  analyzerIds: AnalyzerId[];
  options: AnalyzerOptions;
  paths: string[];
  maxFileSize: number;
  /** Rule sets the main process validated (core/validated-rules.ts): not compiled again here. */
  validatedRuleSets?: string[];
}

export type ToWorker = { type: 'init'; init: WorkerInit } | { type: 'batch'; id: number; tasks: WireTask[] };
export type FromWorker =
  | { type: 'ready' }
  /** `rss`: the worker's resident memory after the batch (the pool replaces a worker that has grown too large). */
  | { type: 'done'; id: number; outcomes: PackedOutcomes; warnings: string[]; rss?: number }
  | { type: 'fatal'; id: number; message: string };

/** What a worker process holds once the parent has sent its init message. */
interface State {
  init: WorkerInit;
  analyzers: Map<AnalyzerId, Analyzer>;
  ctxFor: ReturnType<typeof contextFactory>;
  warnings: string[];
}

async function setUp(init: WorkerInit): Promise<State> {
  for (const f of init.validatedRuleSets ?? []) markValidated(f);
  // Only the analyzers this scan runs: each costs a load per worker.
  const registry = await loadRegistry({ only: init.analyzerIds });
  const analyzers = new Map<AnalyzerId, Analyzer>(init.analyzerIds.map((id) => [id, registry.get(id)]));
  const warnings: string[] = [];
  // Per-file warnings travel in each FileOutcome; this channel only carries notes given outside a file.
  const ctxFor = contextFactory(
    init.root,
    new Set(init.paths),
    init.options,
    (w) => void warnings.push(formatWarning(w)),
    init.maxFileSize,
  );
  return { init, analyzers, ctxFor, warnings };
}

function reply(msg: FromWorker): void {
  process.send!(msg);
}

let state: State | undefined;
// Init and batches run one at a time, in order, even though messages may arrive meanwhile.
let queue: Promise<void> = Promise.resolve();

process.on('message', (raw: unknown) => {
  const msg = raw as ToWorker;
  if (msg.type === 'init') {
    queue = queue.then(async () => {
      state = await setUp(msg.init);
      reply({ type: 'ready' });
    });
    return;
  }
  queue = queue.then(async () => {
    try {
      if (!state) throw new Error('worker received a batch before its init message');
      const outcomes: FileOutcome[] = [];
      for (const wire of msg.tasks) {
        const task = fromWire(wire);
        outcomes.push(await runFileTask(task, state.analyzers, state.ctxFor, state.init.maxFileSize));
      }
      reply({
        type: 'done',
        id: msg.id,
        outcomes: packOutcomes(outcomes),
        warnings: state.warnings.splice(0),
        rss: process.memoryUsage.rss(),
      });
    } catch (err) {
      reply({ type: 'fatal', id: msg.id, message: err instanceof Error ? err.message : String(err) });
    }
  });
});
// The parent going away (killed, or the scan over) ends this worker too.
process.on('disconnect', () => process.exit(0));
