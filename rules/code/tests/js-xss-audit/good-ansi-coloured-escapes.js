// A build error shown in a dev-server overlay: the message is HTML-escaped by html-entities' `encode`, then
// ansi-html turns its colour codes into `<span>` tags, then a Trusted Types policy passes it through.
import ansiHTML from 'ansi-html-community';
import { encode } from 'html-entities';

var policy = window.trustedTypes && window.trustedTypes.createPolicy('overlay', { createHTML: (value) => value });

function showProblem(body, node) {
  var text = ansiHTML(encode(body));
  node.innerHTML = policy ? policy.createHTML(text) : text;
  var escaped = encode(body.stack);
  node.innerHTML = escaped;
}

function showWarning(message, node) {
  var html = ansiHTML(encode(message.header)) + '<pre>' + ansiHTML(encode(message.body)) + '</pre>';
  node.innerHTML = encode(message.title) + html;
}
