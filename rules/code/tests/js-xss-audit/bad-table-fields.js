// A table's element whose fields the code changes, hands to a call, or that is read from data: not the
// table's own values any more.
function typeCell(entity) {
  const badges = { user: { cls: 'dark', label: 'User' } };
  const badge = badges[entity.type];
  badge.label = entity.name;
  const td = document.createElement('td');
  // ruleid: code/js-xss-audit
  td.innerHTML = '<span class="badge bg-' + badge.cls + '">' + badge.label + '</span>';
  return td;
}

function merged(entity, extra) {
  const badges = { user: { cls: 'dark', label: 'User' } };
  const badge = badges[entity.type];
  Object.assign(badge, extra);
  const td = document.createElement('td');
  // ruleid: code/js-xss-audit
  td.innerHTML = '<b>' + badge.label + '</b>';
  return td;
}

function fromData(entity) {
  const badge = entity.badges[entity.type];
  const td = document.createElement('td');
  // ruleid: code/js-xss-audit
  td.innerHTML = '<b>' + badge.label + '</b>';
  return td;
}
