import type { SalesDb } from "../db/sales-db.js";
import { parseStoredOrder, storedOrderVersion, type StoredOrder } from "../db/stored-order.js";
import type { CartAction } from "./cart-action.js";
import { reduceCart } from "./cart-reducer.js";

export interface OrderStoreOptions {
  nowMs?: () => number;
  randomUuid?: () => string;
}

const currentOrderKey = "currentOrder";

/**
 * Open and completed orders in the sales database. Every method writes to IndexedDB and
 * resolves only after the transaction committed, so the screen shows nothing unsaved.
 */
export class OrderStore {
  private readonly nowMs: () => number;
  private readonly randomUuid: () => string;

  constructor(
    private readonly db: SalesDb,
    options: OrderStoreOptions = {},
  ) {
    this.nowMs = options.nowMs ?? Date.now;
    this.randomUuid = options.randomUuid ?? (() => crypto.randomUUID());
  }

  /** Returns the order on screen, creating an empty one when there is none. */
  async current(): Promise<StoredOrder> {
    return this.db.transaction("rw", this.db.orders, this.db.settings, async () => {
      const setting = await this.db.settings.get(currentOrderKey);
      const row =
        typeof setting?.value === "string" ? await this.db.orders.get(setting.value) : null;
      if (row) {
        const order = parseStoredOrder(row);
        if (order.status === "pos-open") return order;
      }
      return this.startOrderInTransaction();
    });
  }

  /** Applies a cashier action to an open order and returns the saved order. */
  async apply(clientUuid: string, action: CartAction): Promise<StoredOrder> {
    return this.db.transaction("rw", this.db.orders, this.db.settings, async () => {
      let order = await this.get(clientUuid);
      // Another tab of this till completed the order on screen: adding to it starts a new sale.
      if (order.status === "completed" && startsNewSale(action)) {
        order = await this.startOrderInTransaction();
      }
      const next = reduceCart(order, action, { nowMs: this.nowMs(), newLineId: this.randomUuid });
      await this.db.orders.put(next);
      return next;
    });
  }

  /** Sets the order on screen aside and starts an empty one. */
  async park(clientUuid: string): Promise<StoredOrder> {
    return this.db.transaction("rw", this.db.orders, this.db.settings, async () => {
      const order = await this.get(clientUuid);
      await this.db.orders.put({ ...order, parkedAtMs: this.nowMs() });
      return this.startOrderInTransaction();
    });
  }

  /** Brings a parked order back on screen, parking the one there if it has lines. */
  async resume(clientUuid: string, onScreenUuid: string | null): Promise<StoredOrder> {
    return this.db.transaction("rw", this.db.orders, this.db.settings, async () => {
      if (onScreenUuid && onScreenUuid !== clientUuid) await this.setAside(onScreenUuid);

      const order = await this.get(clientUuid);
      const resumed = { ...order, parkedAtMs: null, updatedAtMs: this.nowMs() };
      await this.db.orders.put(resumed);
      await this.db.settings.put({ key: currentOrderKey, value: clientUuid });
      return resumed;
    });
  }

  /** Starts an empty order and puts it on screen. */
  async startOrder(): Promise<StoredOrder> {
    return this.db.transaction("rw", this.db.orders, this.db.settings, () =>
      this.startOrderInTransaction(),
    );
  }

  /**
   * Stores an open order loaded from the store as a parked order, replacing this till's copy of
   * it when there is one. Raises when this till already completed that order.
   */
  async importParked(order: StoredOrder): Promise<void> {
    await this.db.transaction("rw", this.db.orders, async () => {
      const row = await this.db.orders.get(order.clientUuid);
      const existing = row ? parseStoredOrder(row) : null;
      if (existing && existing.status !== "pos-open") {
        throw new Error(
          `order ${order.clientUuid} is already ${existing.status} on this till: it cannot be loaded again`,
        );
      }
      await this.db.orders.put({ ...order, parkedAtMs: this.nowMs() });
    });
  }

  /** Deletes an open order from this till (after it was voided); completed orders stay. */
  async remove(clientUuid: string): Promise<void> {
    await this.db.transaction("rw", this.db.orders, async () => {
      const order = await this.get(clientUuid);
      if (order.status !== "pos-open") {
        throw new Error(`order ${clientUuid} is already ${order.status}: it cannot be removed`);
      }
      await this.db.orders.delete(clientUuid);
    });
  }

  /** Returns the open orders, newest change first. */
  async listOpen(): Promise<StoredOrder[]> {
    const rows = await this.db.orders.where("status").equals("pos-open").toArray();
    return rows.map(parseStoredOrder).sort((a, b) => b.updatedAtMs - a.updatedAtMs);
  }

  /** Returns the order with this client UUID; raises when there is none. */
  async get(clientUuid: string): Promise<StoredOrder> {
    const row = await this.db.orders.get(clientUuid);
    if (!row) throw new Error(`order ${clientUuid} is not on this till; it may have been removed`);
    return parseStoredOrder(row);
  }

  private async setAside(clientUuid: string): Promise<void> {
    const order = await this.get(clientUuid);
    if (order.status !== "pos-open") return;

    // An empty order on screen is dropped instead of parked, so the list contains real sales only.
    if (order.lines.length === 0 && order.customer === null) {
      await this.db.orders.delete(clientUuid);
      return;
    }
    await this.db.orders.put({ ...order, parkedAtMs: this.nowMs() });
  }

  private async startOrderInTransaction(): Promise<StoredOrder> {
    const nowMs = this.nowMs();
    const order: StoredOrder = {
      formatVersion: storedOrderVersion,
      clientUuid: this.randomUuid(),
      status: "pos-open",
      createdAtMs: nowMs,
      updatedAtMs: nowMs,
      parkedAtMs: null,
      customer: null,
      lines: [],
      adjustment: null,
      coupons: [],
      tenders: [],
      receipt: null,
    };
    await this.db.orders.put(order);
    await this.db.settings.put({ key: currentOrderKey, value: order.clientUuid });
    return order;
  }
}

function startsNewSale(action: CartAction): boolean {
  return action.type === "addLine" || action.type === "setCustomer";
}
