import { parseMoney, parsePosTenders, posTendersMetaKey, type ReportTender } from "@pos/core";
import type { WcOrder } from "@pos/woo";

/** A tender as the order details list it. */
export interface OrderTenderLine {
  title: string;
  /** The card slip number, or null when the tender has none. */
  reference: string | null;
  amount: ReportTender["amount"];
}

/**
 * Reads the tenders of a store order from its `_pos_tenders` meta, each with its slip reference.
 * An order without that meta (a web order, say) gets one line of its payment method and total.
 * Raises a `RangeError` naming the order when the meta is malformed.
 */
export function orderTenderLines(order: WcOrder, decimals: number): OrderTenderLine[] {
  const meta = order.meta_data.find((entry) => entry.key === posTendersMetaKey);
  if (meta === undefined) return fallbackLine(order, decimals);

  return parsePosTenders(meta.value, decimals, order.number).map((tender) => ({
    title: tender.methodTitle,
    reference: tender.reference ?? null,
    amount: tender.amount,
  }));
}

function fallbackLine(order: WcOrder, decimals: number): OrderTenderLine[] {
  if (!order.payment_method) return [];
  const title = order.payment_method_title || order.payment_method;
  return [{ title, reference: null, amount: parseMoney(order.total, decimals) }];
}

/** Names a tender for a receipt or list: its title, then its slip reference when it has one. */
export function tenderLabel(title: string, reference: string | null | undefined): string {
  return reference ? `${title} (slip ${reference})` : title;
}
