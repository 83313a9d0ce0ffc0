import { encodeBase64Url, signLicence, type LicenceDocument } from "@pos/licence";
import { beforeAll, describe, expect, it } from "vitest";
import { checkTillLicence, type LicenceSummary } from "./till-licence.js";
import { isLoopbackStore, tillTrustedKeys } from "./till-trusted-keys.js";

const storeUrl = "http://127.0.0.1:8080";
const shopUrl = "https://shop.example";
let document: LicenceDocument;
let shopDocument: LicenceDocument;
let publicKeys: Record<string, string>;

beforeAll(async () => {
  const pair = await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"]);
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  publicKeys = { "k-till-test": encodeBase64Url(raw) };
  document = await signLicence(
    {
      licence_id: "L-TILLTEST",
      key_id: "k-till-test",
      store_origin: "http://127.0.0.1:8080",
      registers: 3,
      issued_at: "2026-12-01T00:00:00Z",
      expires_at: "2026-12-31T00:00:00Z",
      grace_days: 14,
      edition: "pro",
    },
    pair.privateKey,
  );
  shopDocument = await signLicence(
    { ...document.payload, licence_id: "L-SHOPTEST", store_origin: shopUrl },
    pair.privateKey,
  );
});

function summary(value: unknown): LicenceSummary {
  return {
    status: "valid",
    message: "the server's own message, which the till does not trust",
    edition: "pro",
    registers: 3,
    registers_signed_in: 1,
    store_origin: "http://127.0.0.1:8080",
    document: value,
    public_keys: publicKeys,
  };
}

describe("checkTillLicence", () => {
  it("shows the community edition without a document", async () => {
    const none = await checkTillLicence(null, storeUrl, new Date("2026-12-04T00:00:00Z"));
    expect(none).toMatchObject({ status: "none", registers: 1 });
    const empty = await checkTillLicence(summary(null), storeUrl, new Date());
    expect(empty.status).toBe("none");
  });

  it("verifies a signed document as valid", async () => {
    const check = await checkTillLicence(summary(document), storeUrl, new Date("2026-12-04Z"));
    expect(check).toMatchObject({ status: "valid", registers: 3 });
  });

  it("counts grace days after expiry", async () => {
    const check = await checkTillLicence(summary(document), storeUrl, new Date("2027-01-10Z"));
    expect(check.status).toBe("grace");
    const daysLeft =
      "check" in check && check.check.status === "grace" ? check.check.daysLeft : null;
    expect(daysLeft).toBe(4);
  });

  it("reports a changed document as tampered, whatever the server says", async () => {
    const changed = { ...document, payload: { ...document.payload, registers: 50 } };
    const check = await checkTillLicence(summary(changed), storeUrl, new Date("2026-12-04Z"));
    expect(check).toMatchObject({ status: "tampered", registers: 1 });
  });

  it("rejects a licence for another store address", async () => {
    const check = await checkTillLicence(
      summary(document),
      "https://other.example",
      new Date("2026-12-04Z"),
      publicKeys,
    );
    expect(check).toMatchObject({ status: "wrong-store", registers: 1 });
  });
});

describe("till trust of licence keys", () => {
  it("rejects a server-only key on a network store", async () => {
    const check = await checkTillLicence(summary(shopDocument), shopUrl, new Date("2026-12-04Z"));
    expect(check.status).toBe("unknown-key");
    expect(check.registers).toBe(1);
    expect(check.message).toContain('signed with key "k-till-test"');
    expect(check.message).toContain("LICENCE_PUBLIC_KEYS");
  });

  it("accepts the same document when its key is built into the till", async () => {
    const check = await checkTillLicence(
      summary(shopDocument),
      shopUrl,
      new Date("2026-12-04Z"),
      publicKeys,
    );
    expect(check).toMatchObject({ status: "valid", registers: 3 });
  });

  it("keeps a built-in key when the server lists another key under its id", async () => {
    const other = await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"]);
    const otherRaw = new Uint8Array(await crypto.subtle.exportKey("raw", other.publicKey));
    const shipped = { "k-till-test": encodeBase64Url(otherRaw) };
    const check = await checkTillLicence(
      summary(document),
      storeUrl,
      new Date("2026-12-04Z"),
      shipped,
    );
    expect(check.status).toBe("tampered");
    expect(tillTrustedKeys(publicKeys, storeUrl, shipped)).toEqual(shipped);
  });

  it("trusts no server key on a network store without built-in keys", () => {
    expect(tillTrustedKeys(publicKeys, shopUrl, {})).toEqual({});
    expect(tillTrustedKeys(publicKeys, "http://192.168.1.20:8080", {})).toEqual({});
    expect(tillTrustedKeys(publicKeys, storeUrl, {})).toEqual(publicKeys);
  });

  it.each([
    ["http://127.0.0.1:8080", true],
    ["http://127.1.2.3", true],
    ["http://localhost:5173", true],
    ["http://till.localhost", true],
    ["http://[::1]:8080", true],
    ["https://shop.example", false],
    ["http://127.0.0.1.example.com", false],
    ["http://10.0.0.5:8080", false],
    ["http://localhost.example", false],
  ])("isLoopbackStore(%s) is %s", (url, expected) => {
    expect(isLoopbackStore(url)).toBe(expected);
  });
});
