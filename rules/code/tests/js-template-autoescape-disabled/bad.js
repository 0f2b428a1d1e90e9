const nunjucks = require('nunjucks');
const swig = require('swig');

// ruleid: code/js-template-autoescape-disabled
nunjucks.configure('views', { autoescape: false, express: app });

// ruleid: code/js-template-autoescape-disabled
swig.setDefaults({ cache: false, autoescape: false });

// ruleid: code/js-template-autoescape-disabled
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader('views'), { autoescape: false });

const Handlebars = require('handlebars');
// ruleid: code/js-template-autoescape-disabled
const page = Handlebars.compile(source, { noEscape: true });

// ruleid: code/js-template-autoescape-disabled
options.escapeMarkup = false;
