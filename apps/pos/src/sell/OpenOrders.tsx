import { useId } from "react";
import type { StoredOrder } from "../db/stored-order.js";

interface OpenOrdersProps {
  orders: StoredOrder[];
  onScreenUuid: string | null;
  onResume: (clientUuid: string) => void;
}

/** Renders the parked orders on this till, each with a button that resumes it. */
export function OpenOrders({ orders, onScreenUuid, onResume }: OpenOrdersProps) {
  const ids = useId();
  const parked = orders.filter((order) => order.clientUuid !== onScreenUuid);

  return (
    <section className="open-orders" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Open orders ({parked.length})</h2>
      {parked.length === 0 ? (
        <p className="muted">No parked orders.</p>
      ) : (
        <ul>
          {parked.map((order) => (
            <li key={order.clientUuid}>
              <button type="button" onClick={() => onResume(order.clientUuid)}>
                Resume {describeOrder(order)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
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
