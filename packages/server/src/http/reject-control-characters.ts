import type { FastifyInstance, FastifyRequest } from "fastify";
import { invalidParamError } from "./woo-error.js";
import type { WooError } from "./woo-error.js";

/**
 * Tells whether a UTF-16 code unit is a C0 control character other than tab, line feed and
 * carriage return. PostgreSQL cannot store U+0000 in a text column at all, and WordPress strips
 * these characters from text it sanitizes, so no field of this API has a use for them.
 */
function isControlCharacter(code: number): boolean {
  return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
}

/**
 * Rejects a request whose JSON body, query string or path parameters contain a C0 control
 * character in any string or object key, with a 400 `rest_invalid_param` naming the field.
 * It runs before validation and before any handler, so nothing is written.
 */
export function installControlCharacterCheck(app: FastifyInstance): void {
  app.addHook("preValidation", (request, _reply, done) => {
    done(controlCharacterError(request));
  });
}

function controlCharacterError(request: FastifyRequest): WooError | undefined {
  const sources: Array<[string, unknown]> = [
    ["query", request.query],
    ["params", request.params],
    ["body", request.body],
  ];
  for (const [source, value] of sources) {
    const found = findControlCharacter(value, []);
    if (found === null) continue;
    const param = escapeControlCharacters(found.path[0] ?? source);
    const field = formatFieldPath(found.path, source);
    return invalidParamError(
      param,
      `${field} contains the control character ${found.codePoint}, which is not allowed. ` +
        "Remove it and send the request again.",
    );
  }
  return undefined;
}

interface ControlCharacterHit {
  path: string[];
  /** The character as `U+0000`. */
  codePoint: string;
}

function findControlCharacter(value: unknown, path: string[]): ControlCharacterHit | null {
  if (typeof value === "string") {
    const index = firstControlCharacter(value);
    if (index === -1) return null;
    const code = value.charCodeAt(index).toString(16).toUpperCase().padStart(4, "0");
    return { path, codePoint: `U+${code}` };
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const hit = findControlCharacter(item, [...path, String(index)]);
      if (hit !== null) return hit;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const keyHit = findControlCharacter(key, [...path, key]);
      if (keyHit !== null) return keyHit;
      const hit = findControlCharacter(item, [...path, key]);
      if (hit !== null) return hit;
    }
  }
  return null;
}

/** Returns the index of the first control character in `text`, or -1. */
function firstControlCharacter(text: string): number {
  for (let index = 0; index < text.length; index++) {
    if (isControlCharacter(text.charCodeAt(index))) return index;
  }
  return -1;
}

/** Writes a path as WordPress names nested parameters: `line_items[0][name]`. */
function formatFieldPath(path: string[], source: string): string {
  const [first, ...rest] = path.map(escapeControlCharacters);
  if (first === undefined) return source;
  return first + rest.map((segment) => `[${segment}]`).join("");
}

/** Shows control characters in an object key as `\u0000`, so the message itself stays clean. */
function escapeControlCharacters(text: string): string {
  let escaped = "";
  for (const character of text) {
    const code = character.charCodeAt(0);
    escaped += isControlCharacter(code) ? `\\u${code.toString(16).padStart(4, "0")}` : character;
  }
  return escaped;
}
