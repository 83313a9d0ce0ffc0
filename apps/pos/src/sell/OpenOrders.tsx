import { useCallback, useEffect, useId, useState } from "react";
import type { StoredOrder } from "../db/stored-order.js";
import { listSavedOpenOrders, type SavedOpenOrder } from "../open-orders/saved-open-orders.js";
import { saveOpenOrderToStore, voidOpenOrder } from "../open-orders/store-open-orders.js";
import { StoreOpenOrders } from "../open-orders/StoreOpenOrders.js";
import { errorText, useOpenOrderServices } from "../open-orders/use-open-order-services.js";
import { VoidOrderForm } from "../open-orders/VoidOrderForm.js";
import { useConnectivity } from "../till/use-connectivity.js";

interface OpenOrdersProps {
  orders: StoredOrder[];
  onScreenUuid: string | null;
  onResume: (clientUuid: string) => void;
}

type Notice = { kind: "alert" | "status"; text: string } | null;

/**
 * Renders the parked orders on this till, each with buttons that resume it, save it to the
 * store and void it, and the open orders other registers saved to the store.
 */
export function OpenOrders({ orders, onScreenUuid, onResume }: OpenOrdersProps) {
  const ids = useId();
  const services = useOpenOrderServices();
  const online = useConnectivity() !== "offline";
  const [saved, setSaved] = useState<Map<string, SavedOpenOrder>>(new Map());
  const [voiding, setVoiding] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const parked = orders.filter((order) => order.clientUuid !== onScreenUuid);

  const readSaved = useCallback(() => {
    listSavedOpenOrders(services.salesDb).then(
      (records) => setSaved(new Map(records.map((record) => [record.clientUuid, record]))),
      (failure: unknown) => setNotice({ kind: "alert", text: errorText(failure) }),
    );
  }, [services.salesDb]);
  useEffect(readSaved, [readSaved, orders]);

  const save = async (order: StoredOrder) => {
    try {
      const record = await saveOpenOrderToStore(services, order.clientUuid);
      setNotice({ kind: "status", text: `Saved to the store as order #${record.number}.` });
    } catch (failure) {
      setNotice({ kind: "alert", text: `Not saved to the store: ${errorText(failure)}` });
    }
    readSaved();
  };

  const confirmVoid = async (order: StoredOrder, reason: string) => {
    setVoiding(null);
    try {
      await voidOpenOrder(services, order.clientUuid, reason);
      setNotice({ kind: "status", text: `Voided ${describeOrder(order)}.` });
    } catch (failure) {
      setNotice({ kind: "alert", text: `Not voided: ${errorText(failure)}` });
    }
    readSaved();
  };

  return (
    <section className="open-orders" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Open orders ({parked.length})</h2>
      {notice && (
        <p role={notice.kind} className={notice.kind === "alert" ? "error" : "notice"}>
          {notice.text}
        </p>
      )}
      {parked.length === 0 ? (
        <p className="muted">No parked orders.</p>
      ) : (
        <ul>
          {parked.map((order) => {
            const description = describeOrder(order);
            const record = saved.get(order.clientUuid);
            const needsSaving = record === undefined || record.savedUpdatedAtMs < order.updatedAtMs;
            return (
              <li key={order.clientUuid}>
                <button type="button" onClick={() => onResume(order.clientUuid)}>
                  Resume {description}
                </button>{" "}
                <span className="muted">{savedState(record, needsSaving)}</span>{" "}
                <button
                  type="button"
                  disabled={!online || !needsSaving}
                  title={online ? undefined : "Saving needs the connection to the store"}
                  aria-label={`Save ${description} to the store`}
                  onClick={() => void save(order)}
                >
                  Save to server
                </button>{" "}
                <button
                  type="button"
                  aria-label={`Void ${description}`}
                  disabled={record !== undefined && !online}
                  title={
                    record !== undefined && !online
                      ? "This order is saved on the store: voiding it needs the connection"
                      : undefined
                  }
                  onClick={() => setVoiding(order.clientUuid)}
                >
                  Void
                </button>
                {voiding === order.clientUuid && (
                  <VoidOrderForm
                    description={description}
                    savedToStore={record !== undefined}
                    onConfirm={(reason) => void confirmVoid(order, reason)}
                    onCancel={() => setVoiding(null)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      <StoreOpenOrders
        localOrders={orders}
        online={online}
        onLoaded={onResume}
        onRefreshed={readSaved}
      />
    </section>
  );
}

function savedState(record: SavedOpenOrder | undefined, needsSaving: boolean): string {
  if (record === undefined) return "Only on this till.";
  if (needsSaving) return `Saved as order #${record.number}, changed since.`;
  return `Saved as order #${record.number}.`;
}

function describeOrder(order: StoredOrder): string {
  const items = order.lines.reduce((sum, line) => sum + line.quantity, 0);
  const when = new Date(order.parkedAtMs ?? order.updatedAtMs).toLocaleTimeString([], {
    hour: "2-digit",
    minute: "2-digit",
  });
  const who = order.customer ? ` for ${order.customer.name}` : "";
  return `order${who} from ${when}, ${items} ${items === 1 ? "item" : "items"}`;
}
