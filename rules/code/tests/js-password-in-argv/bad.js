import { spawn, exec } from 'node:child_process';
import pty from 'node-pty';

export function sshOptions({ pass, host }) {
  return [
    // ruleid: code/js-password-in-argv
    ...(pass ? ['sshpass', '-p', pass] : []),
    'ssh',
    '--',
    host,
  ];
}

export function connect(socket, host, password) {
  // ruleid: code/js-password-in-argv
  pty.spawn('sshpass', ["-p", password, 'ssh', host]);
  // ruleid: code/js-password-in-argv
  exec(`sshpass -p ${password} ssh ${host} uptime`);
  // ruleid: code/js-password-in-argv
  exec('sshpass -p ' + password + ' ssh ' + host);
}

export function dump(db) {
  // ruleid: code/js-password-in-argv
  spawn('mysqldump', ['--user', db.user, '--password', db.password, db.name]);
  // ruleid: code/js-password-in-argv
  spawn('pg_dump', [`--password=${db.password}`, db.name]);
}
