import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openStoreDatabase } from "../db/store-database.js";
import { testDialects, testPostgresUrl } from "../test-support/test-server.js";
import { seedDemoStore } from "./seed-demo-store.js";

describe.runIf(testDialects.includes("postgres"))("demo seed on one PostgreSQL", () => {
  it("seeds once when two stores start together", async () => {
    const schema = `test_${randomBytes(6).toString("hex")}`;
    // Two pools on one schema stand for two server processes.
    const first = await openStoreDatabase({ databaseUrl: testPostgresUrl, postgresSchema: schema });
    const second = await openStoreDatabase({
      databaseUrl: testPostgresUrl,
      postgresSchema: schema,
    });
    try {
      const now = () => new Date("2026-12-04T12:00:00Z");
      const results = await Promise.allSettled([
        seedDemoStore(first, "first password", now),
        seedDemoStore(second, "second password", now),
      ]);
      expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);

      const skus = await first.db
        .selectFrom("products")
        .select("sku")
        .where("sku", "!=", "")
        .execute();
      expect(new Set(skus.map((row) => row.sku)).size).toBe(skus.length);
      const single = await openStoreDatabase({
        databaseUrl: testPostgresUrl,
        postgresSchema: `${schema}_once`,
      });
      try {
        await seedDemoStore(single, "password", now);
        const expected = await single.db.selectFrom("products").select("id").execute();
        const seeded = await first.db.selectFrom("products").select("id").execute();
        expect(seeded).toHaveLength(expected.length);
      } finally {
        await single.close();
        await dropSchema(`${schema}_once`);
      }
      const users = await first.db.selectFrom("users").select("username").execute();
      expect(users.map((user) => user.username).sort()).toEqual(["cashier", "manager"]);
    } finally {
      await first.close();
      await second.close();
      await dropSchema(schema);
    }
  }, 120_000);
});

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  await client.query(`drop schema ${schema} cascade`);
  await client.end();
}
