import { writeTransaction } from "../db/change-journal.js";
import type { StoreDatabase } from "../db/store-database.js";
import { emptyProductDetails } from "../catalog/product-details.js";
import { insertProduct } from "../catalog/product-store.js";

/** Inserts a simple product for a test; stock is managed when `stock` is a number. */
export function insertTestProduct(
  store: StoreDatabase,
  product: { sku: string; price: string; stock?: number; backorders?: "no" | "notify" | "yes" },
): Promise<number> {
  return writeTransaction(store.db, (trx) =>
    insertProduct(
      trx,
      {
        parentId: 0,
        type: "simple",
        status: "publish",
        name: `Test ${product.sku}`,
        slug: "",
        sku: product.sku,
        globalUniqueId: "",
        regularPrice: product.price,
        salePrice: "",
        featured: false,
        catalogVisibility: "visible",
        taxStatus: "taxable",
        taxClass: "",
        manageStock: product.stock !== undefined,
        stockQuantity: product.stock ?? null,
        stockStatus: "instock",
        backorders: product.backorders ?? "no",
        menuOrder: 0,
        categoryIds: [],
        tagIds: [],
        details: emptyProductDetails(),
      },
      "2026-12-04T12:00:00",
    ),
  );
}
