// ANSI colours of text nobody escaped, a policy given raw text, markup decoded back, text joined after the escape,
// and an `encode` the module did not take from html-entities.
import ansiHTML from 'ansi-html-community';
import { encode, decode } from 'html-entities';
import { encode as base64 } from 'js-base64';

var policy = window.trustedTypes.createPolicy('overlay', { createHTML: (value) => value });

function showProblem(body, node) {
  var coloured = ansiHTML(body);
  // ruleid: code/js-xss-audit
  node.innerHTML = coloured;
  var raw = policy.createHTML(body.message);
  // ruleid: code/js-xss-audit
  node.innerHTML = raw;
  var back = ansiHTML(decode(encode(body)));
  // ruleid: code/js-xss-audit
  node.innerHTML = back;
  var joined = ansiHTML(encode(body) + body.stack);
  // ruleid: code/js-xss-audit
  node.innerHTML = joined;
  var packed = base64(body);
  // ruleid: code/js-xss-audit
  node.innerHTML = packed;
}
