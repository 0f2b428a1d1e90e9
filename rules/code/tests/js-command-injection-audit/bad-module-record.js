// A property of the module's own record that some write fills with a caller's value, a method that returns
// its parameter, a record handed to a function that can fill it, and one written by a computed key: the
// command built from them is not fixed.
const cp = require('child_process');

const NETWORKS = ['Ethernet', 'Wi-Fi'];
const manager = { networkType: NETWORKS[0] };

manager.useNetwork = (name) => {
  manager.networkType = name;
};

manager.pick = (name) => name;

manager.disableGlobalProxy = (name) => {
  // ruleid: code/js-command-injection-audit
  cp.execSync('networksetup -setwebproxystate ' + manager.networkType + ' off');
  // ruleid: code/js-command-injection-audit
  cp.execSync('networksetup -getwebproxy ' + manager.pick(name));
};

const settings = { host: 'localhost' };
function configure(options) {
  Object.assign(settings, options);
  // ruleid: code/js-command-injection-audit
  cp.execSync('ping -c 1 ' + settings.host);
}

const state = { dir: '/tmp' };
function set(key, value) {
  state[key] = value;
}
// ruleid: code/js-command-injection-audit
cp.execSync('ls ' + state.dir);

const target = { path: '.' };
function list(sub) {
  target.path += sub;
  // ruleid: code/js-command-injection-audit
  cp.execSync('ls ' + target.path);
}

module.exports = { manager, set, configure, list };
