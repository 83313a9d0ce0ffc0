import "fake-indexeddb/auto";
import { parseOutboxRecord, type OutboxRecord } from "@pos/sync";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { OrderStore } from "../cart/order-store.js";
import { newLine } from "../cart/test-orders.js";
import type { CashierRecord } from "../cashiers/cashier-record.js";
import { saveCashiers } from "../cashiers/cashier-store.js";
import { queuePinLockout } from "../cashiers/pin-lockout-outbox.js";
import { completeSale } from "../checkout/complete-sale.js";
import { emptyDraft } from "../customers/customer-draft.js";
import { createCustomerOnTill } from "../customers/customer-outbox.js";
import { SalesDb } from "../db/sales-db.js";
import { summarizeOutbox } from "./outbox-record-label.js";
import { OutboxRecordList } from "./OutboxRecordList.js";
import { loadOutboxRecordDetails } from "./use-outbox-record-details.js";

const store = {
  currency_symbol: "$",
  decimals: 2,
  decimal_separator: ".",
  thousand_separator: ",",
};

const staff = (id: number, displayName: string): CashierRecord => ({
  id,
  username: `user${id}`,
  display_name: displayName,
  role: "cashier",
  pin: null,
  failed_attempts: 0,
  locked: false,
  updated_gmt: null,
});

const databases: SalesDb[] = [];

afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

/** Fills a till with a paid sale, a new customer and a PIN lockout, all waiting in the outbox. */
async function tillWithOneOfEach(): Promise<{ db: SalesDb; records: OutboxRecord[] }> {
  const db = new SalesDb(`outbox-list-${crypto.randomUUID()}`);
  databases.push(db);
  const orders = new OrderStore(db);
  const order = await orders.startOrder();
  await orders.apply(order.clientUuid, { type: "addLine", line: newLine() });
  await completeSale(db, {
    clientUuid: order.clientUuid,
    tenders: [
      { method: "pos_cash", title: "Cash", amountMinor: 1800, changeMinor: 0, reference: null },
    ],
    totalMinor: 1800,
    currency: "USD",
    nowMs: 1_000,
    buildBody: () => ({ line_items: [{ product_id: 10, quantity: 1 }] }),
    server: null,
  });
  const draft = { ...emptyDraft, firstName: "Ada", lastName: "Lovelace", email: "ada@x.test" };
  await createCustomerOnTill(db, draft, { nowMs: 2_000 });
  await saveCashiers(db, { maxFailures: 5, records: [staff(7, "Bea Ortiz")] }, 3_000);
  await db.transaction("rw", db.outbox, () =>
    queuePinLockout(db, { userId: 7, lockedAtMs: 4_000 }),
  );
  const rows = await db.outbox.orderBy("createdAtMs").toArray();
  return { db, records: rows.map((row) => parseOutboxRecord(row)) };
}

function renderList(
  records: OutboxRecord[],
  details: Parameters<typeof OutboxRecordList>[0]["details"],
) {
  return renderToStaticMarkup(
    <OutboxRecordList
      records={records}
      details={details}
      store={store}
      isManager={true}
      onResend={() => undefined}
      onResendWithoutCoupon={() => undefined}
      onDiscard={() => undefined}
    />,
  );
}

describe("OutboxRecordList", () => {
  it("names each record by its kind", async () => {
    const { db, records } = await tillWithOneOfEach();
    const details = await loadOutboxRecordDetails(db, records);

    const html = renderList(records, details);

    expect(html).toMatch(/<span class="outbox-receipt">Receipt [^<]*-000001<\/span><span>\$18\.00/);
    expect(html).toContain('<span class="outbox-receipt">New customer Ada Lovelace</span>');
    expect(html).toContain('<span class="outbox-receipt">PIN lockout of Bea Ortiz</span>');
    expect(html).toContain("Discard PIN lockout of Bea Ortiz");
    expect(html).toContain("Discard New customer Ada Lovelace");
    expect(html).toMatch(/>Discard [^<]*-000001</);
    expect(html.match(/>Receipt /g)).toHaveLength(1);
  });

  it("falls back to the user id", async () => {
    const { records } = await tillWithOneOfEach();
    const lockout = records.filter((record) => record.kind === "pin.lockout");

    const html = renderList(lockout, {
      receiptNumbers: new Map(),
      customerNames: new Map(),
      userNames: new Map(),
      saleTotalsMinor: new Map(),
    });

    expect(html).toContain("PIN lockout of user 7");
  });
});

describe("summarizeOutbox", () => {
  it("counts a PIN lockout apart from sales", async () => {
    const { records } = await tillWithOneOfEach();

    expect(summarizeOutbox(records)).toBe(
      "1 sale waiting to be sent, 1 customer waiting to be sent, " +
        "1 PIN lockout waiting to be sent.",
    );
  });

  it("counts parked records apart", async () => {
    const { records } = await tillWithOneOfEach();
    const parked = records.map((record) => ({ ...record, state: "parked" as const }));

    expect(summarizeOutbox(parked)).toBe(
      "1 sale parked by the store, 1 customer parked by the store, " +
        "1 PIN lockout parked by the store.",
    );
    expect(summarizeOutbox([])).toBe("All sales are sent to the store.");
  });
});
