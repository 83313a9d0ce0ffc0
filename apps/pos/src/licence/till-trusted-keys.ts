import { SHIPPED_LICENCE_KEYS } from "@pos/licence";

/**
 * Returns the licence keys this till trusts for the store at `storeUrl`.
 *
 * The keys shipped in `@pos/licence` are built into the till and always trusted. The keys a
 * store server adds from `LICENCE_PUBLIC_KEYS` come from the person who runs that server, so they are
 * trusted only when the store is at a loopback address (`localhost`, `127.0.0.0/8`, `[::1]`).
 * There the browser and the server run on one machine, a development or test setup whose
 * owner controls both. A shipped key id always keeps its shipped key.
 */
export function tillTrustedKeys(
  serverKeys: Readonly<Record<string, string>>,
  storeUrl: string,
  shippedKeys: Readonly<Record<string, string>> = SHIPPED_LICENCE_KEYS,
): Record<string, string> {
  if (!isLoopbackStore(storeUrl)) return { ...shippedKeys };
  return { ...serverKeys, ...shippedKeys };
}

/** Returns whether the store's host is this machine: `localhost`, an IPv4 127.x address or `[::1]`. */
export function isLoopbackStore(storeUrl: string): boolean {
  const host = new URL(storeUrl).hostname.toLowerCase();
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "[::1]" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}
