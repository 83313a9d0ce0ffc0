import { createHash } from "node:crypto";

/**
 * Returns the opaque handle that stands for a register in the seat-limit 403 and in a login's
 * `replace_register`. It is a hash of the register id, so the 403 never shows an id another
 * till could send as its own `register` to share that seat.
 */
export function registerHandle(register: string): string {
  const digest = createHash("sha256").update(`pos-register-handle\0${register}`).digest();
  return `reg_${digest.subarray(0, 12).toString("base64url")}`;
}
