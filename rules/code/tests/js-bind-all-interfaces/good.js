const app = require('./app');

app.listen(3000, '127.0.0.1');
app.listen(3000, process.env.HOST);
server.listen({ port: 8080, host: 'localhost' });
