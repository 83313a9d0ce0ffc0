import { describe, expect, it } from "vitest";
import { isApplicationPasswordUsername, isLoopbackAddress } from "./application-password-auth.js";
import { chunkApplicationPassword, hashApplicationPassword } from "./application-password-store.js";

describe("isLoopbackAddress", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.8.9.10", true],
    ["::1", true],
    ["::ffff:127.0.0.1", true],
    ["10.0.0.1", false],
    ["::ffff:10.0.0.1", false],
    ["128.0.0.1", false],
    ["127.example", false],
    ["", false],
    [undefined, false],
  ])("%s is %s", (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });
});

describe("application password text", () => {
  it("groups by four with spaces", () => {
    expect(chunkApplicationPassword("abcdEFGH1234ijklMNOP5678")).toBe(
      "abcd EFGH 1234 ijkl MNOP 5678",
    );
  });

  it("hashes the same without spaces", () => {
    const plain = hashApplicationPassword("abcdEFGH1234ijklMNOP5678");
    expect(hashApplicationPassword("abcd EFGH 1234 ijkl MNOP 5678")).toBe(plain);
    expect(hashApplicationPassword("abcdEFGH1234ijklMNOP5679")).not.toBe(plain);
  });

  it("tells consumer keys apart", () => {
    expect(isApplicationPasswordUsername("ck_0123")).toBe(false);
    expect(isApplicationPasswordUsername("owner")).toBe(true);
  });
});
