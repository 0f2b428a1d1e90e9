module.exports = { application: { allowHtml: false } };
