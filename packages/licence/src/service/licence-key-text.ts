import { createHash } from "node:crypto";

// Crockford's base32: no I, L, O or U, so a key read aloud or typed by hand survives.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const PREFIX = "POSL";
const KEY_CHARS = 20;

/** Random source: returns `length` unpredictable bytes. */
export type RandomBytes = (length: number) => Uint8Array;

/** Makes a licence key such as POSL-8J2KD-1QZ7M-C4W9X-T0B3N from 100 random bits. */
export function generateLicenceKey(randomBytes: RandomBytes): string {
  const body = toBase32(randomBytes(13)).slice(0, KEY_CHARS);
  const groups = body.match(/.{5}/g) ?? [];
  return [PREFIX, ...groups].join("-");
}

/** Makes a licence id such as L-4QX8ZT2M: public, printed in messages and logs. */
export function generateLicenceId(randomBytes: RandomBytes): string {
  return `L-${toBase32(randomBytes(5)).slice(0, 8)}`;
}

/**
 * Normalises typed key text to its 20 base32 characters: case, spaces and hyphens are ignored,
 * the POSL prefix is optional, and O, I and L read as 0, 1 and 1. Returns undefined for text
 * that cannot be a licence key.
 */
export function normaliseLicenceKey(text: string): string | undefined {
  let body = text.toUpperCase().replace(/[\s-]/g, "");
  if (body.length === PREFIX.length + KEY_CHARS && body.startsWith(PREFIX)) {
    body = body.slice(PREFIX.length);
  }
  body = body.replace(/O/g, "0").replace(/[IL]/g, "1");
  if (body.length !== KEY_CHARS) return undefined;
  return [...body].every((char) => ALPHABET.includes(char)) ? body : undefined;
}

/** Hashes a normalised key for storage and lookup. */
export function hashLicenceKey(normalisedKey: string): string {
  return createHash("sha256").update(normalisedKey).digest("hex");
}

function toBase32(bytes: Uint8Array): string {
  let text = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      text += ALPHABET[(buffer >> bits) & 31];
    }
  }
  return text;
}
