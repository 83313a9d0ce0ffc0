import type { Product, Variation } from "@pos/core";
import type { PosStore } from "@pos/woo";
import type { CartLine } from "../db/stored-order.js";
import { catalogPrice } from "../money/display-money.js";

export type NewCartLine = Omit<CartLine, "lineId" | "quantity">;

/** Builds a cart line for a product, or for one of its variations (never the variable parent alone). */
export function lineFromCatalog(
  product: Product,
  variation: Variation | null,
  store: Pick<
    PosStore,
    "currency_symbol" | "decimals" | "decimal_separator" | "thousand_separator"
  >,
): NewCartLine {
  const item = variation ?? product;
  return {
    productId: product.id,
    variationId: variation?.id ?? null,
    name: product.name,
    sku: item.sku,
    attributes: variation?.attributes.map(({ name, option }) => ({ name, option })) ?? [],
    catalogPriceMinor: catalogPrice(item.price, store),
    priceOverrideMinor: null,
    discountBasisPoints: 0,
    onSale: item.onSale,
    taxStatus: item.taxStatus,
    taxClass: item.taxClass,
    categoryIds: product.categoryIds,
  };
}

/** Finds the variation whose attributes match the chosen options; "" on a variation means any. */
export function matchVariation(
  variations: readonly Variation[],
  chosen: Readonly<Record<string, string>>,
): Variation | null {
  const matches = variations.filter((variation) =>
    variation.attributes.every(
      (attribute) => attribute.option === "" || chosen[attribute.name] === attribute.option,
    ),
  );
  return matches[0] ?? null;
}

/**
 * Whether some variation sells `option` for `attributeName` together with the options already
 * chosen for the other attributes, so the picker can mark the combinations no variation sells.
 */
export function optionIsSold(
  variations: readonly Variation[],
  chosen: Readonly<Record<string, string>>,
  attributeName: string,
  option: string,
): boolean {
  const wanted = { ...chosen, [attributeName]: option };
  return variations.some((variation) =>
    variation.attributes.every((attribute) => {
      const value = wanted[attribute.name];
      return attribute.option === "" || value === undefined || value === attribute.option;
    }),
  );
}

/** Formats a line's title as WooCommerce names variations: "Hoodie - Red, No". */
export function itemTitle(name: string, attributes: readonly { option: string }[]): string {
  const options = attributes
    .map((attribute) => attribute.option)
    .filter((option) => option !== "")
    .join(", ");
  return options ? `${name} - ${options}` : name;
}
