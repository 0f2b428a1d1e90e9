const axios = require('axios');

fetch('https://api.partner.com/v1/orders');
fetch('http://localhost:3000/health');
axios.get('http://127.0.0.1:9000/metrics');
axios.get(`http://${host}/status`);
const ws = new WebSocket('wss://chat.example.com/socket');
