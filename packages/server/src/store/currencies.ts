/**
 * Store currencies: the alphabetic codes of ISO 4217's list of current currencies, written
 * from the standard's facts as of 2025 and not generated from a file. Fund codes (BOV, CHE,
 * CHW, CLF, COU, MXV, USN, UYI, UYW) are left out. So are precious metals (XAG, XAU, XPD, XPT)
 * and the codes for testing, bond units and drawing rights (XBA–XBD, XDR, XSU, XTS, XUA, XXX).
 * ANG, SLL and ZWL stay beside the currencies that replace them (XCG, SLE, ZWG), so a store
 * that still prices in them can keep its setting.
 */
export const currencyCodes: readonly string[] = Object.freeze(
  (
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN " +
    "BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD " +
    "FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY " +
    "KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP " +
    "MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR " +
    "RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS " +
    "TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF " +
    "YER ZAR ZMW ZWG ZWL"
  ).split(" "),
);

/**
 * Names and symbols that WooCommerce's `get_woocommerce_currencies` and
 * `get_woocommerce_currency_symbols` give differently from Unicode CLDR's English data,
 * which names and shows every other currency.
 */
const wooCommerceWording: Readonly<
  Record<string, { name: string; symbol: string; entity: string }>
> = {
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

const knownCodes = new Set(currencyCodes);
const displayNames = new Intl.DisplayNames(["en"], { type: "currency" });

/** Tells whether `code` is one of the store currencies this server accepts. */
export function isCurrencyCode(code: string): boolean {
  return knownCodes.has(code);
}

/**
 * Describes a currency by its ISO 4217 code. Names and symbols other than WooCommerce's own
 * wording come from the CLDR data in Node.js's ICU, so they can change with the Node.js
 * version. An unknown code is described by the code itself.
 */
export function describeCurrency(code: string): CurrencyInfo {
  const own = wooCommerceWording[code];
  if (own !== undefined) return { code, ...own };
  if (!knownCodes.has(code)) return { code, name: code, symbol: code, entity: code };
  const name = displayNames.of(code) ?? code;
  const symbol = narrowSymbol(code);
  return { code, name, symbol, entity: htmlEntities(symbol) };
}

function narrowSymbol(code: string): string {
  const format = new Intl.NumberFormat("en", {
    style: "currency",
    currency: code,
    currencyDisplay: "narrowSymbol",
  });
  return format.formatToParts(1).find((part) => part.type === "currency")?.value ?? code;
}

/** Writes every character outside printable ASCII as `&#x…;`, as WooCommerce's entity symbols. */
function htmlEntities(text: string): string {
  return [...text]
    .map((character) => {
      const codePoint = character.codePointAt(0) ?? 0;
      return codePoint >= 0x20 && codePoint < 0x7f && character !== "&"
        ? character
        : `&#x${codePoint.toString(16)};`;
    })
    .join("");
}
