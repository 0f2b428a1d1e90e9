const axios = require('axios');
const http = require('http');

// ruleid: code/js-cleartext-http
fetch('http://api.partner.com/v1/orders');
// ruleid: code/js-cleartext-http
axios.post('http://payments.example.com/charge', { amount: 1 });
// ruleid: code/js-cleartext-http
http.get('http://example.org/feed.xml', () => {});
// ruleid: code/js-cleartext-http
const ws = new WebSocket('ws://chat.example.com/socket');
