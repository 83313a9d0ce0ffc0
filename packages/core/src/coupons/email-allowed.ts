/**
 * Tells whether an email is on a coupon's allowed list, as WooCommerce's
 * `WC_Cart::is_coupon_emails_allowed`: an exact match, or a pattern where `*` stands for any run
 * of characters ("*@example.com"). Case is ignored, as WooCommerce lower-cases both sides.
 */
export function emailAllowed(email: string, restrictions: readonly string[]): boolean {
  const candidate = email.trim().toLowerCase();
  if (candidate === "") return false;

  return restrictions.some((restriction) => {
    const pattern = restriction.trim().toLowerCase();
    if (pattern === candidate) return true;
    const source = pattern.split("*").map(escapeRegExp).join(".*");
    return new RegExp(`^${source}$`).test(candidate);
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
