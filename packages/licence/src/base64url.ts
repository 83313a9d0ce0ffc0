// Base64url without padding (RFC 4648 section 5), written out so that the same code runs in
// browsers and Node.js without Buffer.
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const VALUES = new Map([...ALPHABET].map((char, index) => [char, index]));

/** Encodes bytes as unpadded base64url. */
export function encodeBase64Url(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const charCount = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < charCount; j++) text += ALPHABET[(chunk >> (18 - 6 * j)) & 63];
  }
  return text;
}

/**
 * Decodes unpadded base64url, or returns undefined for any text that is not the one canonical
 * encoding of some bytes. Rejecting non-zero trailing bits matters for signatures: a lenient
 * decoder would accept several spellings of the same signature, so a changed character could
 * go unnoticed.
 */
export function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 === 1) return undefined;

  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bufferedBits = 0;
  let written = 0;
  for (const char of text) {
    const value = VALUES.get(char);
    if (value === undefined) return undefined;
    buffer = ((buffer << 6) | value) & 0xffff;
    bufferedBits += 6;
    if (bufferedBits >= 8) {
      bufferedBits -= 8;
      bytes[written++] = (buffer >> bufferedBits) & 0xff;
    }
  }

  const trailingBits = buffer & ((1 << bufferedBits) - 1);
  return trailingBits === 0 ? bytes : undefined;
}
