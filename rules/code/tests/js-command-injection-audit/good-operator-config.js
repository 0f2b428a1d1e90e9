const child_process = require('child_process');
const config = require('./config');

// Settings of the operator's own configuration file, read by its name: whoever writes smtp.ini already runs
// the server.
function ensureQueueOwner() {
  const cfg = config.get('smtp.ini');
  let uid;
  if (cfg.user) uid = parseInt(child_process.execSync(`id -u ${cfg.user}`).toString().trim(), 10);
  if (cfg.group) child_process.execSync(`id -g ${cfg.group}`);
  child_process.execSync('mkdir -p ' + config.get('queue.yaml', 'path').dir);
  return uid;
}
