const fs = require('fs');

// ruleid: code/js-insecure-file-permissions
fs.chmodSync('/var/run/app.sock', 0o777);
// ruleid: code/js-insecure-file-permissions
fs.chmod('upload', '777', () => {});
// ruleid: code/js-insecure-file-permissions
fs.mkdirSync('/srv/uploads', { recursive: true, mode: 0o777 });
