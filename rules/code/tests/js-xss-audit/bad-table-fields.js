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

// The element written under another name, or by destructuring: the table no longer holds only its own values.
const LABELS = { user: { label: 'User' }, group: { label: 'Group' } };
function renamed(entity) {
  const mine = LABELS.user;
  mine.label = entity.name;
  const badge = LABELS[entity.type];
  const td = document.createElement('td');
  // ruleid: code/js-xss-audit
  td.innerHTML = '<b>' + badge.label + '</b>';
  return td;
}

function destructured(entity) {
  const badges = { user: { label: 'User' } };
  const badge = badges[entity.type];
  [badge.label] = [entity.name];
  const td = document.createElement('td');
  // ruleid: code/js-xss-audit
  td.innerHTML = '<b>' + badge.label + '</b>';
  return td;
}

function pushed(entity) {
  const badges = { user: { labels: ['User'] } };
  badges.user.labels.push(entity.name);
  const badge = badges[entity.type];
  const td = document.createElement('td');
  // ruleid: code/js-xss-audit
  td.innerHTML = '<b>' + badge.labels + '</b>';
  return td;
}
