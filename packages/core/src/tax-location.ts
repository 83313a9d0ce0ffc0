/** The address tax is calculated for: the store's for counter sales, or the customer's. */
export interface TaxLocation {
  /** ISO 3166-1 alpha-2 country code ("GB"). */
  country: string;
  /** State or county code as WooCommerce stores it ("CA"); "" when none. */
  state: string;
  postcode: string;
  city: string;
}
