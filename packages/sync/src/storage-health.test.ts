import { describe, expect, it } from "vitest";
import {
  readStorageHealth,
  requestPersistentStorage,
  type StorageAccess,
} from "./storage-health.js";

function storage(state: { persisted: boolean; grant: boolean; quota?: number; usage?: number }) {
  const calls: string[] = [];
  const access: StorageAccess = {
    estimate: () => Promise.resolve({ quota: state.quota, usage: state.usage }),
    persisted: () => Promise.resolve(state.persisted),
    persist: () => {
      calls.push("persist");
      state.persisted = state.grant;
      return Promise.resolve(state.grant);
    },
  };
  return { access, calls };
}

describe("readStorageHealth", () => {
  it("reports quota, usage and their ratio", async () => {
    const { access } = storage({ persisted: true, grant: true, quota: 1000, usage: 250 });

    expect(await readStorageHealth(access)).toEqual({
      persisted: true,
      quotaBytes: 1000,
      usageBytes: 250,
      usageRatio: 0.25,
    });
  });

  it("reports unknown figures without the Storage API", async () => {
    expect(await readStorageHealth(null)).toEqual({
      persisted: false,
      quotaBytes: null,
      usageBytes: null,
      usageRatio: null,
    });
  });

  it("leaves the ratio unknown when the estimate lacks quota", async () => {
    const { access } = storage({ persisted: false, grant: false, usage: 10 });

    expect((await readStorageHealth(access)).usageRatio).toBeNull();
  });
});

describe("requestPersistentStorage", () => {
  it("asks once and returns the grant", async () => {
    const { access, calls } = storage({ persisted: false, grant: true });

    expect(await requestPersistentStorage(access)).toBe(true);
    expect(await requestPersistentStorage(access)).toBe(true);
    expect(calls).toEqual(["persist"]);
  });

  it("returns false when the browser refuses", async () => {
    const { access } = storage({ persisted: false, grant: false });

    expect(await requestPersistentStorage(access)).toBe(false);
  });
});
