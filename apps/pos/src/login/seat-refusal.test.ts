import { WooApiError } from "@pos/woo";
import { describe, expect, it } from "vitest";
import { seatRefusalOf, takeoverLabel } from "./seat-refusal.js";

describe("seatRefusalOf", () => {
  const data = {
    registers: 1,
    signed_in: [{ handle: "reg_abc", name: "R7KQ2", user_name: "Ann", last_used_gmt: null }],
    can_replace: true,
  };

  it("reads the store's handles", () => {
    const refusal = seatRefusalOf(new WooApiError(403, "pos_register_limit", "limit", data));
    expect(refusal).toEqual({
      holders: [{ handle: "reg_abc", name: "R7KQ2", userName: "Ann" }],
      canReplace: true,
    });
  });

  it("ignores other failures", () => {
    expect(seatRefusalOf(new WooApiError(401, "pos_invalid_login", "no", data))).toBeNull();
    expect(seatRefusalOf(new Error("offline"))).toBeNull();
  });

  it("ignores a store that lists raw ids", () => {
    const old = { registers: 1, signed_in: ["front"] };
    expect(seatRefusalOf(new WooApiError(403, "pos_register_limit", "limit", old))).toBeNull();
  });
});

describe("takeoverLabel", () => {
  it("names the register", () => {
    expect(takeoverLabel({ handle: "h", name: "R7KQ2", userName: null })).toBe(
      "Sign out R7KQ2 and use this device",
    );
  });

  it("names an unnamed register by its user", () => {
    expect(takeoverLabel({ handle: "h", name: null, userName: "Ann" })).toBe(
      "Sign out the register of Ann and use this device",
    );
  });
});
