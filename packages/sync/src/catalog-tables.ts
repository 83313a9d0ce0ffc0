import type { Table } from "dexie";
import { catalogCollections, type CatalogCollection } from "@pos/core";
import type { CatalogDb } from "./catalog-db.js";

/** Returns the Dexie table that stores a collection (`tax_rates` lives in `taxRates`). */
export function tableOf(
  db: CatalogDb,
  collection: CatalogCollection,
): Table<{ id: number }, number> {
  switch (collection) {
    case "products":
      return db.products;
    case "variations":
      return db.variations;
    case "categories":
      return db.categories;
    case "tags":
      return db.tags;
    case "customers":
      return db.customers;
    case "tax_rates":
      return db.taxRates;
    case "coupons":
      return db.coupons;
  }
}

export function allCatalogTables(db: CatalogDb): Table[] {
  return catalogCollections.map((collection) => tableOf(db, collection) as Table);
}
