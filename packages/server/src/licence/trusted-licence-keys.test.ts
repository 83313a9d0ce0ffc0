import { describe, expect, it } from "vitest";
import { trustedLicenceKeys } from "./trusted-licence-keys.js";

const shipped = { "k-vendor": "VENDOR_KEY" };

describe("trustedLicenceKeys", () => {
  it("returns the shipped keys when LICENCE_PUBLIC_KEYS is unset or blank", () => {
    expect(trustedLicenceKeys(undefined, shipped)).toEqual(shipped);
    expect(trustedLicenceKeys("  ", shipped)).toEqual(shipped);
  });

  it("adds keys under new ids", () => {
    const keys = trustedLicenceKeys('{"k-test": "TEST_KEY"}', shipped);
    expect(keys).toEqual({ "k-vendor": "VENDOR_KEY", "k-test": "TEST_KEY" });
  });

  it("accepts a shipped key listed again unchanged", () => {
    expect(trustedLicenceKeys('{"k-vendor": "VENDOR_KEY"}', shipped)).toEqual(shipped);
  });

  it("rejects another key under a shipped id", () => {
    expect(() => trustedLicenceKeys('{"k-vendor": "OWN_KEY"}', shipped)).toThrow(
      'LICENCE_PUBLIC_KEYS gives the shipped key id "k-vendor" a different key',
    );
  });

  it.each([
    ["not json", /is not JSON/],
    ["[]", /must map key ids to strings/],
    ['{"k": 1}', /must map key ids to strings/],
    ["null", /must map key ids to strings/],
  ])("rejects %s", (text, message) => {
    expect(() => trustedLicenceKeys(text, shipped)).toThrow(message);
  });
});
