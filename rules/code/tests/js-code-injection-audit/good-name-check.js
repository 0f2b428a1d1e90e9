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
module.exports = { validFieldName, validateIdentifier };
