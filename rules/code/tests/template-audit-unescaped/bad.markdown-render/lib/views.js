// View names kept in one place: a render elsewhere may use them.
module.exports = { draft: 'exported' };
