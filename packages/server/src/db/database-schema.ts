import type { Generated } from "kysely";

/**
 * Tables of the store database. Booleans are stored as integers (0/1) and JSON as text, so one
 * set of queries serves SQLite and PostgreSQL alike.
 */
export interface DatabaseSchema {
  products: ProductsTable;
  terms: TermsTable;
  product_terms: ProductTermsTable;
  customers: CustomersTable;
  users: UsersTable;
  auth_tokens: AuthTokensTable;
  api_keys: ApiKeysTable;
  oauth_nonces: OauthNoncesTable;
  tax_rates: TaxRatesTable;
  settings: SettingsTable;
  orders: OrdersTable;
  refunds: RefundsTable;
  coupons: CouponsTable;
  counters: CountersTable;
  changes: ChangesTable;
  login_failures: LoginFailuresTable;
}

/** One failed login, keyed `user:NAME` or `addr:IP`, at a time in epoch milliseconds. */
export interface LoginFailuresTable {
  key: string;
  failed_at_ms: number;
}

/** Products and variations in one table, as WordPress keeps them (variations have a parent). */
export interface ProductsTable {
  id: Generated<number>;
  parent_id: number;
  type: string;
  status: string;
  name: string;
  slug: string;
  sku: string;
  global_unique_id: string;
  price: string;
  regular_price: string;
  sale_price: string;
  featured: number;
  catalog_visibility: string;
  tax_status: string;
  tax_class: string;
  manage_stock: number;
  stock_quantity: number | null;
  stock_status: string;
  backorders: string;
  total_sales: number;
  menu_order: number;
  date_created_gmt: string;
  date_modified_gmt: string;
  /** JSON of `ProductDetails`: descriptions, images, attributes, dimensions and the rest. */
  details: string;
}

/** Product categories (`product_cat`) and tags (`product_tag`). */
export interface TermsTable {
  id: Generated<number>;
  taxonomy: string;
  name: string;
  slug: string;
  parent_id: number;
  description: string;
  menu_order: number;
}

export interface ProductTermsTable {
  product_id: number;
  term_id: number;
}

export interface CustomersTable {
  id: Generated<number>;
  email: string;
  username: string;
  first_name: string;
  last_name: string;
  role: string;
  /** JSON of the WooCommerce billing address. */
  billing: string;
  /** JSON of the WooCommerce shipping address. */
  shipping: string;
  meta_data: string;
  /** Lower-cased email, names, username, phone, company and city, for `search`. */
  search_text: string;
  is_paying_customer: number;
  date_created_gmt: string;
  date_modified_gmt: string;
}

/** Staff who log in to the till: administrators, managers and cashiers. */
export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  date_created_gmt: string;
}

export interface AuthTokensTable {
  /** SHA-256 of the token in hex; the token itself is never stored. */
  token_hash: string;
  user_id: number;
  kind: string;
  /** ISO 8601 UTC instant with milliseconds, so text order is time order. */
  expires_at: string;
  revoked: number;
}

/** WooCommerce REST API keys (consumer key and secret) of staff users. */
export interface ApiKeysTable {
  id: Generated<number>;
  user_id: number;
  description: string;
  /** read, write or read_write. */
  permissions: string;
  /** SHA-256 of the consumer key in hex; the key itself is not stored. */
  consumer_key_hash: string;
  /** The consumer secret itself, which OAuth 1.0a signatures need. */
  consumer_secret: string;
  /** The key's last 7 characters, to show which key this is. */
  truncated_key: string;
  date_created_gmt: string;
}

/** OAuth 1.0a nonces seen per API key, so a signed request cannot be replayed. */
export interface OauthNoncesTable {
  api_key_id: number;
  nonce: string;
  /** The request's `oauth_timestamp`, in seconds since 1970. */
  timestamp_seconds: number;
}

export interface TaxRatesTable {
  id: Generated<number>;
  country: string;
  state: string;
  postcodes: string;
  cities: string;
  rate: string;
  name: string;
  priority: number;
  compound: number;
  shipping: number;
  rate_order: number;
  tax_class: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface OrdersTable {
  id: Generated<number>;
  status: string;
  currency: string;
  customer_id: number;
  client_uuid: string | null;
  total: string;
  date_created_gmt: string;
  date_modified_gmt: string;
  /** JSON of `StoredOrder`: lines, addresses, totals and payment. */
  details: string;
}

export interface RefundsTable {
  id: Generated<number>;
  order_id: number;
  amount: string;
  date_created_gmt: string;
  details: string;
}

export interface CouponsTable {
  id: Generated<number>;
  code: string;
  usage_count: number;
  date_created_gmt: string;
  date_modified_gmt: string;
  details: string;
}

/** Named counters taken with `UPDATE … RETURNING`, which locks the row until commit. */
export interface CountersTable {
  name: string;
  value: number;
}

/** The change journal: one row per record, holding the sequence of its latest change. */
export interface ChangesTable {
  seq: number;
  collection: string;
  record_id: number;
  deleted: number;
}
