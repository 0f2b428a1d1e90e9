// A handler sends its own `body`; another handler of the same router module declares a `body` with the
// stack in it. The two are different variables: the first sends no stack.
module.exports = (app) => {
  app.get('/health', (req, res) => {
    const body = { ok: true, uptime: process.uptime() };
    res.json(body);
  });

  app.get('/jobs', async (req, res) => {
    try {
      res.json(await listJobs());
    } catch (e) {
      const body = { error: 'queue error', details: e.stack };
      // ruleid: code/js-stack-trace-exposure
      res.status(500).send(body);
    }
  });
};

async function listJobs() {
  return [];
}
