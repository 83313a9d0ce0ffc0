/** The store's settings that decide how WooCommerce totals a cart or an order. */
export interface TotalsSettings {
  /** The currency's decimals (`woocommerce_price_num_decimals`): 0, 2 or 3. */
  decimals: number;
  /** `woocommerce_prices_include_tax`: prices are entered with tax. */
  pricesIncludeTax: boolean;
  /** `woocommerce_tax_round_at_subtotal`: round tax once on the sums instead of per line. */
  roundTaxAtSubtotal: boolean;
  /** `woocommerce_calc_taxes`. */
  calcTaxes: boolean;
  /** `woocommerce_calc_discounts_sequentially`. */
  couponsSequential: boolean;
  /**
   * `woocommerce_shipping_tax_class`: a tax class slug, or "inherit" (the default) to take the
   * class of the taxable lines, the standard class first.
   */
  shippingTaxClass?: string;
  /** Slugs of the additional tax classes in the store's order, used when shipping inherits. */
  taxClassSlugs?: readonly string[];
}
