const net = require('net');

// A metrics daemon's line protocols: samples (`name:value|type`) on one port and operator commands on
// another, with no logins in either: plain text by design, which TLS would not change.
exports.startIntake = function (config, onPacket) {
  const server = net.createServer(function (stream) {
    stream.setEncoding('ascii');
    let buffer = '';
    stream.on('data', function (data) {
      buffer += data;
      const end = buffer.lastIndexOf('\n');
      if (end > -1) {
        onPacket(buffer.slice(0, end + 1), stream.remoteAddress);
        buffer = buffer.slice(end + 1);
      }
    });
  });
  server.listen(config.port || 8125, config.address);
};

exports.startCommands = function (config, onCommand) {
  net.createServer(function (stream) {
    stream.on('data', function (data) {
      const words = String(data).trim().split(' ');
      onCommand(words.shift(), words, stream);
    });
  }).listen(config.mgmt_port || 8126, config.mgmt_address);
};
