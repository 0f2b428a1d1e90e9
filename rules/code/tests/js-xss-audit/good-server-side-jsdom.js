// A module for Node that assembles a page in a document jsdom builds on the server: jsdom runs no script and
// loads no image by default, so markup written into that tree runs nothing here; the serialised page is what
// the response rules follow.
var jsdom = require('jsdom');

function replacePartials(dom, partials) {
  var nodes = dom.getElementsByClassName('partial');
  for (var i = 0; i < nodes.length; i++) {
    var part = partials[nodes[i].getAttribute('partial_id')];
    if (part.error) {
      nodes[i].innerHTML = part.error;
    } else {
      nodes[i].innerHTML = part.body;
    }
  }
  return dom.documentElement.outerHTML;
}

exports.render = function (content, partials) {
  var dom = jsdom.jsdom(content);
  return replacePartials(dom, partials);
};
