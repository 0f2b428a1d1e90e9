// Commands fixed by the program text, held in names first.
const cp = require('child_process');

function lint(autoFix) {
  const npmInstall = `npm install${autoFix ? '' : ' --no-package-lock'}`;
  cp.execSync(npmInstall, { stdio: 'inherit' });
  const lintCmd = autoFix ? 'npx eslint --fix .' : 'npx eslint';
  cp.execSync(lintCmd, { stdio: 'inherit' });
  const cmd = ['git add -A', 'git commit -m "autofixes"', 'git push'].join(' && ');
  cp.execSync(cmd, { stdio: 'inherit' });
}
module.exports = { lint };

// A local helper whose every call passes a constant command.
function gitInfo(done) {
  function get(cmd, callback) {
    cp.exec(cmd, (err, stdout) => callback(null, stdout ? stdout.trim() : 'no-git-info'));
  }
  get('git rev-parse HEAD', (e, hash) => {
    get('git rev-parse --abbrev-ref HEAD', (e2, branch) => done({ hash, branch }));
  });
}
module.exports.gitInfo = gitInfo;

// An element of a constant list, whatever the index, and a constant template filled with it.
const NETWORKS = ['Ethernet', 'Thunderbolt Ethernet', 'Wi-Fi'];
function networkType() {
  for (let i = 0; i < NETWORKS.length; i++) {
    const type = NETWORKS[i];
    const out = cp.execSync('networksetup -getwebproxy ' + type);
    if (out) return cp.execSync('networksetup -setwebproxystate ${type} off'.replace('${type}', type));
  }
  return '';
}
module.exports.networkType = networkType;

// A local helper named like the sink: each call is reviewed where it builds the command, not again inside.
function execSync(cmd) {
  try {
    return cp.execSync(cmd).toString();
  } catch (err) {
    return err.stdout.toString();
  }
}
function proxyOff() {
  return execSync('networksetup -setwebproxystate ' + NETWORKS[2] + ' off');
}
module.exports.proxyOff = proxyOff;

// A parameter set to a constant in one branch, read there (also by a callback that runs later): the
// other branch's write never reaches it.
async function prepareBrowser(executablePath) {
  if (!executablePath) {
    executablePath = '/usr/bin/chromium';
    await new Promise((resolve) => {
      cp.exec('apt-get install -y chromium').on('exit', () => {
        resolve(cp.execSync(executablePath + ' --version').toString());
      });
    });
  } else {
    executablePath = executablePath.trim();
  }
  return executablePath;
}
module.exports.prepareBrowser = prepareBrowser;
