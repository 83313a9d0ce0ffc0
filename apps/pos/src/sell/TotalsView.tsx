import type { OrderTotals } from "@pos/core";
import { displayMoney } from "../money/display-money.js";
import { useTill } from "../till/till-context.js";

/** Subtotal, cart discount or fee, one line per tax rate, and the order total. */
export function TotalsView({ totals }: { totals: OrderTotals }) {
  const { session } = useTill();
  const money = (amount: OrderTotals["total"]) => displayMoney(amount, session.store);
  const fee = totals.fees[0];

  return (
    <dl className="totals">
      <dt>Subtotal</dt>
      <dd>{money(totals.itemsTotal)}</dd>
      {fee && (
        <>
          <dt>{fee.name}</dt>
          <dd>{money(fee.total)}</dd>
        </>
      )}
      {totals.taxLines.map((line) => (
        <TaxRow
          key={line.rateId}
          label={`${line.label || "Tax"} ${line.ratePercent}%`}
          amount={money(line.taxTotal)}
        />
      ))}
      <dt className="grand" id="order-total-label">
        Order total
      </dt>
      <dd className="grand">
        <output aria-labelledby="order-total-label">{money(totals.total)}</output>
      </dd>
    </dl>
  );
}

function TaxRow({ label, amount }: { label: string; amount: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{amount}</dd>
    </>
  );
}
