// A stand-in scan worker process for pool tests: same protocol as src/scan/worker.ts. A file
// named "hang" never finishes, "crash" kills the worker, anything else succeeds. Like the real
// worker it runs batches in order: after a hang it answers nothing more (the pool may already have
// sent it the next batch).
let hung = false;
process.on('message', (msg) => {
  if (msg.type === 'init') return process.send({ type: 'ready' });
  if (msg.type !== 'batch' || hung) return;
  const outcomes = [];
  for (const t of msg.tasks) {
    if (t.file.name === 'hang') return void (hung = true); // never answers: the pool's watchdog must act
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
  process.send({
    type: 'done',
    id: msg.id,
    outcomes: { shared: {}, shapes: [], strings: [], outcomes },
    warnings: [],
  });
});
process.on('disconnect', () => process.exit(0));
