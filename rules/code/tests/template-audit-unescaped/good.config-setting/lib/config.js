// The default configuration: the operator replaces these settings in their own copy.
const config = {
  site_title: 'Docs',
  copyright: 'Copyright &copy; ' + new Date().getFullYear() + ' - <a href="https://example.com">Example</a>',
  // Add your analytics tracking code (including script tags)
  analytics: '',
};

module.exports = config;
