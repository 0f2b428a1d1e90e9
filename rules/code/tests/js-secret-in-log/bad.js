async function login(username, password) {
  // ruleid: code/js-secret-in-log
  console.log('login attempt', username, password);
  const session = await createSession(username);
  // ruleid: code/js-secret-in-log
  logger.info(`issued token ${session.token} for ${username}`);
  return session;
}
module.exports = { login };
