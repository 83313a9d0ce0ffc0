import { describe, expect, it } from "vitest";
import { deviceSessionSchema, registerLabel } from "./staff-api.js";

const session = {
  id: "5b1c",
  user: { id: 3, username: "casey", display_name: "Casey Cashier" },
  register: "register-4f2a",
  device: "Chromium",
  created_gmt: "2026-12-04T09:00:00",
  last_used_gmt: "2026-12-04T09:12:00",
  expires_at: "2026-12-18T09:12:00.000Z",
  revoked_gmt: null,
};

describe("registerLabel", () => {
  it("shows the readable name", () => {
    const parsed = deviceSessionSchema.parse({ ...session, register_name: "R7KQ2" });

    expect(registerLabel(parsed)).toBe("R7KQ2");
  });

  it("shows the id without a name", () => {
    expect(registerLabel(deviceSessionSchema.parse({ ...session, register_name: null }))).toBe(
      "register-4f2a",
    );
    // A store from before register names sends no such field.
    expect(registerLabel(deviceSessionSchema.parse(session))).toBe("register-4f2a");
  });

  it("names an API client", () => {
    const parsed = deviceSessionSchema.parse({ ...session, register: null, register_name: null });

    expect(registerLabel(parsed)).toBe("no register");
  });
});
