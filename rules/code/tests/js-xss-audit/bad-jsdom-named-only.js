// A browser script that only names jsdom (to tell a test run from a browser): the document is the page's.
function isTestRun() {
  return navigator.userAgent.includes('jsdom') || typeof require('jsdom-global') === 'function';
}

function showNotice(notice) {
  if (isTestRun()) return;
  // ruleid: code/js-xss-audit
  document.getElementById('notice').innerHTML = notice.body;
}
