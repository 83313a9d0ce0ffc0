/** Result of normalising a store address to its origin. */
export type StoreOriginResult = { ok: true; origin: string } | { ok: false; message: string };

/**
 * Normalises a store address to the origin a licence is bound to: scheme and host in lower
 * case, the default port dropped, no path, query or credentials, and no trailing dot on the
 * host. `https://Shop.Example:443/pos` and `https://shop.example` give the same origin.
 */
export function normaliseStoreOrigin(address: string): StoreOriginResult {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return { ok: false, message: `store address "${address}" is not a valid URL` };
  }

  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return {
      ok: false,
      message: `store address "${address}" must start with https:// or http://`,
    };
  }

  // WHATWG URL parsing already lower-cases the scheme and host, converts international host
  // names to punycode and drops the scheme's default port.
  const host = url.hostname.endsWith(".") ? url.hostname.slice(0, -1) : url.hostname;
  if (host === "") return { ok: false, message: `store address "${address}" has no host name` };
  const port = url.port === "" ? "" : `:${url.port}`;
  return { ok: true, origin: `${url.protocol}//${host}${port}` };
}
