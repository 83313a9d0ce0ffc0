import type { PinHash } from "./cashier-record.js";

/**
 * Checks a PIN against its PBKDF2-SHA256 hash with WebCrypto, offline. The comparison runs over
 * every byte, so its time does not depend on where the first difference is.
 */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const expected = decodeBase64Url(stored.hash);
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(pin), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits(
    {
      name: "PBKDF2",
      hash: "SHA-256",
      salt: decodeBase64Url(stored.salt),
      iterations: stored.iterations,
    },
    key,
    expected.length * 8,
  );
  const actual = new Uint8Array(bits);
  let difference = actual.length ^ expected.length;
  for (let index = 0; index < expected.length; index += 1) {
    difference |= (actual[index] ?? 0) ^ (expected[index] ?? 0);
  }
  return difference === 0;
}

function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
