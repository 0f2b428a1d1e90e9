// A template written in place whose own text writes a value unescaped (Lodash's and Underscore's `<%= %>`,
// EJS's `<%- %>`, Handlebars' `{{{ }}}`): no template file holds it for the template rules to read, and what it
// renders is the data as markup.
$.getJSON('/api/sysinfo', function (sysInfo) {
  // ruleid: code/js-xss-audit
  $('#version').html(_.template('<b><%= version %></b>')({ version: sysInfo.version }));
  // ruleid: code/js-xss-audit
  document.getElementById('row').innerHTML = Handlebars.compile('<li>{{{name}}}</li>')({ name: sysInfo.name });
  // ruleid: code/js-xss-audit
  $('#note').html(ejs.compile('<p><%- note %></p>')({ note: sysInfo.note }));
});

var row = _.template('<tr><td><%= name %></td></tr>');
function addRow(item) {
  // ruleid: code/js-xss-audit
  $('#rows').html(row({ name: item.name }));
}
