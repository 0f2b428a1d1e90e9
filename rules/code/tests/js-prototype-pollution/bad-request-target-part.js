const express = require('express');
const app = express();

// A segment of the target can be '__proto__' (POST /__proto__/polluted): Object.prototype.polluted = true.
app.post('*', (req, res) => {
  const settings = res.locals.settings;
  const [, section, field] = req.url.split('/');
  // ruleid: code/js-prototype-pollution
  settings[section][field] = true;
  res.end();
});
