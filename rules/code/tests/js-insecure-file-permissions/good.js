const fs = require('fs');

fs.chmodSync('/var/run/app.sock', 0o660);
fs.chmod('upload', '755', () => {});
fs.mkdirSync('/srv/uploads', { recursive: true, mode: 0o750 });
fs.writeFileSync('secret.key', data, { mode: 0o600 });
