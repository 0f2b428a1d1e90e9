// A part of the page's own address the link chose: the query's `next`, the fragment, or the path.
function goNext() {
  const url = new URL(window.location.href);
  // ruleid: code/js-open-redirect
  window.location.href = url.searchParams.get('next');
}

function goFragment() {
  const url = new URL(location.href);
  url.searchParams.set('seen', '1');
  // ruleid: code/js-open-redirect
  location.href = url.hash.slice(1);
}

function goOwnUrlElsewhere() {
  const url = new URL(location.href);
  const back = url.searchParams.get('back');
  // ruleid: code/js-open-redirect
  location.href = url;
  return back;
}

// The page's own address assigned after a part of it, not whole.
function reloadWithHash() {
  // ruleid: code/js-open-redirect
  window.location = location.hash.slice(1) || window.location.href;
}

// A predicate passed for another value than the one sent.
function afterDelete(req, res) {
  const { redirect, other } = req.query;
  // ruleid: code/js-open-redirect
  res.redirect((is_relative_url(other) && redirect) || '/list');
}

module.exports = { goNext, goFragment, goOwnUrlElsewhere, reloadWithHash, afterDelete };
