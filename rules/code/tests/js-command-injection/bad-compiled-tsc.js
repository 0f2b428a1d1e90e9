"use strict";
// bad.js as tsc compiles its ES-module form: imported functions are called as `(0, module_1.f)(…)`, the
// default import through `__importDefault`, the namespace import through `__importStar`.
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) result[k] = mod[k];
    result["default"] = mod;
    return result;
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const child_process_1 = require("child_process");
const cp = __importStar(require("child_process"));
const express_1 = __importDefault(require("express"));
const app = (0, express_1.default)();
app.get('/ping', (req, res) => {
    const host = req.query.host;
    // ruleid: code/js-command-injection
    (0, child_process_1.exec)('ping -c 1 ' + host, (err, out) => res.send(out));
});
app.post('/convert', (req, res) => {
    const { file, format } = req.body;
    const args = `${file} out.${format}`;
    // ruleid: code/js-command-injection
    const child = (0, child_process_1.spawn)('convert ' + args, { shell: true });
    child.on('exit', () => res.end());
});
function archive(name) {
    // ruleid: code/js-command-injection
    return cp.execSync(`tar czf /tmp/${name}.tgz /data`);
}
app.post('/archive', (req, res) => {
    archive(req.body.name);
    res.end();
});
app.get('/grep', (req, res) => {
    // ruleid: code/js-command-injection
    const child = (0, child_process_1.spawn)('sh', ['-c', `grep -r ${req.query.term} /var/log`]);
    child.stdout.pipe(res);
});
