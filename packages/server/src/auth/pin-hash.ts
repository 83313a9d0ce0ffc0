import { pbkdf2, randomBytes, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const pbkdf2Async = promisify(pbkdf2);

/** The one PIN scheme: the till recomputes it with WebCrypto's PBKDF2, which has no scrypt. */
export const pinAlgorithm = "PBKDF2-SHA256";

/** PBKDF2-HMAC-SHA256 iterations, the 600,000 of OWASP's password storage cheat sheet (2023). */
export const pinIterations = 600_000;

const saltBytes = 16;
const keyBytes = 32;

export interface PinHash {
  algorithm: typeof pinAlgorithm;
  iterations: number;
  /** base64url */
  salt: string;
  /** base64url */
  hash: string;
}

/** Checks a PIN's form: 4 to 8 digits. Returns a message naming the fix, or null when valid. */
export function pinProblem(pin: string): string | null {
  return /^\d{4,8}$/.test(pin) ? null : "a PIN is 4 to 8 digits (0-9); enter another PIN";
}

/** Hashes a PIN with a fresh salt. */
export async function hashPin(pin: string, iterations = pinIterations): Promise<PinHash> {
  const salt = randomBytes(saltBytes);
  const hash = await pbkdf2Async(pin, salt, iterations, keyBytes, "sha256");
  return {
    algorithm: pinAlgorithm,
    iterations,
    salt: salt.toString("base64url"),
    hash: hash.toString("base64url"),
  };
}

/** Compares a PIN with a stored hash in constant time. */
export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, "base64url");
  const salt = Buffer.from(stored.salt, "base64url");
  const actual = await pbkdf2Async(pin, salt, stored.iterations, expected.length, "sha256");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
