const ldap = require('ldapjs');
const client = ldap.createClient({ url: 'ldap://directory.internal' });

function lookup(req, res) {
  const filter = `(&(objectClass=person)(uid=${req.query.user}))`;
  // ruleid: code/js-ldap-injection
  client.search('ou=people,dc=example,dc=org', { filter, scope: 'sub' }, (err, result) => res.json(result));
}
module.exports = { lookup };
