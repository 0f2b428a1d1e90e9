const lusca = require('lusca');

app.use(lusca({ csrf: true, xframe: 'SAMEORIGIN' }));
