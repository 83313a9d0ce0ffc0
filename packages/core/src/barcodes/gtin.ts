export type GtinKind = "EAN-8" | "UPC-E" | "UPC-A" | "EAN-13" | "GTIN-14";

export type GtinResult =
  | { ok: true; gtin14: string; kind: GtinKind }
  | { ok: false; reason: "not-digits" | "bad-length" | "bad-check-digit"; message: string };

/**
 * Computes the GS1 check digit for the digits before it. Weights 3 and 1 alternate from the
 * rightmost digit, and the check digit brings the weighted sum to a multiple of 10.
 */
export function gtinCheckDigit(body: string): number {
  let total = 0;
  for (let index = 0; index < body.length; index++) {
    const digit = body.charCodeAt(body.length - 1 - index) - 48;
    total += index % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (total % 10)) % 10;
}

export function hasValidCheckDigit(code: string): boolean {
  return /^\d{2,}$/.test(code) && gtinCheckDigit(code.slice(0, -1)) === Number(code.slice(-1));
}

/**
 * Expands an 8-digit UPC-E code (number system 0 or 1, six digits, check digit) to its 12-digit
 * UPC-A form, or returns undefined when it is not one. The last of the six digits tells where the
 * zeros that UPC-E suppresses go back in.
 */
export function expandUpcE(code: string): string | undefined {
  if (!/^[01]\d{7}$/.test(code)) return undefined;
  const system = code.charAt(0);
  const [d1, d2, d3, d4, d5, d6] = code.slice(1, 7).split("");
  const check = code.charAt(7);

  let body: string;
  if (d6 === "0" || d6 === "1" || d6 === "2") body = `${d1}${d2}${d6}0000${d3}${d4}${d5}`;
  else if (d6 === "3") body = `${d1}${d2}${d3}00000${d4}${d5}`;
  else if (d6 === "4") body = `${d1}${d2}${d3}${d4}00000${d5}`;
  else body = `${d1}${d2}${d3}${d4}${d5}0000${d6}`;
  return `${system}${body}${check}`;
}

/**
 * Brings EAN-8, UPC-E, UPC-A, EAN-13 and GTIN-14 codes to one form, the 14-digit GTIN, so a
 * UPC-A printed on a product and the same code read as EAN-13 compare equal. A wrong check digit
 * means a misread and is rejected. An 8-digit code is read as EAN-8 when its check digit fits,
 * otherwise as UPC-E.
 */
export function normalizeGtin(code: string): GtinResult {
  const digits = code.trim();
  if (!/^\d+$/.test(digits)) {
    return fail("not-digits", `barcode "${code}" is not a GTIN: it must contain only digits`);
  }

  if (digits.length === 8) return normalizeEightDigits(digits);
  const kind = kindByLength[digits.length];
  if (kind === undefined) {
    return fail(
      "bad-length",
      `barcode "${code}" has ${digits.length} digits: a GTIN has 8, 12, 13 or 14`,
    );
  }
  return checked(digits, digits, kind);
}

const kindByLength: Partial<Record<number, GtinKind>> = {
  12: "UPC-A",
  13: "EAN-13",
  14: "GTIN-14",
};

function normalizeEightDigits(digits: string): GtinResult {
  if (hasValidCheckDigit(digits))
    return { ok: true, gtin14: digits.padStart(14, "0"), kind: "EAN-8" };
  const upcA = expandUpcE(digits);
  if (upcA !== undefined && hasValidCheckDigit(upcA)) {
    return { ok: true, gtin14: upcA.padStart(14, "0"), kind: "UPC-E" };
  }
  return checked(digits, digits, "EAN-8");
}

function checked(original: string, digits: string, kind: GtinKind): GtinResult {
  const expected = gtinCheckDigit(digits.slice(0, -1));
  if (expected !== Number(digits.slice(-1))) {
    return fail(
      "bad-check-digit",
      `barcode "${original}" has check digit ${digits.slice(-1)} but should end in ${expected}: ` +
        `it was probably misread, so scan it again`,
    );
  }
  return { ok: true, gtin14: digits.padStart(14, "0"), kind };
}

function fail(
  reason: "not-digits" | "bad-length" | "bad-check-digit",
  message: string,
): GtinResult {
  return { ok: false, reason, message };
}
