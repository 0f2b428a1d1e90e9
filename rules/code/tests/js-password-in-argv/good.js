import { spawn, execFile } from 'node:child_process';

export function connect(host, password) {
  // The password travels in the environment, not on the command line.
  spawn('sshpass', ['-e', 'ssh', host], { env: { ...process.env, SSHPASS: password } });
  // `ssh -p` is a port.
  spawn('ssh', ['-p', String(22), host]);
  // Read from standard input.
  const p = spawn('docker', ['login', '--username', 'ci', '--password-stdin']);
  p.stdin.end(password);
  // A flag that takes no value, then a literal.
  execFile('tool', ['--password', '--prompt']);
  return `Use --password=<value> to set it`;
}
