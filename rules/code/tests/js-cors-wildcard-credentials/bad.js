const cors = require('cors');
const express = require('express');
const app = express();

// ruleid: code/js-cors-wildcard-credentials
app.use(cors({ origin: true, credentials: true }));
