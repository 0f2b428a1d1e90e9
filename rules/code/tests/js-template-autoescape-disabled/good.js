const nunjucks = require('nunjucks');
const swig = require('swig');

nunjucks.configure('views', { autoescape: true, express: app });
swig.setDefaults({ cache: false });
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader('views'));
app.set('autoescape', false);

const Handlebars = require('handlebars');
const page = Handlebars.compile(source, { noEscape: false, strict: true });
const row = Handlebars.compile(source);
options.escapeMarkup = true;
let escapeMarkup = false;
