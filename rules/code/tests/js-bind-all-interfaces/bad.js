const app = require('./app');

// ruleid: code/js-bind-all-interfaces
app.listen(3000, '0.0.0.0');
// ruleid: code/js-bind-all-interfaces
server.listen({ port: 8080, host: '0.0.0.0' });
