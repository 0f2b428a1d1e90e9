const container = require('markdown-it-container');
const { md } = require('./shared-md');

md.use(container, 'spoiler');
