// The Origin is reflected only when it is in the configured list: an allowlist.
module.exports = (config) => (req, res, next) => {
  if (Array.isArray(config.cors) && config.cors.indexOf(req.headers.origin) > -1) {
    res.header('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  }
  if (config.origins.includes(req.headers.origin))
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  next();
};

// The environment's text split into a list first: each origin compared whole.
module.exports.fromEnvironment = (req, res) => {
  if (process.env.CORS_ORIGINS.split(',').includes(req.headers.origin))
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
};
