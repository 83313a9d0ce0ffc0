import { invalidParamError } from "../http/woo-error.js";

/** Maximum length, in UTF-16 code units, of the readable register name a till sends at login. */
export const maxRegisterNameLength = 64;

/**
 * Reads the readable register name a till sends at login (`register_name`), such as its receipt
 * prefix "R7KQ2". Tills before this field send none, and a value that is not a non-blank string
 * is ignored the same way, so the register is shown by its id. A name longer than
 * `maxRegisterNameLength` or with a control character is rejected with a 400 that names it,
 * because it would break the seats message and the Staff and devices list.
 */
export function parseRegisterName(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const name = value.trim();
  if (name === "") return null;
  const shown = JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
  if (name.length > maxRegisterNameLength) {
    throw invalidParamError(
      "register_name",
      `register_name ${shown} has ${name.length} characters, more than the maximum of ` +
        `${maxRegisterNameLength}: send a short name such as the receipt prefix.`,
    );
  }
  // Control characters (Cc) and invisible formatting ones (Cf, such as a right-to-left override)
  // would let one register's name pass for another's.
  if (/[\p{Cc}\p{Cf}]/u.test(name)) {
    throw invalidParamError(
      "register_name",
      `register_name ${shown} contains a control or invisible formatting character: remove it ` +
        "and log in again.",
    );
  }
  return name;
}
