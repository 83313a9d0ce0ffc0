import { formatMoney, parseMoney, parsePosTenders, posTendersMetaKey, sumMoney } from "@pos/core";
import type { orderWire } from "../orders/order-wire.js";
import type { StoreSettings } from "../store/store-settings.js";
import type { EmailTemplate } from "./email-templates.js";
import type { MailMessage } from "./smtp-mailer.js";

type WireOrder = ReturnType<typeof orderWire>;

/** The meta key of the till's own receipt number, which the receipt shows next to the order's. */
const receiptNumberMetaKey = "_pos_receipt_number";

/**
 * Builds the receipt email for an order: the store's name and address, the receipt and order
 * numbers, each line, fees, shipping, discounts, tax lines, the total, the tenders and the
 * change. Amounts are the order's own decimal strings before tax, with the tax lines apart.
 */
export function buildReceiptEmail(
  order: WireOrder,
  store: StoreSettings,
  template: EmailTemplate,
  to: string,
): MailMessage {
  const rows = receiptRows(order);
  const heading = receiptHeading(order);
  const address = storeAddressLines(store);
  const subject = subjectFor(template, store.name, order.number);

  const textRows = rows.map((row) => `${row.label}  ${row.amount}`);
  const text = [store.name, ...address, "", heading, "", ...textRows, ""].join("\n");
  const htmlRows = rows
    .map((row) => `<tr><td>${escapeHtml(row.label)}</td><td>${escapeHtml(row.amount)}</td></tr>`)
    .join("");
  const html =
    `<h1>${escapeHtml(store.name)}</h1>` +
    address.map((line) => `<p>${escapeHtml(line)}</p>`).join("") +
    `<p>${escapeHtml(heading)}</p><table>${htmlRows}</table>`;
  return { to, subject, text, html };
}

function subjectFor(template: EmailTemplate, storeName: string, number: string): string {
  switch (template.id) {
    case "customer_processing_order":
      return `Your ${storeName} order #${number} has been received`;
    case "customer_completed_order":
      return `Your ${storeName} order #${number} is complete`;
    case "customer_on_hold_order":
      return `Your ${storeName} order #${number} is on hold`;
    case "customer_refunded_order":
      return `Your ${storeName} order #${number} has been refunded`;
    default:
      return `Receipt for order #${number} at ${storeName}`;
  }
}

function receiptHeading(order: WireOrder): string {
  const receipt = order.meta_data.find((entry) => entry.key === receiptNumberMetaKey)?.value;
  const receiptPart = typeof receipt === "string" && receipt !== "" ? `Receipt ${receipt}, ` : "";
  return `${receiptPart}order #${order.number}, ${order.date_created_gmt} UTC`;
}

function storeAddressLines(store: StoreSettings): string[] {
  const street = [store.address.address1, store.address.address2].filter(Boolean).join(", ");
  const town = [store.address.postcode, store.address.city].filter(Boolean).join(" ");
  return [street, town].filter((line) => line !== "");
}

/** Lists the receipt's rows, top to bottom, with amounts prefixed by the currency code. */
function receiptRows(order: WireOrder): { label: string; amount: string }[] {
  const money = (amount: string) => `${order.currency} ${amount}`;
  const decimals = decimalsOf(order.total);
  const rows: { label: string; amount: string }[] = [];
  for (const line of order.line_items) {
    rows.push({ label: `${line.quantity} x ${line.name}`, amount: money(line.total) });
  }
  for (const fee of order.fee_lines) rows.push({ label: fee.name, amount: money(fee.total) });
  for (const shipping of order.shipping_lines) {
    rows.push({ label: shipping.method_title || "Shipping", amount: money(shipping.total) });
  }
  for (const coupon of order.coupon_lines) {
    rows.push({ label: `Coupon ${coupon.code}`, amount: money(`-${coupon.discount}`) });
  }
  for (const tax of order.tax_lines) {
    const taxTotal = addAmounts(tax.tax_total, tax.shipping_tax_total, decimals);
    rows.push({ label: `${tax.label} ${tax.rate_percent}%`, amount: money(taxTotal) });
  }
  rows.push({ label: "Total", amount: money(order.total) });
  rows.push(...tenderRows(order, decimals, money));
  return rows;
}

function tenderRows(order: WireOrder, decimals: number, money: (amount: string) => string) {
  const meta = order.meta_data.find((entry) => entry.key === posTendersMetaKey);
  if (meta === undefined) {
    const title = order.payment_method_title || order.payment_method;
    return title === "" ? [] : [{ label: `Paid by ${title}`, amount: money(order.total) }];
  }
  const tenders = parsePosTenders(meta.value, decimals, order.number);
  const change = sumMoney(tenders.map((tender) => tender.change));
  return [
    ...tenders.map((tender) => ({
      label: `Paid by ${tenderName(tender.methodTitle, tender.reference)}`,
      amount: money(formatMoney(tender.amount, decimals)),
    })),
    { label: "Change", amount: money(formatMoney(change, decimals)) },
  ];
}

/** Names a tender as the printed receipt does: "External card (slip 004512)". */
function tenderName(title: string, reference: string | undefined): string {
  return reference === undefined ? title : `${title} (slip ${reference})`;
}

/** Counts the decimals of an amount as the order wrote it ("12.50" has 2). */
function decimalsOf(amount: string): number {
  const point = amount.indexOf(".");
  return point === -1 ? 0 : amount.length - point - 1;
}

function addAmounts(left: string, right: string, decimals: number): string {
  const sum = sumMoney([parseMoney(left, decimals), parseMoney(right || "0", decimals)]);
  return formatMoney(sum, decimals);
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
