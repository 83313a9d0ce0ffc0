import { decodeBase64Url } from "./base64url.js";
import { encodeLicencePayload, toLicence, type Licence, type LicenceDocument } from "./licence.js";
import { parseLicenceDocument } from "./parse-licence-document.js";
import { COMMUNITY_REGISTERS, registersText } from "./seats.js";
import { normaliseStoreOrigin } from "./store-origin.js";

const DAY_MS = 86_400_000;

/** Status of a licence check; only `valid` and `grace` unlock the licensed registers. */
export type LicenceStatus = LicenceCheck["status"];

/** Outcome of verifying a licence document; `message` is written for the shop owner. */
export type LicenceCheck =
  | { status: "valid"; licence: Licence; daysUntilExpiry: number; message: string }
  | { status: "grace"; licence: Licence; daysLeft: number; graceEndsAt: string; message: string }
  | { status: "expired"; licence: Licence; graceEndsAt: string; message: string }
  | { status: "wrong-store"; licence: Licence; message: string }
  | { status: "tampered"; claimedLicenceId: string; message: string }
  | { status: "unknown-key"; claimedLicenceId: string; keyId: string; message: string }
  | { status: "malformed"; message: string }
  | { status: "unsupported"; message: string };

export interface VerifyLicenceOptions {
  /** Trusted Ed25519 public keys: key id to the raw 32-byte key in base64url. */
  readonly publicKeys: Readonly<Record<string, string>>;
  /** This store's address; compared with the licence's origin after normalisation. */
  readonly storeOrigin: string;
  /** The current time, injected so that expiry can be tested. */
  readonly now: Date;
}

/**
 * Verifies a licence document (JSON text or a parsed value) with WebCrypto alone, so it runs
 * offline in the store server and in the till. It never rejects: every problem becomes a status
 * with a message. The signature is checked before the store and the dates, so those messages
 * only ever quote signed terms.
 */
export async function verifyLicence(
  document: unknown,
  options: VerifyLicenceOptions,
): Promise<LicenceCheck> {
  try {
    return await verifyParsedInput(document, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: "malformed", message: `licence check failed unexpectedly: ${reason}` };
  }
}

async function verifyParsedInput(
  input: unknown,
  options: VerifyLicenceOptions,
): Promise<LicenceCheck> {
  const parsed = parseLicenceDocument(input);
  if (!parsed.ok) return { status: "malformed", message: parsed.message };

  const signatureCheck = await checkSignature(parsed.document, options.publicKeys);
  if (signatureCheck !== undefined) return signatureCheck;

  const licence = toLicence(parsed.document.payload);
  const storeCheck = checkStore(licence, options.storeOrigin);
  if (storeCheck !== undefined) return storeCheck;

  return checkDates(licence, options.now);
}

async function checkSignature(
  document: LicenceDocument,
  publicKeys: Readonly<Record<string, string>>,
): Promise<LicenceCheck | undefined> {
  const claimedLicenceId = document.payload.licence_id;
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (subtle === undefined) {
    return {
      status: "unsupported",
      message:
        "this browser offers no WebCrypto here, which happens when the till is opened over " +
        "plain http from another machine; open it over https to check the licence",
    };
  }

  const publicKey = await importTrustedKey(subtle, document, publicKeys);
  if ("status" in publicKey) return publicKey;

  const signature = decodeBase64Url(document.signature);
  const payloadBytes = encodeLicencePayload(document.payload);
  const authentic =
    signature !== undefined &&
    signature.length === 64 &&
    (await subtle.verify({ name: "Ed25519" }, publicKey, signature, payloadBytes));
  if (authentic) return undefined;

  return {
    status: "tampered",
    claimedLicenceId,
    message:
      `licence ${claimedLicenceId} has an invalid signature, so it was changed after it was ` +
      "issued; activate the licence key again to get a fresh copy",
  };
}

/** Imports the trusted key the document names, or returns why it cannot be used. */
async function importTrustedKey(
  subtle: SubtleCrypto,
  document: LicenceDocument,
  publicKeys: Readonly<Record<string, string>>,
): Promise<CryptoKey | LicenceCheck> {
  const { licence_id: claimedLicenceId, key_id: keyId } = document.payload;
  const rawKey = Object.hasOwn(publicKeys, keyId) ? publicKeys[keyId] : undefined;
  if (rawKey === undefined) {
    const message =
      `licence ${claimedLicenceId} is signed with key "${keyId}", which this version of the ` +
      "software does not trust; update the store server and the till, then activate again";
    return { status: "unknown-key", claimedLicenceId, keyId, message };
  }

  const keyBytes = decodeBase64Url(rawKey);
  if (keyBytes === undefined || keyBytes.length !== 32) {
    const message =
      `the trusted public key "${keyId}" is not a 32-byte base64url Ed25519 key; ` +
      "fix the list of trusted keys";
    return { status: "unknown-key", claimedLicenceId, keyId, message };
  }

  try {
    return await subtle.importKey("raw", keyBytes, { name: "Ed25519" }, false, ["verify"]);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const message =
      `this browser or Node.js cannot verify Ed25519 signatures (${reason}); ` +
      "update it to a current version";
    return { status: "unsupported", message };
  }
}

function checkStore(licence: Licence, storeAddress: string): LicenceCheck | undefined {
  const store = normaliseStoreOrigin(storeAddress);
  if (store.ok && store.origin === licence.storeOrigin) return undefined;

  const thisStore = store.ok ? store.origin : `"${storeAddress}" (${store.message})`;
  return {
    status: "wrong-store",
    licence,
    message:
      `licence ${licence.licenceId} is for ${licence.storeOrigin}, but this store's address is ` +
      `${thisStore}; activate a licence key issued for this address`,
  };
}

function checkDates(licence: Licence, now: Date): LicenceCheck {
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) {
    return {
      status: "malformed",
      message: "the current time given to the licence check is invalid",
    };
  }

  const expiresMs = Date.parse(licence.expiresAt);
  const graceEndsMs = expiresMs + licence.graceDays * DAY_MS;
  const graceEndsAt = new Date(graceEndsMs).toISOString();
  const id = licence.licenceId;
  const renew = `renew it to keep more than ${registersText(COMMUNITY_REGISTERS)}`;

  if (nowMs < expiresMs) {
    const daysUntilExpiry = Math.ceil((expiresMs - nowMs) / DAY_MS);
    const message =
      `licence ${id} is valid for ${registersText(licence.registers)} at ${licence.storeOrigin} ` +
      `until ${utcDate(expiresMs)}`;
    return { status: "valid", licence, daysUntilExpiry, message };
  }

  if (nowMs < graceEndsMs) {
    const daysLeft = Math.ceil((graceEndsMs - nowMs) / DAY_MS);
    const message =
      `licence ${id} expired on ${utcDate(expiresMs)}; it keeps working for ${daysLeft} more ` +
      `${daysLeft === 1 ? "day" : "days"} (until ${utcDate(graceEndsMs)}); ${renew}`;
    return { status: "grace", licence, daysLeft, graceEndsAt, message };
  }

  const graceText =
    licence.graceDays === 0
      ? ""
      : ` and its ${licence.graceDays}-day grace period ended on ${utcDate(graceEndsMs)}`;
  const message = `licence ${id} expired on ${utcDate(expiresMs)}${graceText}; ${renew}`;
  return { status: "expired", licence, graceEndsAt, message };
}

function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
