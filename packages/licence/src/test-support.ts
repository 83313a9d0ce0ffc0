// Helpers shared by this package's tests: a real Ed25519 key pair and a payload builder.
import { encodeBase64Url } from "./base64url.js";
import type { LicencePayload } from "./licence.js";

export interface TestSigningKey {
  readonly keyId: string;
  readonly privateKey: CryptoKey;
  /** Raw public key in base64url, as `verifyLicence` takes it. */
  readonly publicKey: string;
}

export async function makeTestSigningKey(keyId = "k-test-1"): Promise<TestSigningKey> {
  const pair = await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"]);
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  return { keyId, privateKey: pair.privateKey, publicKey: encodeBase64Url(raw) };
}

export function makePayload(overrides: Partial<LicencePayload> = {}): LicencePayload {
  return {
    licence_id: "L-123",
    key_id: "k-test-1",
    store_origin: "https://shop.example",
    registers: 3,
    issued_at: "2025-12-01T00:00:00Z",
    expires_at: "2026-12-01T00:00:00Z",
    grace_days: 14,
    edition: "pro",
    ...overrides,
  };
}
