// Element sources the program does not fix.
function load(url) {
  const script = document.createElement('script');
  // ruleid: code/js-audit-resource-src
  script.src = url;
  const frame = document.querySelector('iframe');
  // ruleid: code/js-audit-resource-src
  frame.src = location.hash.slice(1);
  document.body.append(script);
}
load(window.name);
