// A function built only to see whether a name parses as a parameter list, then thrown away: its body is a
// literal and nothing calls it, so nothing the name holds runs.
function validFieldName(name) {
  try {
    new Function(name, 'return;');
  } catch {
    return false;
  }
  return true;
}

const validateIdentifier = (target) => {
  const val = target.val();
  try {
    Function(val, 'return 1');
  } catch (error) {
    target.after('<small class="expr-error">Invalid identifier</small>');
  }
};
// A rule's syntax checked by building a function of it and dropping it: nothing calls it, so nothing runs.
function ruleError(rule) {
  try {
    new Function(rule);
  } catch (e) {
    return e.toString();
  }
  return null;
}
module.exports = { validFieldName, validateIdentifier, ruleError };
