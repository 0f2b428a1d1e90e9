import process from 'node:process';
import net from 'node:net';
import repl from 'node:repl';
import inspector from 'node:inspector';
import { spawn } from 'node:child_process';

// Every connection to port 1337 gets a JavaScript prompt inside the server.
export default net
    .createServer((socket) => {
        // ruleid: code/js-network-repl
        const r = repl.start({
            prompt: `[${process.pid}]> `,
            input: socket,
            output: socket,
            terminal: true,
        });
        r.on('exit', () => socket.end());
    })
    .listen(1337);

export function debugRemotely() {
    // ruleid: code/js-network-repl
    inspector.open(9229, '0.0.0.0');
}

export function startWorker(file) {
    // ruleid: code/js-network-repl
    return spawn(process.execPath, ['--inspect=0.0.0.0:9230', file]);
}
