/**
 * A user interface component named under a `password` key: a form library's widget map (react-jsonschema-form's
 * `{ text: "TextWidget", password: "PasswordWidget" }`), a field-type table (`password: "PasswordInput"`). The
 * value is the key's own word in PascalCase followed by the name of a kind of component: the component that
 * shows the password field, as SELF_NAMED's `admin-password` names itself (password-labels.ts). Only the word
 * itself before the component's kind: `MyPasswordInput` or `Tr0ub4dorWidget` may be a password someone chose.
 */
const COMPONENT_NAME =
  /^(?:Password|Passwd|Passphrase|Pwd|Pass)(?:Widget|Input|Field|Component|Control|Editor|Box|Prompt|Dialog|Form|View)$/;

/** True when the value in a password's place is the name of the component that shows the password field. */
export function namesPasswordComponent(value: string): boolean {
  return COMPONENT_NAME.test(value);
}
