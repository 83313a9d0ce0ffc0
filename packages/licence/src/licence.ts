import { z } from "zod";

import { normaliseStoreOrigin } from "./store-origin.js";

/** Name of the licence document format, stored in every document's `format` field. */
export const LICENCE_FORMAT = "pos-licence";

/** Document format version this code reads and writes. */
export const LICENCE_FORMAT_VERSION = 1;

/** Maximum length of licence document text; a real document is well under 1 KiB. */
export const MAX_LICENCE_DOCUMENT_CHARS = 16_384;

const identifierSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "must be 1 to 64 letters, digits, '.', '_' or '-'");

const utcInstantSchema = z.iso.datetime({
  message: "must be a UTC time such as 2026-12-04T16:00:00Z",
});

const storeOriginSchema = z
  .string()
  .max(2048)
  .refine((origin) => {
    const normalised = normaliseStoreOrigin(origin);
    return normalised.ok && normalised.origin === origin;
  }, "must be a normalised origin such as https://shop.example");

/** The signed part of a licence document, in its wire form. */
export const licencePayloadSchema = z
  .strictObject({
    licence_id: identifierSchema,
    key_id: identifierSchema,
    store_origin: storeOriginSchema,
    registers: z.int().min(1).max(10_000),
    issued_at: utcInstantSchema,
    expires_at: utcInstantSchema,
    grace_days: z.int().min(0).max(365),
    edition: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, "must be a lower-case edition name"),
  })
  .refine((payload) => Date.parse(payload.issued_at) < Date.parse(payload.expires_at), {
    message: "expires_at must be later than issued_at",
    path: ["expires_at"],
  });

export type LicencePayload = z.infer<typeof licencePayloadSchema>;

/** A licence document as the licence service issues it and the store server stores it. */
export const licenceDocumentSchema = z.strictObject({
  format: z.literal(LICENCE_FORMAT),
  version: z.literal(LICENCE_FORMAT_VERSION),
  payload: licencePayloadSchema,
  // An Ed25519 signature is 64 bytes, which is 86 base64url characters without padding.
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, "must be 86 base64url characters"),
});

export type LicenceDocument = z.infer<typeof licenceDocumentSchema>;

/** A verified licence's terms, in the domain's camelCase. */
export interface Licence {
  readonly licenceId: string;
  readonly keyId: string;
  readonly storeOrigin: string;
  readonly registers: number;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly graceDays: number;
  readonly edition: string;
}

/** Converts a wire payload to the domain's licence terms. */
export function toLicence(payload: LicencePayload): Licence {
  return Object.freeze({
    licenceId: payload.licence_id,
    keyId: payload.key_id,
    storeOrigin: payload.store_origin,
    registers: payload.registers,
    issuedAt: payload.issued_at,
    expiresAt: payload.expires_at,
    graceDays: payload.grace_days,
    edition: payload.edition,
  });
}

/**
 * Encodes a payload as the bytes that are signed: a prefix naming the format and version, then
 * the payload as JSON with its keys in code-unit order and no white space. Every value is a
 * string or a safe integer, so JSON.stringify writes each one the same way on every platform
 * (the same output as RFC 8785 for these types). The prefix keeps a signature made for another
 * format or version from verifying here.
 */
export function encodeLicencePayload(payload: LicencePayload): Uint8Array<ArrayBuffer> {
  const keys = Object.keys(payload).sort() as (keyof LicencePayload)[];
  const members = keys.map((key) => `${JSON.stringify(key)}:${JSON.stringify(payload[key])}`);
  const text = `${LICENCE_FORMAT}/${LICENCE_FORMAT_VERSION}\n{${members.join(",")}}`;
  return new TextEncoder().encode(text);
}
