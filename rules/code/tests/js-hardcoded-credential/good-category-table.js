// A table that files each setting under its group: `password` is the name of a setting (the site's
// private-mode password), and 'private' the group it belongs to, shared with two other settings.
const keyGroupMapping = {
  title: 'site',
  description: 'site',
  logo: 'site',
  icon: 'site',
  accent_color: 'site',
  active_theme: 'theme',
  is_private: 'private',
  password: 'private',
  public_hash: 'private',
  amp: 'amp',
  labs: 'labs',
  members_signup_access: 'members',
  default_content_visibility: 'members',
};

module.exports = { keyGroupMapping };
