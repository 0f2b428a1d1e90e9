// A stand-in scan worker for pool tests: same protocol as src/scan/worker.ts. A file named
// "hang" never finishes, "crash" kills the worker, anything else succeeds.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (msg) => {
  const outcomes = [];
  for (const t of msg.tasks) {
    if (t.file.name === 'hang') return; // never answers: the pool's watchdog must act
    if (t.file.name === 'crash') process.exit(7);
    outcomes.push({
      path: t.file.path,
      bytes: 1,
      utf8: true,
      findings: [],
      errors: [],
      timings: [],
      directives: [],
    });
  }
  parentPort.postMessage({ type: 'done', id: msg.id, outcomes, warnings: [] });
});
