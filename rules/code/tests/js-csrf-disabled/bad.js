const lusca = require('lusca');

// ruleid: code/js-csrf-disabled
app.use(lusca({ csrf: false, xframe: 'SAMEORIGIN' }));
