import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { decodeBase64Url, encodeBase64Url } from "./base64url.js";
import type { LicenceDocument } from "./licence.js";
import { signLicence } from "./sign-licence.js";
import { makePayload, makeTestSigningKey, type TestSigningKey } from "./test-support.js";
import { verifyLicence, type LicenceCheck } from "./verify-licence.js";

const STORE = "https://shop.example";
const BEFORE_EXPIRY = new Date("2026-06-01T12:00:00Z");

let key: TestSigningKey;
let publicKeys: Record<string, string>;
let document: LicenceDocument;

beforeAll(async () => {
  key = await makeTestSigningKey();
  publicKeys = { [key.keyId]: key.publicKey };
  document = await signLicence(makePayload(), key.privateKey);
});

function verify(input: unknown, now = BEFORE_EXPIRY, storeOrigin = STORE): Promise<LicenceCheck> {
  return verifyLicence(input, { publicKeys, storeOrigin, now });
}

describe("verifyLicence round trip", () => {
  it("accepts a freshly signed document", async () => {
    const check = await verify(document);

    expect(check.status).toBe("valid");
    if (check.status !== "valid") return;
    expect(check.licence.licenceId).toBe("L-123");
    expect(check.licence.registers).toBe(3);
    expect(check.daysUntilExpiry).toBe(183);
    expect(check.message).toBe(
      "licence L-123 is valid for 3 registers at https://shop.example until 2026-12-01",
    );
  });

  it("accepts the document as JSON text", async () => {
    expect((await verify(JSON.stringify(document))).status).toBe("valid");
    expect((await verify(JSON.stringify(document, null, 2))).status).toBe("valid");
  });

  it("accepts any valid payload it signed", async () => {
    const payloads = fc.record({
      licence_id: fc.stringMatching(/^L-[A-Z0-9]{1,20}$/),
      registers: fc.integer({ min: 1, max: 10_000 }),
      grace_days: fc.integer({ min: 0, max: 365 }),
      edition: fc.constantFrom("pro", "standard", "enterprise-2"),
    });
    await fc.assert(
      fc.asyncProperty(payloads, async (overrides) => {
        const signed = await signLicence(makePayload(overrides), key.privateKey);
        expect((await verify(signed)).status).toBe("valid");
      }),
      { numRuns: 50 },
    );
  });
});

describe("verifyLicence tampering", () => {
  const rejectedStatuses = ["tampered", "malformed", "unknown-key"];

  it("rejects every changed character of the document text", async () => {
    const text = JSON.stringify(document);
    for (let i = 0; i < text.length; i++) {
      for (const replacement of replacementsFor(text[i]!)) {
        const changed = text.slice(0, i) + replacement + text.slice(i + 1);
        const check = await verify(changed);
        expect(rejectedStatuses, `character ${i} changed to ${replacement}`).toContain(
          check.status,
        );
      }
    }
  });

  it("rejects every flipped bit of the signature", async () => {
    const signature = decodeBase64Url(document.signature)!;
    for (let bit = 0; bit < signature.length * 8; bit++) {
      const flipped = signature.slice();
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      const check = await verify({ ...document, signature: encodeBase64Url(flipped) });
      expect(check.status, `bit ${bit}`).toBe("tampered");
    }
  });

  it("rejects a changed term with a message naming the licence", async () => {
    const changes = [
      { registers: 30 },
      { store_origin: "https://other.example" },
      { expires_at: "2036-12-01T00:00:00Z" },
      { grace_days: 365 },
      { edition: "enterprise" },
      { licence_id: "L-124" },
      { issued_at: "2025-12-01T00:00:01Z" },
    ];
    for (const change of changes) {
      const check = await verify({ ...document, payload: { ...document.payload, ...change } });
      expect(check.status, JSON.stringify(change)).toBe("tampered");
      expect(check.message).toMatch(/^licence L-12[34] has an invalid signature/);
    }
  });

  it("rejects a signature by another key with the same id", async () => {
    const impostor = await makeTestSigningKey(key.keyId);
    const forged = await signLicence(makePayload({ registers: 100 }), impostor.privateKey);

    expect((await verify(forged)).status).toBe("tampered");
  });
});

/** Characters that replace `char`: neighbours in the code table and one from each class. */
function replacementsFor(char: string): string[] {
  const code = char.charCodeAt(0);
  const candidates = [code ^ 1, code ^ 2, code ^ 32].map((c) => String.fromCharCode(c));
  return [...new Set([...candidates, "0", "A", "a", "-", " "])].filter((c) => c !== char);
}

describe("verifyLicence expiry and grace", () => {
  // The document expires at 2026-12-01T00:00:00Z and has 14 grace days.
  it.each([
    ["2026-11-30T23:59:59.999Z", "valid", 1],
    ["2026-11-01T00:00:00Z", "valid", 30],
    ["2026-12-01T00:00:00Z", "grace", 14],
    ["2026-12-01T00:00:00.001Z", "grace", 14],
    ["2026-12-02T00:00:00Z", "grace", 13],
    ["2026-12-14T23:59:59.999Z", "grace", 1],
    ["2026-12-15T00:00:00Z", "expired", undefined],
    ["2030-01-01T00:00:00Z", "expired", undefined],
  ])("at %s the status is %s", async (now, status, days) => {
    const check = await verify(document, new Date(now));

    expect(check.status).toBe(status);
    if (check.status === "valid") expect(check.daysUntilExpiry).toBe(days);
    if (check.status === "grace") expect(check.daysLeft).toBe(days);
  });

  it("writes the grace message with days left", async () => {
    const check = await verify(document, new Date("2026-12-12T08:00:00Z"));

    expect(check.status).toBe("grace");
    if (check.status !== "grace") return;
    expect(check.graceEndsAt).toBe("2026-12-15T00:00:00.000Z");
    expect(check.message).toBe(
      "licence L-123 expired on 2026-12-01; it keeps working for 3 more days (until " +
        "2026-12-15); renew it to keep more than 1 register",
    );
  });

  it("writes the expired message with the grace end", async () => {
    const check = await verify(document, new Date("2027-01-01T00:00:00Z"));

    expect(check.message).toBe(
      "licence L-123 expired on 2026-12-01 and its 14-day grace period ended on 2026-12-15; " +
        "renew it to keep more than 1 register",
    );
  });

  it("expires at once without grace days", async () => {
    const strict = await signLicence(makePayload({ grace_days: 0 }), key.privateKey);
    const check = await verify(strict, new Date("2026-12-01T00:00:00Z"));

    expect(check.status).toBe("expired");
    expect(check.message).toBe(
      "licence L-123 expired on 2026-12-01; renew it to keep more than 1 register",
    );
  });

  it("returns malformed for an invalid clock", async () => {
    expect((await verify(document, new Date(Number.NaN))).status).toBe("malformed");
  });
});

describe("verifyLicence store and keys", () => {
  it.each(["HTTPS://SHOP.EXAMPLE", "https://shop.example:443/", "https://shop.example./pos"])(
    "accepts the same origin written as %s",
    async (storeOrigin) => {
      expect((await verify(document, BEFORE_EXPIRY, storeOrigin)).status).toBe("valid");
    },
  );

  it.each(["http://shop.example", "https://shop.example:8443", "https://www.shop.example"])(
    "rejects the other store %s",
    async (storeOrigin) => {
      const check = await verify(document, BEFORE_EXPIRY, storeOrigin);

      expect(check.status).toBe("wrong-store");
      expect(check.message).toContain("licence L-123 is for https://shop.example, but this");
    },
  );

  it("rejects an invalid store address naming it", async () => {
    const check = await verify(document, BEFORE_EXPIRY, "not a url");

    expect(check.status).toBe("wrong-store");
    expect(check.message).toContain('"not a url"');
  });

  it("rejects a key id it does not trust", async () => {
    const other = await makeTestSigningKey("k-test-2");
    const signed = await signLicence(makePayload({ key_id: "k-test-2" }), other.privateKey);
    const check = await verify(signed);

    expect(check.status).toBe("unknown-key");
    expect(check.message).toContain('signed with key "k-test-2"');
  });

  it("ignores inherited properties of the key map", async () => {
    const signed = await signLicence(makePayload({ key_id: "constructor" }), key.privateKey);

    expect((await verify(signed)).status).toBe("unknown-key");
  });

  it("names a trusted key that is not a valid key", async () => {
    for (const bad of ["", "abc", encodeBase64Url(new Uint8Array(31)), "!!!!"]) {
      const check = await verifyLicence(document, {
        publicKeys: { [key.keyId]: bad },
        storeOrigin: STORE,
        now: BEFORE_EXPIRY,
      });
      expect(check.status).toBe("unknown-key");
      expect(check.message).toContain("is not a 32-byte base64url Ed25519 key");
    }
  });

  it("checks with the key named in the document among several", async () => {
    const second = await makeTestSigningKey("k-test-2");
    const signed = await signLicence(makePayload({ key_id: "k-test-2" }), second.privateKey);
    const check = await verifyLicence(signed, {
      publicKeys: { ...publicKeys, [second.keyId]: second.publicKey },
      storeOrigin: STORE,
      now: BEFORE_EXPIRY,
    });

    expect(check.status).toBe("valid");
  });
});

describe("verifyLicence without WebCrypto", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("returns unsupported outside a secure context", async () => {
    vi.stubGlobal("crypto", undefined);
    const check = await verify(document);

    expect(check.status).toBe("unsupported");
    expect(check.message).toContain("open it over https");
  });

  it("returns unsupported when Ed25519 is missing", async () => {
    const subtle = {
      importKey: () => Promise.reject(new DOMException("Unrecognized name.", "NotSupportedError")),
    };
    vi.stubGlobal("crypto", { subtle });
    const check = await verify(document);

    expect(check.status).toBe("unsupported");
    expect(check.message).toContain("cannot verify Ed25519 signatures (NotSupportedError");
  });
});
