/**
 * Price rules of WooCommerce products. Prices are decimal strings as WooCommerce stores them;
 * comparing them as numbers is exact enough to order two prices, and no arithmetic is done here.
 */

export interface PriceFields {
  regularPrice: string;
  salePrice: string;
  dateOnSaleFromGmt: string | null;
  dateOnSaleToGmt: string | null;
}

/** Returns whether the sale price applies at `nowGmt` (WooCommerce's `is_on_sale`). */
export function isOnSale(fields: PriceFields, nowGmt: string): boolean {
  if (fields.salePrice === "") return false;
  if (fields.regularPrice !== "" && Number(fields.salePrice) >= Number(fields.regularPrice)) {
    return false;
  }
  if (fields.dateOnSaleFromGmt !== null && fields.dateOnSaleFromGmt > nowGmt) return false;
  if (fields.dateOnSaleToGmt !== null && fields.dateOnSaleToGmt < nowGmt) return false;
  return true;
}

/** Returns the active price: the sale price while on sale, else the regular price. */
export function activePrice(fields: PriceFields, nowGmt: string): string {
  return isOnSale(fields, nowGmt) ? fields.salePrice : fields.regularPrice;
}

/** Returns the lowest of the prices that are set, as a variable or grouped product shows. */
export function lowestPrice(prices: readonly string[]): string {
  const set = prices.filter((price) => price !== "");
  if (set.length === 0) return "";
  return set.reduce((lowest, price) => (Number(price) < Number(lowest) ? price : lowest));
}

/** Normalizes a decimal price as WooCommerce's `wc_format_decimal` does: "18.50" stays, ".5" → "0.5". */
export function formatDecimalPrice(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return "";
  if (!/^\d*(\.\d*)?$/.test(trimmed) || trimmed === ".") return null;
  const [whole = "", fraction] = trimmed.split(".");
  const wholePart = whole.replace(/^0+(?=\d)/, "") || "0";
  return fraction === undefined || fraction === "" ? wholePart : `${wholePart}.${fraction}`;
}

export type StockStatusName = "instock" | "outofstock" | "onbackorder";

/** Derives the stock status of a product that manages its stock (notify threshold 0). */
export function stockStatusFor(quantity: number, backorders: string): StockStatusName {
  if (quantity > 0) return "instock";
  return backorders === "no" ? "outofstock" : "onbackorder";
}
