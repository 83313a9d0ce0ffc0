import { encodeBase64Url, signLicence, type LicenceDocument } from "@pos/licence";
import { beforeAll, describe, expect, it } from "vitest";
import { checkTillLicence, type LicenceSummary } from "./till-licence.js";

const storeUrl = "http://127.0.0.1:8080";
let document: LicenceDocument;
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
    );
    expect(check).toMatchObject({ status: "wrong-store", registers: 1 });
  });
});
