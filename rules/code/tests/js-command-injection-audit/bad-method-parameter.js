// A method's or a generator's parameter is whatever its caller passes, even when a constant of the same name
// is declared around it.
const cp = require('child_process');
const cmd = 'git status';
const script = 'uptime';

class Runner {
  run(cmd) {
    // ruleid: code/js-command-injection-audit
    return cp.execSync(cmd);
  }
}

const tasks = {
  start(script) {
    // ruleid: code/js-command-injection-audit
    cp.exec(script);
  },
};

function* steps(cmd) {
  // ruleid: code/js-command-injection-audit
  yield cp.execSync(cmd);
}

// An outer function every call of which passes a constant: the method's own parameter of that name is
// another variable.
function wrap(cmd) {
  return {
    check(cmd) {
      // ruleid: code/js-command-injection-audit
      cp.execSync(cmd);
    },
  };
}
wrap('ls');

module.exports = { Runner, tasks, steps, wrap, cmd, script };
