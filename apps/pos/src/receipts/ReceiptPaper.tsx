import { toMoney, type OrderTotals } from "@pos/core";
import type { PosStore } from "@pos/woo";
import { lineUnitPrice } from "../cart/cart-totals.js";
import { itemTitle } from "../cart/line-from-catalog.js";
import type { CartLine, StoredOrder } from "../db/stored-order.js";
import { displayMoney } from "../money/display-money.js";
import { tenderLabel } from "../orders/order-tenders.js";
import { formatStoreDateTime } from "../time/store-time.js";

export type PaperSize = "80mm" | "a4";

interface ReceiptPaperProps {
  order: StoredOrder;
  totals: OrderTotals;
  store: PosStore;
  cashier: string;
  paper: PaperSize;
}

/** Renders the printable receipt: store, numbers, lines with discounts, taxes, tenders, change. */
export function ReceiptPaper({ order, totals, store, cashier, paper }: ReceiptPaperProps) {
  const money = (amount: number) => displayMoney(toMoney(amount), store);
  const receipt = order.receipt;
  const address = store.address;
  const changeMinor = order.tenders.reduce((sum, tender) => sum + tender.changeMinor, 0);
  const fee = totals.fees[0];

  return (
    <article className={`receipt-paper receipt-${paper}`} aria-label="Printable receipt">
      <header>
        <strong>{store.name}</strong>
        <div>{[address.address1, address.address2].filter(Boolean).join(", ")}</div>
        <div>
          {[address.postcode, address.city, address.state, address.country]
            .filter(Boolean)
            .join(" ")}
        </div>
      </header>
      <p>
        Receipt {receipt?.localNumber ?? "not numbered"}
        {receipt?.number ? ` · store order ${receipt.number}` : ""}
        <br />
        {formatStoreDateTime(receipt?.completedAtMs ?? order.updatedAtMs, store.timezone)} ·{" "}
        {cashier}
        {order.customer ? ` · ${order.customer.name}` : ""}
      </p>
      {receipt?.syncState === "pending" && (
        <p className="receipt-pending">
          Pending: this sale is saved on the till and not yet confirmed by the store.
        </p>
      )}
      {receipt?.syncState === "discarded" && (
        <p className="receipt-pending">Void: this sale was discarded before the store got it.</p>
      )}
      <table className="receipt-lines">
        <tbody>
          {order.lines.map((line) => {
            const lineTotals = totals.lines.find((entry) => entry.key === line.lineId);
            const unit = lineUnitPrice(line, store.decimals);
            return (
              <tr key={line.lineId}>
                <td>
                  {line.quantity} × {itemTitle(line.name, line.attributes)} @ {money(unit)}
                  {line.discountBasisPoints > 0 && ` (−${line.discountBasisPoints / 100} %)`}
                  {lineAdjustmentNote(line, unit, money)}
                </td>
                <td className="amount">{lineTotals ? money(lineTotals.subtotal) : ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="receipt-totals">
        {/* Lines and subtotal before coupons, so subtotal, discounts and tax add up to the total. */}
        <dt>Subtotal</dt>
        <dd>{money(totals.itemsSubtotal)}</dd>
        {fee && (
          <>
            <dt>{fee.total < 0 ? "Cart discount" : fee.name}</dt>
            <dd>{money(fee.total)}</dd>
          </>
        )}
        {totals.discountTotal > 0 && (
          <>
            <dt>Coupon discount</dt>
            <dd>−{money(totals.discountTotal)}</dd>
          </>
        )}
        {order.coupons.map((coupon) => (
          <div key={coupon.code} className="receipt-row">
            <dt>Coupon {coupon.code}</dt>
            <dd>
              {coupon.toBeConfirmed && receipt?.syncState !== "sent"
                ? "to be confirmed"
                : "applied"}
            </dd>
          </div>
        ))}
        {totals.taxLines.map((line) => (
          <div key={line.rateId} className="receipt-row">
            <dt>{`${line.label || "Tax"} ${line.ratePercent}%`}</dt>
            <dd>{money(line.taxTotal)}</dd>
          </div>
        ))}
        <dt className="grand">Total</dt>
        <dd className="grand">{money(receipt?.totalMinor ?? totals.total)}</dd>
        {order.tenders.map((tender, index) => (
          <div key={index} className="receipt-row">
            <dt>{tenderLabel(tender.title, tender.reference)}</dt>
            <dd>{money(tender.amountMinor)}</dd>
          </div>
        ))}
        <dt>Change</dt>
        <dd>{money(changeMinor)}</dd>
      </dl>
    </article>
  );
}

/**
 * Describes a line's price edit and discount under it: the catalogue price a cashier's price
 * replaced, and the amount the line discount took off the whole line.
 */
function lineAdjustmentNote(line: CartLine, unit: number, money: (amount: number) => string) {
  const listed = line.priceOverrideMinor ?? line.catalogPriceMinor;
  const edited =
    line.priceOverrideMinor !== null && line.priceOverrideMinor !== line.catalogPriceMinor;
  const discount = (listed - unit) * line.quantity;
  if (!edited && discount <= 0) return null;
  return (
    <div className="receipt-line-note">
      {edited && `Price edited from ${money(line.catalogPriceMinor)}. `}
      {discount > 0 && `Line discount −${money(discount)}.`}
    </div>
  );
}
