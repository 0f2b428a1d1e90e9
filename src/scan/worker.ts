import { parentPort, workerData } from 'node:worker_threads';
import type { Analyzer } from '../core/analyzer.js';
import type { AnalyzerId } from '../core/finding.js';
import { loadRegistry } from '../analyzers/load.js';
import { formatWarning } from '../core/warning.js';
import { contextFactory, type AnalyzerOptions } from './context.js';
import { runFileTask, type FileOutcome, type FileTask } from './file-task.js';

/** Data every worker starts with. */
export interface WorkerInit {
  root: string;
  analyzerIds: AnalyzerId[];
  options: AnalyzerOptions;
  paths: string[];
  maxFileSize: number;
}

export type ToWorker = { type: 'batch'; id: number; tasks: FileTask[] };
export type FromWorker =
  | { type: 'done'; id: number; outcomes: FileOutcome[]; warnings: string[] }
  | { type: 'fatal'; id: number; message: string };

const init = workerData as WorkerInit;
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
const port = parentPort!;

port.on('message', (msg: ToWorker) => {
  void (async () => {
    try {
      const outcomes: FileOutcome[] = [];
      for (const task of msg.tasks)
        outcomes.push(await runFileTask(task, analyzers, ctxFor, init.maxFileSize));
      const reply: FromWorker = { type: 'done', id: msg.id, outcomes, warnings: warnings.splice(0) };
      port.postMessage(reply);
    } catch (err) {
      const reply: FromWorker = {
        type: 'fatal',
        id: msg.id,
        message: err instanceof Error ? err.message : String(err),
      };
      port.postMessage(reply);
    }
  })();
});
