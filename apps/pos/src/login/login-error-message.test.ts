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
});
