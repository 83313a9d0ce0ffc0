/** The part of `navigator.storage` (StorageManager) that Store health reads. */
export interface StorageAccess {
  estimate(): Promise<{ quota?: number; usage?: number }>;
  persisted(): Promise<boolean>;
  persist(): Promise<boolean>;
}

/** What Store health shows about the device's storage; byte counts are the browser's estimate. */
export interface StorageHealth {
  /** Whether the browser promised not to evict this origin's data under storage pressure. */
  persisted: boolean;
  quotaBytes: number | null;
  usageBytes: number | null;
  /** Usage as a share of quota, 0..1, or null when either is unknown. */
  usageRatio: number | null;
}

function browserStorage(): StorageAccess | null {
  const navigator = globalThis.navigator as { storage?: StorageAccess } | undefined;
  return navigator?.storage ?? null;
}

/**
 * Reads persistence, quota and usage. Without the Storage API (an insecure origin, an old
 * browser) every figure is unknown and `persisted` is false.
 */
export async function readStorageHealth(
  storage: StorageAccess | null = browserStorage(),
): Promise<StorageHealth> {
  if (storage === null) {
    return { persisted: false, quotaBytes: null, usageBytes: null, usageRatio: null };
  }
  const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted()]);
  const quotaBytes = estimate.quota ?? null;
  const usageBytes = estimate.usage ?? null;
  const usageRatio =
    quotaBytes !== null && usageBytes !== null && quotaBytes > 0 ? usageBytes / quotaBytes : null;
  return { persisted, quotaBytes, usageBytes, usageRatio };
}

/**
 * Asks the browser to keep this origin's data under storage pressure (the till calls it after
 * login). Returns whether storage is persisted now; false without the Storage API.
 */
export async function requestPersistentStorage(
  storage: StorageAccess | null = browserStorage(),
): Promise<boolean> {
  if (storage === null) return false;
  if (await storage.persisted()) return true;
  return storage.persist();
}
