async function login(username, password) {
  console.log('login attempt for', username);
  const session = await createSession(username, password);
  logger.info(`issued session ${session.id} for ${username}; password reset not needed`);
  logger.debug('token issued', { user: username, tokenLength: hashLength(session) });
  return session;
}

// The token is only compared: the line says which kind of client connected.
function connected(token, guestToken) {
  logger.info(`Client connected with ${token === guestToken ? 'guest access' : 'authenticated token'}`);
  console.log('token present:', token ? 'yes' : 'no');
}
module.exports = { login, connected };

// The format text calls the logged value a file's path: the option names where the credentials are kept.
async function loadAuthorizer(program) {
  try {
    return JSON.parse(await readFile(program.credentials));
  } catch (error) {
    console.log('unable to load credentials file: %s', program.credentials, error.message);
    console.log('creating NEW credentials file %s', program.credentials);
    return {};
  }
}
module.exports.loadAuthorizer = loadAuthorizer;
