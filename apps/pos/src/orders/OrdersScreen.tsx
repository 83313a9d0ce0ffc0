import { useEffect, useState } from "react";
import { toMoney } from "@pos/core";
import type { WcOrder } from "@pos/woo";
import { parseStoredOrder, type StoredOrder } from "../db/stored-order.js";
import { displayMoney } from "../money/display-money.js";
import { useTill } from "../till/till-context.js";
import { useConnectivity } from "../till/use-connectivity.js";
import { OrderDetails } from "./OrderDetails.js";
import { listRecentOrders } from "./server-orders.js";
import { useRegisterId } from "./use-register-id.js";
import { formatStoreDateTime } from "../time/store-time.js";

interface Selection {
  serverOrderId: number;
  clientUuid: string | null;
}

/** Lists the orders stored on this till and, online, the store's newest orders, with details. */
export function OrdersScreen() {
  const { salesDb, client, session } = useTill();
  const connectivity = useConnectivity();
  const registerId = useRegisterId();
  const store = session.store;
  const [deviceOrders, setDeviceOrders] = useState<StoredOrder[]>([]);
  const [storeOrders, setStoreOrders] = useState<WcOrder[] | null>(null);
  const [storeError, setStoreError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Selection | null>(null);

  useEffect(() => {
    void salesDb.orders
      .where("status")
      .equals("completed")
      .toArray()
      .then((rows) =>
        setDeviceOrders(
          rows
            .map(parseStoredOrder)
            .sort((a, b) => (b.receipt?.completedAtMs ?? 0) - (a.receipt?.completedAtMs ?? 0)),
        ),
      );
  }, [salesDb]);

  useEffect(() => {
    if (connectivity === "offline") return;
    listRecentOrders(client).then(setStoreOrders, (error) =>
      setStoreError(`the store's orders could not be read: ${String(error)}`),
    );
  }, [client, connectivity]);

  return (
    <main className="orders-screen" aria-label="Orders">
      <section aria-label="Orders on this till">
        <h2>On this till</h2>
        {deviceOrders.length === 0 && <p>No completed orders on this till yet.</p>}
        <ul className="order-list">
          {deviceOrders.map((order) => {
            const receipt = order.receipt!;
            const serverId = receipt.serverId;
            return (
              <li key={order.clientUuid}>
                <button
                  type="button"
                  disabled={serverId === null}
                  onClick={() =>
                    serverId !== null &&
                    setSelected({ serverOrderId: serverId, clientUuid: order.clientUuid })
                  }
                >
                  {receipt.number ? `Order ${receipt.number}` : `Receipt ${receipt.localNumber}`} ·{" "}
                  {formatStoreDateTime(receipt.completedAtMs, store.timezone)} ·{" "}
                  {displayMoney(toMoney(receipt.totalMinor), store)}
                  {receipt.syncState === "pending" && " · not yet sent to the store"}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-label="Store orders">
        <h2>In the store</h2>
        {connectivity === "offline" && <p>The store's orders show when the till is online.</p>}
        {storeError && <p role="alert">{storeError}</p>}
        <ul className="order-list">
          {storeOrders?.map((order) => (
            <li key={order.id}>
              <button
                type="button"
                onClick={() => setSelected({ serverOrderId: order.id, clientUuid: null })}
              >
                Order {order.number} · {order.status} · {order.total}
              </button>
            </li>
          ))}
        </ul>
      </section>
      {selected && registerId && (
        <OrderDetails
          key={selected.serverOrderId}
          serverOrderId={selected.serverOrderId}
          orderClientUuid={selected.clientUuid}
          registerId={registerId}
        />
      )}
    </main>
  );
}
