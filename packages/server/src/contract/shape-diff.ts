/** Objects whose keys are data (a setting's choices), not field names: only value types count. */
const keyedByData = new Set(["options"]);

/**
 * Lists where two JSON values differ in shape: a key present on one side only, or a value of
 * another JSON type. Values themselves are not compared, and null matches any type, since which
 * nullable fields are set depends on the record. Arrays compare element by element up to the
 * shorter length (records with a string `id`, such as settings, by id); an empty array against
 * a filled one is no difference.
 */
export function shapeDifferences(ours: unknown, recorded: unknown, path = "body"): string[] {
  const ourType = jsonType(ours);
  const recordedType = jsonType(recorded);
  if (ourType === "null" || recordedType === "null") return [];
  if (ourType !== recordedType) {
    return [`${path}: ${ourType} where WooCommerce has ${recordedType}`];
  }
  if (Array.isArray(ours) && Array.isArray(recorded)) return arrayDifferences(ours, recorded, path);
  if (ourType !== "object") return [];
  const ourRecord = ours as Record<string, unknown>;
  const recordedRecord = recorded as Record<string, unknown>;
  if (keyedByData.has(path.slice(path.lastIndexOf(".") + 1))) {
    const ourValues = Object.values(ourRecord).slice(0, 1);
    const recordedValues = Object.values(recordedRecord).slice(0, 1);
    return arrayDifferences(ourValues, recordedValues, `${path}{}`);
  }
  const differences: string[] = [];
  for (const key of Object.keys(recordedRecord)) {
    if (!(key in ourRecord)) differences.push(`${path}.${key}: missing`);
    else
      differences.push(...shapeDifferences(ourRecord[key], recordedRecord[key], `${path}.${key}`));
  }
  for (const key of Object.keys(ourRecord)) {
    if (!(key in recordedRecord)) differences.push(`${path}.${key}: not in WooCommerce`);
  }
  return differences;
}

function arrayDifferences(ours: unknown[], recorded: unknown[], path: string): string[] {
  const recordedById = new Map<unknown, unknown>();
  for (const item of recorded) {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === "string") recordedById.set(id, item);
  }
  const found = new Set<string>();
  ours.forEach((item, index) => {
    const id = (item as { id?: unknown } | null)?.id;
    const counterpart =
      recordedById.size > 0
        ? recordedById.get(id)
        : index < recorded.length
          ? recorded[index]
          : undefined;
    if (counterpart === undefined) return;
    for (const difference of shapeDifferences(item, counterpart, `${path}[]`))
      found.add(difference);
  });
  return [...found];
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Lists header names sent by one side only, leaving out the names in `ignored`. */
export function headerDifferences(
  ours: Record<string, unknown>,
  recorded: Record<string, unknown>,
  ignored: ReadonlySet<string>,
): string[] {
  const ourNames = new Set(Object.keys(ours).map((name) => name.toLowerCase()));
  const recordedNames = new Set(Object.keys(recorded).map((name) => name.toLowerCase()));
  const differences: string[] = [];
  for (const name of recordedNames) {
    if (!ignored.has(name) && !ourNames.has(name)) differences.push(`header ${name}: missing`);
  }
  for (const name of ourNames) {
    if (!ignored.has(name) && !recordedNames.has(name)) {
      differences.push(`header ${name}: not in WooCommerce`);
    }
  }
  return differences;
}
