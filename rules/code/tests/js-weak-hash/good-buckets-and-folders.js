const crypto = require('crypto');
const os = require('os');
const path = require('path');

// A digest of the session id read as a number modulo the members' count: a stable bucket (which page of
// a group this visitor sees), not a check anything rests on.
function pageForSession(group, req) {
  const hash = crypto.createHash('sha1').update(req.sessionID).digest('hex');
  const idx = parseInt(hash.substring(hash.length - 4), 16) % group.members.length;
  return group.members[idx];
}

// A digest of a URL and the time as the name of a folder to clone into (the request carries a token).
function cloneTarget(req) {
  const githubToken = req.body.githubToken;
  const repoHash = crypto.createHash('md5').update(req.body.url + Date.now()).digest('hex');
  return { githubToken, dir: path.join(os.homedir(), '.cache', 'clones', repoHash) };
}

// A generated certificate's serial number: unique, no signature rests on it.
function createSelfCert(hostname, random, cert) {
  var serialNumber = crypto.createHash('sha1').update(hostname + random).digest('hex');
  cert.serialNumber = serialNumber;
  return cert;
}

module.exports = { pageForSession, cloneTarget, createSelfCert };
