"use strict";
// good.js as tsc compiles its ES-module form: the calls are `(0, child_process_1.f)(…)`, still without a shell.
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const child_process_1 = require("child_process");
const express_1 = __importDefault(require("express"));
const app = (0, express_1.default)();
app.get('/ping', (req, res) => {
    (0, child_process_1.execFile)('ping', ['-c', '1', '--', req.query.host], (err, out) => res.send(out));
});
app.get('/ls', (req, res) => {
    const child = (0, child_process_1.spawn)('ls', ['-l', '--', req.query.dir]);
    child.stdout.pipe(res);
});
app.get('/uptime', (req, res) => {
    (0, child_process_1.exec)('uptime', (err, out) => res.send(out));
});
app.get('/match', (req, res) => {
    const re = /^[a-z]+$/;
    res.json(re.exec(req.query.name));
});
