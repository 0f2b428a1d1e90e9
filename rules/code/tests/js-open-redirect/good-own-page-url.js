// The page's own address, reloaded or changed only where the code writes: it keeps this site's scheme and host.
function refreshLater(seconds) {
  window.setTimeout(() => {
    window.location = window.location.href;
  }, seconds * 1000);
}

// A URL object of the page's own address with parameters written into it, or its origin before a path.
function sortBy(name, descending) {
  const url = new URL(window.location.href);
  url.searchParams.set('ob', name);
  url.searchParams.set('od', descending ? 'desc' : 'asc');
  window.location.href = url;
}

function cancelEdit(group) {
  const url = new URL(location.href);
  location.href = `${url.origin}/groups/${group}`;
}

// A target used only when a predicate named for keeping the redirect on the site passes.
function afterDelete(req, res, table) {
  const { redirect } = req.query;
  res.redirect((is_relative_url(redirect) && redirect) || `/list/${table}`);
}

module.exports = { refreshLater, sortBy, cancelEdit, afterDelete };

function pageOf(n) {
  const url = new URL(window.location.href);
  url.searchParams.set('page', String(n));
  window.location.assign(url);
}

module.exports.pageOf = pageOf;
