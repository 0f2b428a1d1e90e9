// A stand-in scan worker process for pool tests: same protocol as src/scan/worker.ts. A file
// named "hang" never finishes (it spins, as an analyzer caught in a loop does), "stall" never
// finishes either but waits without using the CPU, "slow" waits 2.5 s without using the CPU (a worker
// the machine starves) and then succeeds, "crash" kills the worker, anything else succeeds. Like the
// real worker it runs batches in order: after a hang it answers nothing more (the pool may already
// have sent it the next batch).
let hung = false;
const queue = [];
let busy = false;
process.on('message', (msg) => {
  if (msg.type === 'init') return process.send({ type: 'ready' });
  if (msg.type !== 'batch' || hung) return;
  queue.push(msg);
  if (!busy) next();
});

async function next() {
  busy = true;
  for (let msg = queue.shift(); msg && !hung; msg = queue.shift()) await run(msg);
  busy = false;
}

async function run(msg) {
  const outcomes = [];
  for (const t of msg.tasks) {
    if (t.file.name === 'hang') for (;;); // never answers and keeps the CPU busy: the watchdog must act
    if (t.file.name === 'stall') return void (hung = true); // never answers, never uses the CPU
    if (t.file.name === 'slow') await new Promise((r) => setTimeout(r, 2500));
    if (t.file.name === 'crash') process.exit(7);
    outcomes.push({
      path: t.file.path,
      bytes: process.pid, // which worker ran the file (pool tests count replacements by it)
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
    rss: process.memoryUsage.rss(),
  });
}
process.on('disconnect', () => process.exit(0));
