/** Names and symbols of common currencies, as WooCommerce's `get_woocommerce_currencies` lists them. */
const currencies: Readonly<Record<string, { name: string; symbol: string; entity: string }>> = {
  USD: { name: "United States (US) dollar", symbol: "$", entity: "&#36;" },
  EUR: { name: "Euro", symbol: "€", entity: "&euro;" },
  GBP: { name: "Pound sterling", symbol: "£", entity: "&pound;" },
  JPY: { name: "Japanese yen", symbol: "¥", entity: "&yen;" },
  CAD: { name: "Canadian dollar", symbol: "$", entity: "&#36;" },
  AUD: { name: "Australian dollar", symbol: "$", entity: "&#36;" },
  CHF: { name: "Swiss franc", symbol: "CHF", entity: "&#67;&#72;&#70;" },
  KWD: { name: "Kuwaiti dinar", symbol: "د.ك", entity: "&#x62f;.&#x643;" },
};

export interface CurrencyInfo {
  code: string;
  name: string;
  /** The plain symbol, as orders' `currency_symbol` carries it. */
  symbol: string;
  /** The HTML-entity symbol, as data/currencies sends it. */
  entity: string;
}

export function describeCurrency(code: string): CurrencyInfo {
  const known = currencies[code];
  return known ? { code, ...known } : { code, name: code, symbol: code, entity: code };
}
