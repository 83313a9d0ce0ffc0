import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../test-support/test-server.js";
import { openContractStore } from "./contract-store.js";
import type { ContractStore } from "./contract-store.js";
import {
  deliberateDifferences,
  transportHeaders,
  uncoveredDifferences,
  wordPressOnlyHeaders,
} from "./deliberate-differences.js";
import { collectRecordedKeys, readAllFixtures } from "./recorded-ids.js";
import type { NamedFixture } from "./recorded-ids.js";
import { FixtureReplayer } from "./replay-fixture.js";
import { headerDifferences, shapeDifferences } from "./shape-diff.js";

const fixtures = readAllFixtures();
const byName = new Map(fixtures.map((fixture) => [fixture.name, fixture]));

function recordedBody(name: string): unknown {
  const fixture = byName.get(name);
  if (fixture === undefined) throw new Error(`fixture ${name} is missing`);
  return fixture.response.body;
}

function recordedList(name: string): Record<string, unknown>[] {
  return recordedBody(name) as Record<string, unknown>[];
}

describe.each(testDialects)("WooCommerce 11 contract, replayed on %s", (dialect) => {
  let target: ContractStore;
  let replayer: FixtureReplayer;

  beforeAll(async () => {
    target = await openContractStore(dialect);
    replayer = new FixtureReplayer(target, collectRecordedKeys(fixtures));
  }, 120_000);
  afterAll(() => target.close());

  /** Creates what the recording store held before a fixture but no fixture created. */
  async function prepareFor(fixture: NamedFixture): Promise<void> {
    const post = async (url: string, body: object) => {
      const response = await target.app.inject({
        method: "POST",
        url,
        payload: body,
        headers: {
          authorization: `Basic ${Buffer.from(`${target.readWrite.consumerKey}:${target.readWrite.consumerSecret}`).toString("base64")}`,
          "x-forwarded-proto": "https",
        },
      });
      if (response.statusCode >= 300) throw new Error(`setup POST ${url}: ${response.body}`);
      return response.json<{ id: number }>().id;
    };
    const pick = (record: Record<string, unknown>, names: string[]) =>
      Object.fromEntries(
        names.filter((name) => name in record).map((name) => [name, record[name]]),
      );
    if (fixture.name.startsWith("02-")) {
      for (const rate of recordedList("02-taxes-list")) {
        const id = rate["id"] as number;
        if (replayer.knows("tax", id)) continue;
        const fields = ["country", "state", "rate", "name", "priority", "compound", "shipping"];
        replayer.learn(
          "tax",
          id,
          await post("/wp-json/wc/v3/taxes", { ...pick(rate, fields), class: rate["class"] }),
        );
      }
    }
    if (fixture.name.startsWith("30-")) {
      for (const customer of recordedList("30-customers-list")) {
        const existing = await target.store.db
          .selectFrom("customers")
          .select("id")
          .where("email", "=", customer["email"] as string)
          .executeTakeFirst();
        if (existing !== undefined) continue;
        const fields = ["email", "first_name", "last_name", "username", "billing", "shipping"];
        await post("/wp-json/wc/v3/customers", pick(customer, fields));
      }
    }
    if (fixture.name.startsWith("35-")) {
      for (const coupon of recordedList("35-coupons-list")) {
        const existing = await target.store.db
          .selectFrom("coupons")
          .select("id")
          .where("code", "=", coupon["code"] as string)
          .executeTakeFirst();
        if (existing !== undefined) continue;
        await post(
          "/wp-json/wc/v3/coupons",
          pick(coupon, ["code", "discount_type", "amount", "date_expires"]),
        );
      }
    }
    if (fixture.name.startsWith("52-")) {
      const mug = recordedBody("53-product-after-oversell") as Record<string, unknown>;
      await post("/wp-json/wc/v3/products", {
        ...pick(mug, ["name", "sku", "regular_price", "backorders"]),
        manage_stock: true,
        stock_quantity: 1,
      });
    }
    if (fixture.name.startsWith("77-")) {
      // The recording's customer had used pos10 as often as its per-user limit allows.
      const { customer_id: customerId, line_items: lines } = fixture.request.body as {
        customer_id: number;
        line_items: object[];
      };
      const usedBy = (recordedBody("78-coupon-after-usage") as { used_by: string[] }).used_by;
      const ourCustomer = await replayer.ourId("customer", customerId);
      const row = await target.store.db
        .selectFrom("coupons")
        .select("details")
        .where("code", "=", "pos10")
        .executeTakeFirstOrThrow();
      const ourUses = (JSON.parse(row.details) as { used_by?: string[] }).used_by ?? [];
      const missing =
        usedBy.filter((id) => id === String(customerId)).length -
        ourUses.filter((id) => id === String(ourCustomer)).length;
      for (let use = 0; use < missing; use++) {
        const ourLines = await Promise.all(
          lines.map(async (line) => ({
            ...line,
            product_id: await replayer.ourId(
              "product",
              (line as { product_id: number }).product_id,
            ),
          })),
        );
        await post("/wp-json/wc/v3/orders", {
          customer_id: ourCustomer,
          line_items: ourLines,
          coupon_lines: [{ code: "pos10" }],
        });
      }
    }
    if (fixture.name.startsWith("59-")) {
      const doomed = recordedBody("59-product-delete-trash") as Record<string, unknown>;
      const id = await post("/wp-json/wc/v3/products", pick(doomed, ["name", "regular_price"]));
      replayer.learn("product", doomed["id"] as number, id);
    }
  }

  it("answers every recorded request as WooCommerce did, apart from the listed differences", async () => {
    const found: Record<string, string[]> = {};
    for (const fixture of fixtures) {
      await prepareFor(fixture);
      const reply = await replayer.send(fixture);
      const differences = [
        ...(reply.status === fixture.response.status
          ? []
          : [`status ${reply.status} where WooCommerce has ${fixture.response.status}`]),
        ...headerDifferences(
          reply.headers,
          fixture.response.headers,
          new Set([...wordPressOnlyHeaders, ...transportHeaders]),
        ),
        ...shapeDifferences(reply.body, fixture.response.body),
      ];
      if (differences.length > 0) found[fixture.name] = differences;
    }
    const names = new Set([...Object.keys(found), ...Object.keys(deliberateDifferences)]);
    const mismatches = Object.fromEntries(
      [...names]
        .map(
          (name) =>
            [
              name,
              uncoveredDifferences(
                found[name] ?? [],
                deliberateDifferences[name]?.differences ?? [],
              ),
            ] as const,
        )
        .filter(([, result]) => result.unexpected.length > 0 || result.unused.length > 0),
    );
    expect(mismatches).toEqual({});
  }, 120_000);
});
