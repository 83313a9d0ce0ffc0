import { encodeBase64Url } from "./base64url.js";
import {
  LICENCE_FORMAT,
  LICENCE_FORMAT_VERSION,
  encodeLicencePayload,
  licencePayloadSchema,
  type LicenceDocument,
  type LicencePayload,
} from "./licence.js";

/**
 * Signs a licence payload with an Ed25519 private key through WebCrypto. The payload is
 * checked against the format first, so the service cannot issue a document that verifiers
 * would reject as malformed.
 */
export async function signLicence(
  payload: LicencePayload,
  privateKey: CryptoKey,
): Promise<LicenceDocument> {
  const checked = licencePayloadSchema.parse(payload);
  const signature = await globalThis.crypto.subtle.sign(
    { name: "Ed25519" },
    privateKey,
    encodeLicencePayload(checked),
  );
  return {
    format: LICENCE_FORMAT,
    version: LICENCE_FORMAT_VERSION,
    payload: checked,
    signature: encodeBase64Url(new Uint8Array(signature)),
  };
}
