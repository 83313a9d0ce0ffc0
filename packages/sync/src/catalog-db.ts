import { Dexie, type Table } from "dexie";
import type {
  CatalogCollection,
  Category,
  Customer,
  Product,
  Tag,
  TaxRate,
  Variation,
} from "@pos/core";

/**
 * Where the pull of one collection stands. `seedAfter` is the last id stored from snapshots;
 * `feedSeq` is the change-feed sequence the stored records are current to. Both move only in
 * the IndexedDB transaction that stores the records they cover.
 */
export interface Checkpoint {
  collection: CatalogCollection;
  phase: "seeding" | "following";
  seedAfter: number;
  feedSeq: number;
  /** The server's count of records in this collection when last asked. */
  serverTotal: number | null;
  updatedAtMs: number;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

/**
 * The `catalog` database: the store's catalogue, customers and tax rates, one database per
 * store and user so two stores on one browser never mix. Secondary indexes are only those the
 * till looks up exactly (SKU, barcode, parent, email): each index slows the seed's bulk writes.
 */
export class CatalogDb extends Dexie {
  products!: Table<Product, number>;
  variations!: Table<Variation, number>;
  categories!: Table<Category, number>;
  tags!: Table<Tag, number>;
  customers!: Table<Customer, number>;
  taxRates!: Table<TaxRate, number>;
  checkpoints!: Table<Checkpoint, CatalogCollection>;
  meta!: Table<MetaEntry, string>;

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      products: "id, sku, barcode",
      variations: "id, parentId, sku, barcode",
      categories: "id",
      tags: "id",
      customers: "id, email",
      taxRates: "id",
      checkpoints: "collection",
      meta: "key",
    });
  }
}

export function catalogDbName(storeKey: string): string {
  return `pos-catalog-${storeKey}`;
}
