var $ = require('jquery');
var template = require('../entry.hbs');
var Handlebars = require('handlebars');

// The output of a compiled template (a bundler's precompiled .hbs module, Handlebars.compile) is markup by
// design: whether it escapes its data is the template's to answer.
$.getJSON('/-/search/' + encodeURIComponent(q), function (results) {
  var html = '';
  $.each(results, function (i, entry) {
    html += template(entry);
  });
  $('#search-results').html(html);
});

var row = Handlebars.compile('<li>{{name}}</li>');
document.getElementById('list').innerHTML = row({ name: location.hash });

// Underscore's and Lodash's `_.template(…)` compile a template of the page (`<%- %>` escapes): what the call
// returns is the template's markup.
var sysInfo = _.template($('#sysInfoTmp').html());
$('.system-info').html(sysInfo({ data: { cpu: stat.cpus.length, arch: stat.arch } }));

// A record of compiled templates, filled once the page is ready: its methods render them.
var tmps = {};
function init() {
  tmps = {
    proc: _.template($('#procTmp').html()),
    popup: _.template($('#popupTmp').html()),
  };
}
// Compiled and rendered in one expression: the same render.
$.getJSON('/api/sysinfo', function (sysInfo) {
  var text = 'The version of the server is: ';
  text = text + _.template('<b><%- version %></b>')({ version: sysInfo.notebook_version });
  $('<p/>').html(text);
  document.getElementById('row').innerHTML = Handlebars.compile('<li>{{name}}</li>')({ name: location.hash });
});

function showPopup(proc) {
  $('#popup').html(tmps.popup({ info: proc }));
}
