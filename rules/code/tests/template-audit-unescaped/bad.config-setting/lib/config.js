const config = { footerhtml: '', banner: '' };

function updateSettings(req) {
  config.footerhtml = req.body.footerhtml;
}

function page(doc) {
  return { analytics: '', title: doc.title };
}

module.exports = { config, updateSettings, page };
