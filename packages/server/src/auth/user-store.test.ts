import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestStore } from "../test-support/test-server.js";
import type { StoreDatabase } from "../db/store-database.js";
import { createUser, findUserByUsername } from "./user-store.js";

const created = "2026-12-04 10:00:00";
const password = "long enough password";

describe("createUser", () => {
  let store: StoreDatabase;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ store, cleanup } = await openTestStore("sqlite"));
  });

  afterAll(async () => {
    await cleanup();
  });

  it.each([
    ["a control character", "cash\u0001ier"],
    ["a leading space", " cashier"],
    ["a trailing space", "cashier "],
    ["61 characters", "a".repeat(61)],
    ["an empty name", ""],
    ["a slash", "shop/admin"],
  ])("rejects a username with %s", async (_case, username) => {
    await expect(
      createUser(store.db, { username, displayName: "Test", role: "cashier", password }, created),
    ).rejects.toThrow(/username .* is invalid/);
    expect(await findUserByUsername(store.db, username)).toBeUndefined();
  });

  it("rejects a display name with a control character", async () => {
    await expect(
      createUser(
        store.db,
        { username: "newcashier", displayName: "New\u0000Cashier", role: "cashier", password },
        created,
      ),
    ).rejects.toThrow(/display name .* is invalid/);
    expect(await findUserByUsername(store.db, "newcashier")).toBeUndefined();
  });

  it("accepts the characters WordPress keeps", async () => {
    const user = await createUser(
      store.db,
      {
        username: "till 2.front-desk_a@shop",
        displayName: "Front desk",
        role: "cashier",
        password,
      },
      created,
    );
    expect(user.username).toBe("till 2.front-desk_a@shop");
  });
});
