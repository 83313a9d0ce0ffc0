import { beforeAll, describe, expect, it } from "vitest";

import type { LicenceDocument } from "./licence.js";
import { signLicence } from "./sign-licence.js";
import { makePayload, makeTestSigningKey, type TestSigningKey } from "./test-support.js";
import { verifyLicence } from "./verify-licence.js";

let key: TestSigningKey;
let document: LicenceDocument;

beforeAll(async () => {
  key = await makeTestSigningKey();
  document = await signLicence(makePayload(), key.privateKey);
});

function withPayload(change: Record<string, unknown>): unknown {
  return { ...document, payload: { ...document.payload, ...change } };
}

function withoutField(field: string): unknown {
  const copy: Record<string, unknown> = { ...document };
  delete copy[field];
  return copy;
}

function withoutPayloadField(field: string): unknown {
  const payload: Record<string, unknown> = { ...document.payload };
  delete payload[field];
  return { ...document, payload };
}

const throwingGetter = new Proxy(
  {},
  {
    get() {
      throw new Error("getter failed");
    },
  },
);

// Each case: a description, the input, and a fragment the message must contain.
const malformedCases: [string, () => unknown, string][] = [
  ["undefined", () => undefined, "expected a JSON object, got nothing"],
  ["null", () => null, "got null"],
  ["a number", () => 42, "got a number"],
  ["an array", () => [document], "got an array"],
  ["empty text", () => "", "not valid JSON"],
  ["truncated JSON", () => JSON.stringify(document).slice(0, 50), "not valid JSON"],
  ["JSON null text", () => "null", "got null"],
  ["a huge text", () => " ".repeat(20_000), "at most 16384"],
  ["an empty object", () => ({}), 'its format is undefined, expected "pos-licence"'],
  ["another format", () => ({ ...document, format: "jwt" }), 'its format is "jwt"'],
  ["version 0", () => ({ ...document, version: 0 }), "version"],
  ["version as text", () => ({ ...document, version: "1" }), "version"],
  ["no signature", () => withoutField("signature"), "signature"],
  ["no payload", () => withoutField("payload"), "payload"],
  ["a short signature", () => ({ ...document, signature: "abc" }), "signature"],
  ["padded signature", () => ({ ...document, signature: `${document.signature}==` }), "signature"],
  ["an extra top-level field", () => ({ ...document, note: "x" }), "note"],
  ["an extra payload field", () => withPayload({ seats: 99 }), "seats"],
  ["no registers", () => withoutPayloadField("registers"), "payload.registers"],
  ["zero registers", () => withPayload({ registers: 0 }), "payload.registers"],
  ["fractional registers", () => withPayload({ registers: 1.5 }), "payload.registers"],
  ["registers as text", () => withPayload({ registers: "3" }), "payload.registers"],
  ["negative grace", () => withPayload({ grace_days: -1 }), "payload.grace_days"],
  ["a local time", () => withPayload({ expires_at: "2026-12-01T00:00:00+01:00" }), "expires_at"],
  ["a bare date", () => withPayload({ expires_at: "2026-12-01" }), "payload.expires_at"],
  [
    "expiry before issue",
    () => withPayload({ expires_at: "2025-01-01T00:00:00Z" }),
    "expires_at must be later than issued_at",
  ],
  ["an origin with a path", () => withPayload({ store_origin: "https://a.example/x" }), "origin"],
  ["an upper-case origin", () => withPayload({ store_origin: "https://A.example" }), "origin"],
  ["an empty licence id", () => withPayload({ licence_id: "" }), "payload.licence_id"],
  ["an upper-case edition", () => withPayload({ edition: "Pro" }), "payload.edition"],
  ["a throwing object", () => throwingGetter, "licence"],
];

describe("verifyLicence malformed input", () => {
  it.each(malformedCases)("returns malformed for %s", async (_name, makeInput, fragment) => {
    const check = await verifyLicence(makeInput(), {
      publicKeys: { [key.keyId]: key.publicKey },
      storeOrigin: "https://shop.example",
      now: new Date("2026-06-01T00:00:00Z"),
    });

    expect(check.status).toBe("malformed");
    expect(check.message).toContain(fragment);
  });

  it("asks for an update for a newer version", async () => {
    const check = await verifyLicence(
      { ...document, version: 2 },
      { publicKeys: {}, storeOrigin: "https://shop.example", now: new Date() },
    );

    expect(check.status).toBe("malformed");
    expect(check.message).toContain("version 2 is newer");
    expect(check.message).toContain("update the store server");
  });
});
