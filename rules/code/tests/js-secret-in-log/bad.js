async function login(username, password) {
  // ruleid: code/js-secret-in-log
  console.log('login attempt', username, password);
  const session = await createSession(username);
  // ruleid: code/js-secret-in-log
  logger.info(`issued token ${session.token} for ${username}`);
  return session;
}

// The comparison picks which value is written, and one of them is the token.
function connected(token, guestToken) {
  // ruleid: code/js-secret-in-log
  logger.info(`Client connected with ${token === guestToken ? 'guest' : token}`);
}
// The format text names a file, but the credential itself is logged beside it, or the text names no file.
function saved(program, file) {
  // ruleid: code/js-secret-in-log
  console.log('saved to file %s: %s', file, program.password);
  // ruleid: code/js-secret-in-log
  console.log('using credentials %s', program.credentials);
}
module.exports = { login, connected, saved };
