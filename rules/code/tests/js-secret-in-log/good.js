async function login(username, password) {
  console.log('login attempt for', username);
  const session = await createSession(username, password);
  logger.info(`issued session ${session.id} for ${username}; password reset not needed`);
  logger.debug('token issued', { user: username, tokenLength: hashLength(session) });
  return session;
}
module.exports = { login };
