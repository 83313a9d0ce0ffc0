import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import { writeTransaction } from "../db/change-journal.js";
import { WooError } from "../http/woo-error.js";
import { applyProductInput, newProductWrite, storedProductWrite } from "./apply-product-input.js";
import type { ProductInput, VariationInput } from "./product-input.js";
import { deleteProduct, findProductRow, insertProduct, updateProduct } from "./product-store.js";
import type { ProductRow } from "./product-store.js";
import { mapSkuIndexViolation } from "./sku-clash.js";

type Db = Kysely<DatabaseSchema>;

export const invalidProductId = () =>
  new WooError(400, "woocommerce_rest_product_invalid_id", "Invalid ID.");

/** Creates a product (parentId 0) or a variation of `parentId`; returns the new id. */
export function createProductFromInput(
  db: Db,
  input: ProductInput | VariationInput,
  parentId: number,
  nowGmt: string,
): Promise<number> {
  const create = () =>
    writeTransaction(db, async (trx) => {
      if (parentId !== 0) await requireVariableParent(trx, parentId);
      const type = parentId !== 0 ? "variation" : ("type" in input && input.type) || "simple";
      const write = await applyProductInput(trx, newProductWrite(parentId, type), input, 0);
      return insertProduct(trx, write, nowGmt);
    });
  return mapSkuIndexViolation(db, input.sku, 0, create);
}

/** Updates a product or variation with the fields the body sets. */
export function updateProductFromInput(
  db: Db,
  id: number,
  input: ProductInput | VariationInput,
  parentId: number,
  nowGmt: string,
): Promise<void> {
  const update = () =>
    writeTransaction(db, async (trx) => {
      const row = await findProductRow(trx, id);
      const isVariation = parentId !== 0;
      if (
        row === undefined ||
        (row.type === "variation") !== isVariation ||
        (isVariation && row.parent_id !== parentId)
      ) {
        throw invalidProductId();
      }
      const stored = storedProductWrite(row, await termIdsOf(trx, id));
      const write = await applyProductInput(trx, stored, input, id);
      await updateProduct(trx, id, write, nowGmt);
    });
  return mapSkuIndexViolation(db, input.sku, id, update);
}

/**
 * Deletes a product as WooCommerce does: to the trash, or for good with `force`. A trashed
 * product deleted again without `force` gets `woocommerce_rest_already_trashed`.
 */
export function deleteProductById(
  db: Db,
  id: number,
  force: boolean,
  nowGmt: string,
): Promise<ProductRow> {
  return writeTransaction(db, async (trx) => {
    const row = await findProductRow(trx, id);
    if (row === undefined)
      throw new WooError(404, "woocommerce_rest_product_invalid_id", "Invalid ID.");
    if (force || row.type === "variation") {
      await deleteProduct(trx, row, nowGmt);
      return row;
    }
    if (row.status === "trash") {
      throw new WooError(
        410,
        "woocommerce_rest_already_trashed",
        "The product has already been deleted.",
      );
    }
    const write = { ...storedProductWrite(row, await termIdsOf(trx, id)), status: "trash" };
    await updateProduct(trx, id, write, nowGmt);
    return (await findProductRow(trx, id)) as ProductRow;
  });
}

async function requireVariableParent(trx: Db, parentId: number): Promise<void> {
  const parent = await findProductRow(trx, parentId);
  if (parent === undefined || parent.type !== "variable") {
    throw new WooError(404, "woocommerce_rest_product_invalid_id", "Invalid ID.");
  }
}

async function termIdsOf(trx: Db, productId: number) {
  const rows = await trx
    .selectFrom("product_terms")
    .innerJoin("terms", "terms.id", "product_terms.term_id")
    .select(["terms.id", "terms.taxonomy"])
    .where("product_terms.product_id", "=", productId)
    .execute();
  return {
    categories: rows.filter((row) => row.taxonomy === "product_cat").map((row) => row.id),
    tags: rows.filter((row) => row.taxonomy === "product_tag").map((row) => row.id),
  };
}
