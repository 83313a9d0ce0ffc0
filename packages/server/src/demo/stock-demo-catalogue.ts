import type { StoreDatabase } from "../db/store-database.js";
import { appendChange, writeTransaction } from "../db/change-journal.js";

/**
 * Units each simple product and variation of the demo store starts with. WooCommerce's sample
 * CSV tracks no stock, so without this a demo sale would leave every stock figure empty.
 */
export const demoStockQuantity = 50;

/** Turns on stock tracking for the demo catalogue and returns how many records it changed. */
export async function stockDemoCatalogue(store: StoreDatabase, nowGmt: string): Promise<number> {
  return writeTransaction(store.db, async (trx) => {
    const rows = await trx
      .selectFrom("products")
      .select(["id", "type"])
      .where("type", "in", ["simple", "variation"])
      .where("manage_stock", "=", 0)
      .execute();

    for (const row of rows) {
      await trx
        .updateTable("products")
        .set({
          manage_stock: 1,
          stock_quantity: demoStockQuantity,
          stock_status: "instock",
          date_modified_gmt: nowGmt,
        })
        .where("id", "=", row.id)
        .execute();
      appendChange(trx, row.type === "variation" ? "variations" : "products", row.id);
    }
    return rows.length;
  });
}
