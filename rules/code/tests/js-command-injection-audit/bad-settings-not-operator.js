const child_process = require('child_process');
const config = require('./config');

// A JSON settings file (which admin pages write), a configuration read by a key rather than a file, a
// configuration the code writes into, or one whose name is not a constant is still reported.
function run(req) {
  const settings = config.get('settings.json');
  // ruleid: code/js-command-injection-audit
  child_process.execSync(`convert ${settings.tool}`);
  const tool = config.get('tools.convert');
  // ruleid: code/js-command-injection-audit
  child_process.execSync(`convert ${tool.path}`);
  const cfg = config.get('smtp.ini');
  Object.assign(cfg, req.body);
  // ruleid: code/js-command-injection-audit
  child_process.execSync(`id -u ${cfg.user}`);
  const own = config.get(req.query.file + '.ini');
  // ruleid: code/js-command-injection-audit
  child_process.execSync(`id -u ${own.user}`);
}
