function newSession(user) {
  // ruleid: code/js-insecure-random
  const token = Math.random().toString(36).slice(2);
  return { user, token };
}

function makeResetToken() {
  // ruleid: code/js-insecure-random
  return Math.floor(Math.random() * 1e9).toString(16);
}
module.exports = { newSession, makeResetToken };

// Stored under a security name inside a method: still the value's own name.
class Sessions {
  create() {
    // ruleid: code/js-insecure-random
    const sessionId = String(Math.random()).slice(2);
    return sessionId;
  }
}
module.exports.Sessions = Sessions;

// A password made for the user, salted or not, must not be guessed.
function resetPassword(user) {
  // ruleid: code/js-insecure-random
  user.saltedPassword = Math.random().toString(36);
}
module.exports.resetPassword = resetPassword;
