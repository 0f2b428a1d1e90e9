# A table that files each setting under its group: 'password' names a setting (the site's private-mode
# password), and 'private' is the group it belongs to, shared with two other settings.
KEY_GROUPS = {
    'title': 'site',
    'description': 'site',
    'logo': 'site',
    'icon': 'site',
    'accent_color': 'site',
    'active_theme': 'theme',
    'is_private': 'private',
    'password': 'private',
    'public_hash': 'private',
    'amp': 'amp',
    'labs': 'labs',
}
