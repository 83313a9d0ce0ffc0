import { login } from "../test-support/test-server.js";
import type { TestServer } from "../test-support/test-server.js";

/** A clock that tests move by hand, so orders get the dates a case needs. */
export class TestClock {
  constructor(private instant: Date) {}

  readonly now = (): Date => this.instant;

  set(iso: string): void {
    this.instant = new Date(iso);
  }
}

export interface TestSale {
  sku: string;
  quantity: number;
  /** `_pos_tenders` entries: method, title, slip reference, amount and change as decimal strings. */
  tenders: { method: string; title: string; reference?: string; amount: string; change: string }[];
  register?: string;
  cashierId?: number;
}

/**
 * Logs in again as the manager and cashier: access tokens expire 15 minutes after the clock's
 * time at login, so a test that moves the clock needs fresh ones.
 */
export async function refreshLogins(server: TestServer): Promise<void> {
  for (const role of ["manager", "cashier"] as const) {
    server.auth[role] = { authorization: `Bearer ${await login(server.app, role)}` };
  }
}

/** Sells through `POST wc/v3/orders` as the till does and returns the order's id. */
export async function sell(server: TestServer, sale: TestSale): Promise<number> {
  const product = await server.store.db
    .selectFrom("products")
    .select("id")
    .where("sku", "=", sale.sku)
    .executeTakeFirstOrThrow();
  const meta = [{ key: "_pos_tenders", value: JSON.stringify(sale.tenders) }];
  if (sale.register) meta.push({ key: "_pos_register", value: sale.register });
  if (sale.cashierId !== undefined) {
    meta.push({ key: "_pos_cashier_id", value: String(sale.cashierId) });
  }
  const response = await server.app.inject({
    method: "POST",
    url: "/wp-json/wc/v3/orders",
    headers: server.auth.cashier,
    payload: {
      status: "completed",
      set_paid: true,
      payment_method: sale.tenders[0]?.method ?? "pos_cash",
      line_items: [{ product_id: product.id, quantity: sale.quantity }],
      meta_data: meta,
    },
  });
  if (response.statusCode !== 201) throw new Error(`sale failed: ${response.body}`);
  return response.json<{ id: number }>().id;
}
