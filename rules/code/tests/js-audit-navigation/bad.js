// Navigation to URLs the program does not fix.
function go(link, next) {
  // ruleid: code/js-audit-navigation
  window.document.location.href = getNextUrl();
  // ruleid: code/js-audit-navigation
  link.href = next;
  // ruleid: code/js-audit-navigation
  window.location = next;
  // ruleid: code/js-audit-navigation
  location.assign(next);
}

function getNextUrl() {
  return new URLSearchParams(location.search).get('next');
}
go(document.querySelector('a'), getNextUrl());
