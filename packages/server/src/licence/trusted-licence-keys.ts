/**
 * Ed25519 public keys of the licence service, shipped with the store server (key id to the raw
 * key in base64url, the output of `cli.js public-keys`). Keys are never fetched from the service,
 * because anyone who can change its address could then sign their own licences.
 */
// TODO: no production signing key exists yet; add its public key here when it is created.
export const shippedLicenceKeys: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Reads `LICENCE_PUBLIC_KEYS` (a JSON object of key id to base64url key) and adds it to the
 * shipped keys. Throws with the reason when the text is not such an object.
 */
export function trustedLicenceKeys(envText: string | undefined): Record<string, string> {
  if (envText === undefined || envText.trim() === "") return { ...shippedLicenceKeys };
  let parsed: unknown;
  try {
    parsed = JSON.parse(envText);
  } catch {
    throw new Error('LICENCE_PUBLIC_KEYS is not JSON: set it to {"KEY_ID": "BASE64URL_KEY"}');
  }
  const isMap =
    typeof parsed === "object" &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    Object.values(parsed).every((value) => typeof value === "string");
  if (!isMap) {
    throw new Error('LICENCE_PUBLIC_KEYS must map key ids to strings: {"KEY_ID": "BASE64URL_KEY"}');
  }
  return { ...shippedLicenceKeys, ...(parsed as Record<string, string>) };
}
