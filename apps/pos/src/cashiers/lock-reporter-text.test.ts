import { describe, expect, it } from "vitest";
import type { CashierRecord } from "./cashier-record.js";
import { lockReporterText } from "./lock-reporter-text.js";

const record: CashierRecord = {
  id: 1,
  username: "manager",
  display_name: "Morgan Manager",
  role: "manager",
  pin: null,
  failed_attempts: 0,
  locked: true,
  updated_gmt: null,
};

describe("lockReporterText", () => {
  it("names the reporting register and user", () => {
    const locked_by = { register_name: "RFRONT", user_id: 3, user_name: "Casey Cashier" };
    expect(lockReporterText({ ...record, locked_by })).toBe(
      "locked by register RFRONT (Casey Cashier)",
    );
  });

  it("names an unnamed register's user by id", () => {
    const locked_by = { register_name: null, user_id: 3, user_name: null };
    expect(lockReporterText({ ...record, locked_by })).toBe("locked by a register (user 3)");
  });

  it("says only locked for a lock the store counted", () => {
    expect(lockReporterText({ ...record, locked_by: null })).toBe("locked");
  });

  it("returns null for an unlocked user", () => {
    expect(lockReporterText({ ...record, locked: false })).toBeNull();
  });
});
