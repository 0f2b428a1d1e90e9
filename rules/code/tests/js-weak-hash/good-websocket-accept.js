const crypto = require('crypto');

// RFC 6455's handshake: Sec-WebSocket-Accept is SHA-1 of the client's key and the protocol's fixed GUID,
// as the protocol defines it. A client checks the server's answer the same way.
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function acceptKey(secWebSocketKey) {
  return crypto.createHash('sha1').update(secWebSocketKey + GUID).digest('base64');
}

function WebSocketClient(headers) {
  this.headers = headers;
}
WebSocketClient.prototype.start = function () {
  const key = Buffer.from('13-' + Date.now()).toString('base64');
  const shasum = crypto.createHash('sha1');
  shasum.update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11');
  this.expectedServerKey = shasum.digest('base64');
  this.headers['Sec-WebSocket-Key'] = key;
};

module.exports = { acceptKey, WebSocketClient };
