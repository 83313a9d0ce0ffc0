import { useCallback, useEffect, useId, useState } from "react";
import type { WcOrder } from "@pos/woo";
import type { StoredOrder } from "../db/stored-order.js";
import { errorText, useOpenOrderServices } from "./use-open-order-services.js";
import {
  dropClosedOpenOrders,
  listStoreOpenOrders,
  loadStoreOpenOrder,
  type OpenOrderServices,
} from "./store-open-orders.js";

interface StoreOpenOrdersProps {
  /** This till's open orders; store orders with the same client UUID are not listed again. */
  localOrders: readonly StoredOrder[];
  online: boolean;
  /** Called with the client UUID of an order loaded onto this till, to resume it. */
  onLoaded: (clientUuid: string) => void;
  /** Called after the list was read, so the parent can re-read which orders are saved. */
  onRefreshed: () => void;
}

/**
 * Lists the open orders saved to the store by any register, and loads one onto this till. Each
 * read also removes this till's copies of orders that are no longer open on the store.
 */
export function StoreOpenOrders({
  localOrders,
  online,
  onLoaded,
  onRefreshed,
}: StoreOpenOrdersProps) {
  const ids = useId();
  const services = useOpenOrderServices();
  const [storeOrders, setStoreOrders] = useState<WcOrder[] | null>(null);
  const [messages, setMessages] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = useCallback(
    (read: Promise<{ found: WcOrder[]; removed: string[] }>) =>
      read.then(
        ({ found, removed }) => {
          setStoreOrders(found);
          setMessages(removed);
          setError(null);
          onRefreshed();
        },
        (failure: unknown) => {
          setError(`The store's open orders could not be read: ${errorText(failure)}`);
        },
      ),
    [onRefreshed],
  );

  useEffect(() => {
    if (online) void show(readStoreOpenOrders(services));
  }, [online, services, show]);

  const refreshNow = () => {
    setBusy(true);
    void show(readStoreOpenOrders(services)).finally(() => setBusy(false));
  };

  const load = async (order: WcOrder) => {
    try {
      const uuid = await loadStoreOpenOrder(services, order);
      setError(null);
      onLoaded(uuid);
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  const localUuids = new Set(localOrders.map((order) => order.clientUuid));
  const others = (storeOrders ?? []).filter((order) => !localUuids.has(clientUuidOf(order)));

  return (
    <div className="store-open-orders" aria-labelledby={`${ids}-title`} role="group">
      <h3 id={`${ids}-title`}>Open orders on the store</h3>
      {!online && <p className="muted">Offline: the store's open orders show when it is back.</p>}
      {messages.map((message) => (
        <p key={message} role="status" className="notice">
          {message}
        </p>
      ))}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {online && storeOrders !== null && others.length === 0 && (
        <p className="muted">No other open orders on the store.</p>
      )}
      {others.length > 0 && (
        <ul>
          {others.map((order) => (
            <li key={order.id}>
              <button type="button" onClick={() => void load(order)}>
                Load order #{order.number}, {describeStoreOrder(order)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" disabled={!online || busy} onClick={refreshNow}>
        Refresh the store's open orders
      </button>
    </div>
  );
}

/** Reads the store's open orders and drops this till's copies of orders closed elsewhere. */
async function readStoreOpenOrders(services: OpenOrderServices) {
  const found = await listStoreOpenOrders(services);
  const removed = await dropClosedOpenOrders(services, found);
  return { found, removed };
}

function clientUuidOf(order: WcOrder): string {
  const value = order.meta_data.find((entry) => entry.key === "_pos_client_uuid")?.value;
  return typeof value === "string" ? value : "";
}

function describeStoreOrder(order: WcOrder): string {
  const items = order.line_items.reduce((sum, line) => sum + line.quantity, 0);
  const who = order.billing.first_name ? ` for ${order.billing.first_name}` : "";
  return `${items} ${items === 1 ? "item" : "items"}${who}, total ${order.total} ${order.currency}`;
}
