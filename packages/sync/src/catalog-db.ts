import { Dexie, type Table, type Transaction } from "dexie";
import type {
  CatalogCollection,
  Category,
  Coupon,
  Customer,
  Product,
  Tag,
  TaxRate,
  Variation,
} from "@pos/core";
import { ChunkedTable, chunkRowsOf, type ChunkRow } from "./chunked-table.js";

/**
 * Position of the pull of one collection. `seedAfter` is the last id stored from snapshots;
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
  /**
   * WooCommerce path only: the newest `date_modified_gmt` stored and the highest id stored at
   * that instant, so the next `modified_after` poll skips what is already stored.
   */
  modifiedAfterGmt?: string;
  modifiedAfterId?: number;
  /** WooCommerce path only: the next `page` of the seed listing. */
  seedPage?: number;
  /**
   * pos/v1 path only: the snapshot records stored so far in this seed. Progress reads it instead
   * of counting the table after every page, a cost that grows with the table.
   */
  seedStored?: number;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

/**
 * The `catalog` database: the store's catalogue, customers and tax rates, one database per
 * store and user so two stores on one browser never mix. Secondary indexes are only those the
 * till looks up exactly in IndexedDB (a variation's parent, a coupon's code): each index slows the seed's
 * bulk writes.
 */
export class CatalogDb extends Dexie {
  // `declare`, not `!`: with ES2022 class fields a plain field would overwrite the table that
  // Dexie's version().stores() has just set on the instance with undefined.
  /** Products and customers are stored in rows of many records (see `ChunkedTable`). */
  readonly products: ChunkedTable<Product>;
  readonly customers: ChunkedTable<Customer>;
  declare productChunks: Table<ChunkRow<Product>, number>;
  declare customerChunks: Table<ChunkRow<Customer>, number>;
  declare variations: Table<Variation, number>;
  declare categories: Table<Category, number>;
  declare tags: Table<Tag, number>;
  declare taxRates: Table<TaxRate, number>;
  declare coupons: Table<Coupon, number>;
  declare checkpoints: Table<Checkpoint, CatalogCollection>;
  declare meta: Table<MetaEntry, string>;

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
    // Version 2 adds coupons, looked up by code when the cashier types one.
    this.version(2).stores({ coupons: "id, code" });
    // Version 3 drops the SKU, barcode and email indexes: scans and customer searches
    // use the catalogue worker's indexes in memory, and every index slows the seed.
    this.version(3).stores({ products: "id", variations: "id, parentId", customers: "id" });
    // Version 4 stores products and customers in rows of many records, because per-record puts
    // were most of the seed's time. It copies what a till already stores. Version 5 drops the
    // old tables.
    this.version(4)
      .stores({ productChunks: "bucket", customerChunks: "bucket" })
      .upgrade(async (transaction) => {
        await copyIntoChunks(transaction, "products", "productChunks");
        await copyIntoChunks(transaction, "customers", "customerChunks");
      });
    this.version(5).stores({ products: null, customers: null });
    // Set after the schema: Dexie removes only its own Table objects from dropped tables' names.
    this.products = new ChunkedTable(this, this.productChunks, "products");
    this.customers = new ChunkedTable(this, this.customerChunks, "customers");
  }
}

export function catalogDbName(storeKey: string): string {
  return `pos-catalog-${storeKey}`;
}

/** Copies a per-record table into bucket rows and their count row, in the upgrade. */
async function copyIntoChunks(transaction: Transaction, from: string, to: string): Promise<void> {
  const records = await transaction.table<{ id: number }, number>(from).toArray();
  await transaction.table(to).bulkPut(chunkRowsOf(records));
}
