import { Dexie } from "dexie";
import { WooApiError, WooNetworkError, WooResponseError } from "@pos/woo";
import type { SyncErrorKind } from "./sync-events.js";

/** Sorts a failure of a pull run into the kinds the till shows differently. */
export function classifySyncError(error: unknown): { kind: SyncErrorKind; error: Error } {
  const asError = error instanceof Error ? error : new Error(String(error));
  if (error instanceof WooNetworkError) return { kind: "network", error: asError };
  if (error instanceof WooApiError) return { kind: "server", error: asError };
  if (error instanceof WooResponseError) return { kind: "data", error: asError };
  if (isStorageError(error)) return { kind: "storage", error: asError };
  return { kind: "internal", error: asError };
}

/** Checks whether the server asked the till to slow down or failed (network, 429 and 5xx). */
export function isServerStrain(error: unknown): boolean {
  if (error instanceof WooNetworkError) return true;
  return error instanceof WooApiError && (error.status === 429 || error.status >= 500);
}

/** IndexedDB failures: Dexie's errors (QuotaExceededError, AbortError…) and raw DOMExceptions. */
export function isStorageError(error: unknown): boolean {
  if (error instanceof Dexie.DexieError) return true;
  return typeof DOMException !== "undefined" && error instanceof DOMException;
}
