import { isCountryCode } from "./countries.js";
import { currencyCodes, describeCurrency } from "./currencies.js";

/** A setting of the settings/general or settings/tax groups, as WooCommerce describes it. */
export interface SettingDefinition {
  id: string;
  group: "general" | "tax";
  label: string;
  description: string;
  type: "text" | "select" | "checkbox" | "number" | "radio";
  default: string;
  options?: Readonly<Record<string, string>>;
  /** Checks a new value; returns an error message, or null when the value is valid. */
  check?: (value: string) => string | null;
}

const yesNo = (value: string) => (value === "yes" || value === "no" ? null : 'use "yes" or "no"');

/** The settings this server keeps; labels and defaults follow WooCommerce 11. */
export const settingDefinitions: readonly SettingDefinition[] = [
  {
    id: "woocommerce_store_address",
    group: "general",
    label: "Address line 1",
    description: "The street address for your business location.",
    type: "text",
    default: "",
  },
  {
    id: "woocommerce_store_address_2",
    group: "general",
    label: "Address line 2",
    description: "An additional, optional address line for your business location.",
    type: "text",
    default: "",
  },
  {
    id: "woocommerce_store_city",
    group: "general",
    label: "City",
    description: "The city in which your business is located.",
    type: "text",
    default: "",
  },
  {
    id: "woocommerce_default_country",
    group: "general",
    label: "Country / State",
    description: "The country and state or province, if any, in which your business is located.",
    type: "select",
    default: "US:CA",
    // NOTE: the state part is checked for its form only, as there is no list of each country's states.
    check: (value) =>
      /^[A-Z]{2}(:[A-Z0-9-]{1,10})?$/.test(value) && isCountryCode(value.slice(0, 2))
        ? null
        : 'use an ISO 3166-1 country code with an optional state, such as "US:CA" or "GB"',
  },
  {
    id: "woocommerce_store_postcode",
    group: "general",
    label: "Postcode / ZIP",
    description: "The postal code, if any, in which your business is located.",
    type: "text",
    default: "",
  },
  {
    id: "woocommerce_calc_taxes",
    group: "general",
    label: "Enable taxes",
    description: "Enable tax rates and calculations",
    type: "checkbox",
    default: "no",
    check: yesNo,
  },
  {
    id: "woocommerce_enable_coupons",
    group: "general",
    label: "Enable coupons",
    description: "Enable the use of coupon codes",
    type: "checkbox",
    default: "yes",
    check: yesNo,
  },
  {
    id: "woocommerce_calc_discounts_sequentially",
    group: "general",
    label: "",
    description: "Calculate coupon discounts sequentially",
    type: "checkbox",
    default: "no",
    check: yesNo,
  },
  {
    id: "woocommerce_currency",
    group: "general",
    label: "Currency",
    description:
      "This controls what currency prices are listed at in the catalog and which currency gateways will take payments in.",
    type: "select",
    default: "USD",
    options: Object.fromEntries(
      currencyCodes.map((code) => [
        code,
        `${describeCurrency(code).name} (${describeCurrency(code).entity}) — ${code}`,
      ]),
    ),
  },
  {
    id: "woocommerce_currency_pos",
    group: "general",
    label: "Currency position",
    description: "This controls the position of the currency symbol.",
    type: "select",
    default: "left",
    options: {
      left: "Left",
      right: "Right",
      left_space: "Left with space",
      right_space: "Right with space",
    },
  },
  {
    id: "woocommerce_price_thousand_sep",
    group: "general",
    label: "Thousand separator",
    description: "This sets the thousand separator of displayed prices.",
    type: "text",
    default: ",",
  },
  {
    id: "woocommerce_price_decimal_sep",
    group: "general",
    label: "Decimal separator",
    description: "This sets the decimal separator of displayed prices.",
    type: "text",
    default: ".",
    check: (value) => (value.trim() === "" ? 'use a non-empty separator such as "." or ","' : null),
  },
  {
    id: "woocommerce_price_num_decimals",
    group: "general",
    label: "Number of decimals",
    description: "This sets the number of decimal points shown in displayed prices.",
    type: "number",
    default: "2",
    check: (value) => (/^[0-3]$/.test(value) ? null : "use a whole number from 0 to 3"),
  },
  {
    id: "woocommerce_prices_include_tax",
    group: "tax",
    label: "Prices entered with tax",
    description: "",
    type: "radio",
    default: "no",
    options: {
      yes: "Yes, I will enter prices inclusive of tax",
      no: "No, I will enter prices exclusive of tax",
    },
  },
  {
    id: "woocommerce_tax_based_on",
    group: "tax",
    label: "Calculate tax based on",
    description: "",
    type: "select",
    default: "shipping",
    options: {
      shipping: "Customer shipping address",
      billing: "Customer billing address",
      base: "Shop base address",
    },
  },
  {
    id: "woocommerce_tax_round_at_subtotal",
    group: "tax",
    label: "Rounding",
    description: "Round tax at subtotal level, instead of rounding per line",
    type: "checkbox",
    default: "no",
    check: yesNo,
  },
];

export function findSettingDefinition(group: string, id: string): SettingDefinition | undefined {
  return settingDefinitions.find(
    (definition) => definition.group === group && definition.id === id,
  );
}

/** Checks a value against the setting's options or its own rule; returns an error or null. */
export function checkSettingValue(definition: SettingDefinition, value: string): string | null {
  if (definition.options && !(value in definition.options)) {
    const keys = Object.keys(definition.options);
    // A long list, such as the currencies, is named by its first entries only.
    const shown =
      keys.length > 12
        ? `${keys.slice(0, 5).join(", ")} … (${keys.length} in all)`
        : keys.join(", ");
    return `use one of ${shown}`;
  }
  return definition.check ? definition.check(value) : null;
}
