import { WooApiError } from "@pos/woo";
import { describe, expect, it } from "vitest";
import { loginErrorMessage } from "./login-error-message.js";

describe("loginErrorMessage", () => {
  const storeUrl = "http://127.0.0.1:8080";

  it("maps a wrong application password", () => {
    const failure = new WooApiError(401, "incorrect_password", "invalid or was revoked");
    expect(loginErrorMessage(failure, storeUrl)).toBe(
      "Wrong username, password or key. Check them and try again.",
    );
  });

  it("shows the plain http rejection", () => {
    const failure = new WooApiError(
      401,
      "application_passwords_disabled",
      "Application passwords are not accepted over plain http from 10.0.0.8: connect to the " +
        "store over https.",
    );
    const message = loginErrorMessage(failure, storeUrl);
    expect(message).toContain("The store refused the application password");
    expect(message).toContain("connect to the store over https");
  });

  it("shows the register limit once", () => {
    const storeMessage =
      "The community edition allows 1 register at once, and 1 is signed in: R7KQ2 (Ann Smith, " +
      'last active 2026-12-04 09:12 UTC). Register "RB3X1" can sign in once one of them signs ' +
      "out: a manager or administrator can log in on this device and sign one of them out, " +
      "revoke a register under Staff and devices, or activate a licence " +
      "key with more registers.";
    const failure = new WooApiError(403, "pos_register_limit", storeMessage);

    const message = loginErrorMessage(failure, storeUrl);

    expect(message).toBe(`This register cannot sign in. ${storeMessage}`);
    expect(message.match(/cannot sign in/g)).toHaveLength(1);
  });
});
