// Commands that look fixed but carry a run-time value.
const cp = require('child_process');

function commit(message, autoFix) {
  const cmd = ['git add -A', `git commit -m "${message}"`].join(' && ');
  // ruleid: code/js-command-injection-audit
  cp.execSync(cmd);
  let install = 'npm install';
  if (autoFix) install = process.env.INSTALL_COMMAND;
  // ruleid: code/js-command-injection-audit
  cp.execSync(install);
}
module.exports = { commit };

// The same helper once called with a run-time value, or handed on as a value: its argument is not fixed.
function versions(pkg, done) {
  const run = (cmd, callback) => {
    // ruleid: code/js-command-injection-audit
    cp.exec(cmd, callback);
  };
  run('node --version', () => run('npm view ' + pkg + ' version', done));
}
function each(list, done) {
  function sh(cmd, callback) {
    // ruleid: code/js-command-injection-audit
    cp.exec(cmd, callback);
  }
  sh('uptime', () => list.forEach((c) => [c].map(sh)));
  done();
}
module.exports.versions = versions;
module.exports.each = each;

// An element of a list the program adds to, or of a request's record, is not fixed.
function pick(req) {
  const hosts = ['localhost'];
  hosts.push(req.query.host);
  // ruleid: code/js-command-injection-audit
  cp.execSync('ping -c 1 ' + hosts[1]);
  const names = { a: 'x' };
  names[req.query.k] = req.query.v;
  // ruleid: code/js-command-injection-audit
  cp.execSync('echo ' + names.a + names[req.query.k]);
  // ruleid: code/js-command-injection-audit
  cp.execSync('echo ' + req.query[0]);
}
module.exports.pick = pick;

// A helper named like the sink and a call the rule reviews: the call building the command is reported
// there; a helper with another name is reported inside, where its argument reaches the shell.
function execSync(cmd) {
  return cp.execSync(cmd).toString();
}
function proxyOn(ip, port) {
  // ruleid: code/js-command-injection-audit
  return execSync('networksetup -setwebproxy Wi-Fi ${ip} ${port}'.replace('${ip}', ip).replace('${port}', port));
}
function run(cmd) {
  // ruleid: code/js-command-injection-audit
  return cp.execSync(cmd).toString();
}
function trust(file) {
  return run(`security add-trusted-cert ${file}`);
}
module.exports.proxyOn = proxyOn;
module.exports.trust = trust;

// Set to a constant, but written again before the read, after it in a loop, or later for a callback.
function browserVersion(executablePath, extra) {
  if (!executablePath) {
    executablePath = '/usr/bin/chromium';
    if (extra) executablePath = extra;
    // ruleid: code/js-command-injection-audit
    cp.execSync(executablePath + ' --version');
  }
}
function eachVersion(path, list) {
  path = 'node';
  for (const next of list) {
    // ruleid: code/js-command-injection-audit
    cp.execSync(path + ' --version');
    path = next;
  }
}
function laterVersion(path, given) {
  path = 'node';
  setTimeout(() => {
    // ruleid: code/js-command-injection-audit
    cp.execSync(path + ' --version');
  }, 10);
  path = given;
}
module.exports.browserVersion = browserVersion;
module.exports.eachVersion = eachVersion;
module.exports.laterVersion = laterVersion;
