const express = require('express');
const app = express();

// Under a route whose path is written out (`/admin/`), the request's target starts with that path: adding a
// slash or a query keeps the redirect on this site.
app.get('/admin/', (req, res) => {
  if (!req.originalUrl.endsWith('/')) {
    res.redirect(301, req.originalUrl + '/');
    return;
  }
  res.send("admin");
});

app.get('/docs', (req, res) => res.redirect(`${req.originalUrl}/index.html`));
