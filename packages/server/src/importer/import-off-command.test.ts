import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoreDatabase } from "../db/store-database.js";
import { openTestStore } from "../test-support/test-server.js";
import { importOffCommand } from "./import-off-command.js";

describe("import-off command", () => {
  let store: StoreDatabase;
  let cleanup: () => Promise<void>;
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await importOffCommand(store, args, {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { code, out: out.join("\n"), err: err.join("\n") };
  };
  const productCount = async () => {
    const row = await store.db
      .selectFrom("products")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  };

  beforeAll(async () => {
    ({ store, cleanup } = await openTestStore("sqlite"));
  });
  afterAll(() => cleanup());

  it("imports the first rows of the shipped file and prints the counts", async () => {
    const result = await run(["--limit", "300", "--batch-size", "100"]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("rows read: 300");
    expect(result.out).toContain("created: 300 products in 3 batches");
    expect(result.out).toContain("bad_check_digit: 0");
    expect(result.out).toContain("prices are generated");
    expect(await productCount()).toBe(300);
  });

  it.each([
    [["--limit", "abc"], 'invalid --limit "abc"'],
    [["--limit", "0"], 'invalid --limit "0"'],
    [["--batch-size=-5"], 'invalid --batch-size "-5"'],
    [["--batch-size", "1001"], 'invalid --batch-size "1001": use a whole number from 1 to 1000'],
    [["--file", "/nonexistent/off.csv.gz"], 'file "/nonexistent/off.csv.gz" not found'],
    [["--colour", "red"], "Unknown option '--colour'"],
  ])("rejects %j and writes nothing", async (args, message) => {
    const before = await productCount();
    const result = await run(args);
    expect(result.code).toBe(1);
    expect(result.err).toContain(message);
    expect(await productCount()).toBe(before);
  });
});
