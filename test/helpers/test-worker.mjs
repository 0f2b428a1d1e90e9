// A stand-in scan worker process for pool tests: same protocol as src/scan/worker.ts. A file
// named "hang" never finishes, "crash" kills the worker, anything else succeeds.
process.on('message', (msg) => {
  if (msg.type === 'init') return process.send({ type: 'ready' });
  if (msg.type !== 'batch') return;
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
  process.send({ type: 'done', id: msg.id, outcomes, warnings: [] });
});
process.on('disconnect', () => process.exit(0));
