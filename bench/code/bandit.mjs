// Runs bandit (when it is on PATH) and maps its results to the weakness classes of the labelled suite, so
// bench/code/labelled.mjs --bandit can score both tools on the same lines. Measuring only: nothing in the
// test suite or CI depends on bandit.
import { spawnSync } from 'node:child_process';

/**
 * Bandit 1.6 test ids → the labelled suite's classes (test/fixtures/code-labelled). Ids that name no
 * weakness class of the suite (assert, try/except/pass, pycrypto imports, httpoxy) map to null: on a
 * vulnerable line they do not count as found; on a safe line they count as an alarm like any result.
 */
export const BANDIT_CLASS = {
  B101: null,
  B102: 'code-injection',
  B103: 'insecure-file-permissions',
  B104: 'bind-all-interfaces',
  B105: 'hardcoded-credentials',
  B106: 'hardcoded-credentials',
  B107: 'hardcoded-credentials',
  B108: 'insecure-temp-file',
  B110: null,
  B112: null,
  B201: 'debug-mode',
  B301: 'deserialization',
  B302: 'deserialization',
  B303: 'weak-hash',
  B304: 'weak-cipher',
  B305: 'weak-cipher',
  B306: 'insecure-temp-file',
  B307: 'code-injection',
  B308: 'xss',
  B309: 'tls-verification',
  B310: 'ssrf',
  B311: 'insecure-random',
  B312: 'cleartext-transmission',
  B313: 'xxe',
  B314: 'xxe',
  B315: 'xxe',
  B316: 'xxe',
  B317: 'xxe',
  B318: 'xxe',
  B319: 'xxe',
  B320: 'xxe',
  B321: 'cleartext-transmission',
  B322: null,
  B323: 'tls-verification',
  B324: 'weak-hash',
  B325: 'insecure-temp-file',
  B401: 'cleartext-transmission',
  B402: 'cleartext-transmission',
  B403: 'deserialization',
  B404: 'command-injection',
  B405: 'xxe',
  B406: 'xxe',
  B407: 'xxe',
  B408: 'xxe',
  B409: 'xxe',
  B410: 'xxe',
  B411: 'xxe',
  B412: null,
  B413: null,
  B501: 'tls-verification',
  B502: 'weak-tls',
  B503: 'weak-tls',
  B504: 'weak-tls',
  B505: 'weak-key-size',
  B506: 'deserialization',
  B507: 'tls-verification',
  B601: 'command-injection',
  B602: 'command-injection',
  B603: 'command-injection',
  B604: 'command-injection',
  B605: 'command-injection',
  B606: 'command-injection',
  B607: 'command-injection',
  B608: 'sql-injection',
  B609: 'command-injection',
  B610: 'sql-injection',
  B611: 'sql-injection',
  B701: 'xss',
  B702: 'xss',
  B703: 'xss',
};

/** True when a `bandit` executable answers on PATH. */
export function banditAvailable() {
  const r = spawnSync('bandit', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

/**
 * Bandit's results for `dir` (recursively), every severity and confidence, as
 * `{ file, lines, testId, severity, confidence }` with absolute file paths; `lines` is the result's
 * line range (a call spread over several lines counts on each of them).
 */
export function runBandit(dir) {
  const r = spawnSync('bandit', ['-r', dir, '-f', 'json', '-q'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  // bandit exits 1 when it found something; anything without a JSON document is a failure.
  let doc;
  try {
    doc = JSON.parse(r.stdout);
  } catch {
    throw new Error(`bandit gave no JSON (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
  }
  return {
    results: doc.results.map((x) => ({
      file: x.filename,
      lines: x.line_range?.length ? x.line_range : [x.line_number],
      testId: x.test_id,
      severity: x.issue_severity,
      confidence: x.issue_confidence,
    })),
    errors: doc.errors ?? [],
    loc: doc.metrics?._totals?.loc ?? 0,
  };
}
