import { SHIPPED_LICENCE_KEYS } from "@pos/licence";

/**
 * Reads `LICENCE_PUBLIC_KEYS` (a JSON object of key id to base64url key) and adds it to the
 * keys shipped in `@pos/licence`. Throws with the reason when the text is not such an object,
 * or when it gives a shipped key id a different key, because a shipped key cannot be replaced.
 */
export function trustedLicenceKeys(
  envText: string | undefined,
  shippedKeys: Readonly<Record<string, string>> = SHIPPED_LICENCE_KEYS,
): Record<string, string> {
  if (envText === undefined || envText.trim() === "") return { ...shippedKeys };
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
  const added = parsed as Record<string, string>;
  for (const [keyId, key] of Object.entries(added)) {
    const shipped = shippedKeys[keyId];
    if (shipped !== undefined && shipped !== key) {
      throw new Error(
        `LICENCE_PUBLIC_KEYS gives the shipped key id "${keyId}" a different key; ` +
          "remove that entry or give the added key another id",
      );
    }
  }
  return { ...added, ...shippedKeys };
}
