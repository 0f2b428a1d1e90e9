import type { Analyzer } from '../core/analyzer.js';
import type { AnalyzerId } from '../core/finding.js';
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

export type ToWorker = { type: 'init'; init: WorkerInit } | { type: 'batch'; id: number; tasks: FileTask[] };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: number; outcomes: FileOutcome[]; warnings: string[] }
  | { type: 'fatal'; id: number; message: string };

/** What a worker process holds once the parent has sent its init message. */
interface State {
  init: WorkerInit;
  analyzers: Map<AnalyzerId, Analyzer>;
  ctxFor: ReturnType<typeof contextFactory>;
  warnings: string[];
}

/**
 * Each analyzer's module, loaded only by the workers that run it: a worker of `--only secrets`
 * does not pay for the code analyzer's native parser and rules (most of a worker's start-up).
 * An analyzer not listed here is taken from the full registry.
 */
const LOADERS: Partial<Record<AnalyzerId, () => Promise<Analyzer>>> = {
  secrets: async () => (await import('../analyzers/secrets/index.js')).secretsAnalyzer,
  deps: async () => (await import('../analyzers/deps/index.js')).depsAnalyzer,
  code: async () => (await import('../analyzers/code/index.js')).codeAnalyzer,
  iac: async () => (await import('../analyzers/iac/index.js')).iacAnalyzer,
  pipeline: async () => (await import('../analyzers/pipeline/index.js')).pipelineAnalyzer,
  threats: async () => (await import('../analyzers/threats/index.js')).threatsAnalyzer,
};

async function setUp(init: WorkerInit): Promise<State> {
  const analyzers = new Map<AnalyzerId, Analyzer>();
  for (const id of init.analyzerIds) {
    const load =
      LOADERS[id] ?? (async () => (await import('../analyzers/index.js')).createRegistry().get(id));
    analyzers.set(id, await load());
  }
  const warnings: string[] = [];
  const ctxFor = contextFactory(init.root, new Set(init.paths), init.options, warnings, init.maxFileSize);
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
      for (const task of msg.tasks)
        outcomes.push(await runFileTask(task, state.analyzers, state.ctxFor, state.init.maxFileSize));
      reply({ type: 'done', id: msg.id, outcomes, warnings: state.warnings.splice(0) });
    } catch (err) {
      reply({ type: 'fatal', id: msg.id, message: err instanceof Error ? err.message : String(err) });
    }
  });
});
// The parent going away (killed, or the scan over) ends this worker too.
process.on('disconnect', () => process.exit(0));
