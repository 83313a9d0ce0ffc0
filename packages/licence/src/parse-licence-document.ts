import type { z } from "zod";

import {
  LICENCE_FORMAT,
  LICENCE_FORMAT_VERSION,
  MAX_LICENCE_DOCUMENT_CHARS,
  licenceDocumentSchema,
  type LicenceDocument,
} from "./licence.js";

/** Result of reading a licence document from JSON text or a parsed JSON value. */
export type ParsedLicenceDocument =
  { ok: true; document: LicenceDocument } | { ok: false; message: string };

const FIX = "activate the licence key again to get a fresh copy";

/** Reads a licence document from JSON text or a parsed value, naming the first problem found. */
export function parseLicenceDocument(input: unknown): ParsedLicenceDocument {
  const value =
    typeof input === "string" ? parseJsonText(input) : { ok: true as const, value: input };
  if (!value.ok) return value;

  const candidate = value.value;
  if (typeof candidate !== "object" || candidate === null || Array.isArray(candidate)) {
    return malformed(`expected a JSON object, got ${describeJsonType(candidate)}`);
  }

  const header = candidate as { format?: unknown; version?: unknown };
  if (header.format !== LICENCE_FORMAT) {
    return malformed(
      `its format is ${JSON.stringify(header.format)}, expected "${LICENCE_FORMAT}"`,
    );
  }
  if (typeof header.version === "number" && header.version > LICENCE_FORMAT_VERSION) {
    return {
      ok: false,
      message:
        `licence document version ${header.version} is newer than this version of the ` +
        `software understands (version ${LICENCE_FORMAT_VERSION}); update the store server and the till`,
    };
  }

  const parsed = licenceDocumentSchema.safeParse(candidate);
  if (!parsed.success) return malformed(describeIssue(parsed.error.issues[0]));
  return { ok: true, document: parsed.data };
}

function parseJsonText(
  text: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text.length > MAX_LICENCE_DOCUMENT_CHARS) {
    return malformed(`it is ${text.length} characters long, at most ${MAX_LICENCE_DOCUMENT_CHARS}`);
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return malformed("it is not valid JSON");
  }
}

function malformed(reason: string): { ok: false; message: string } {
  return { ok: false, message: `licence document is malformed: ${reason}; ${FIX}` };
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return "it does not match the licence format";
  const path = issue.path.map(String).join(".");
  return path === "" ? issue.message : `${path}: ${issue.message}`;
}

function describeJsonType(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
