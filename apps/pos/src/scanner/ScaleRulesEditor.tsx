import type { ScaleBarcodeRule } from "@pos/core";

interface ScaleRulesEditorProps {
  rules: ScaleBarcodeRule[];
  onChange: (rules: ScaleBarcodeRule[]) => void;
}

const valueKinds: { kind: ScaleBarcodeRule["valueKind"]; label: string }[] = [
  { kind: "weight-grams", label: "Weight in grams" },
  { kind: "weight-kilograms", label: "Weight in kg (3 decimals)" },
  { kind: "price", label: "Price in minor units" },
];

/** Edits the scale barcode rules: prefix, item code length, value length and what the value is. */
export function ScaleRulesEditor({ rules, onChange }: ScaleRulesEditorProps) {
  const update = (index: number, change: Partial<ScaleBarcodeRule>) =>
    onChange(rules.map((rule, at) => (at === index ? { ...rule, ...change } : rule)));

  return (
    <fieldset className="scale-rules">
      <legend>Scale barcodes</legend>
      <table>
        <thead>
          <tr>
            <th scope="col">Prefix</th>
            <th scope="col">Item code digits</th>
            <th scope="col">Value digits</th>
            <th scope="col">Value</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule, index) => (
            <tr key={index}>
              <td>
                <input
                  aria-label={`Prefix of scale rule ${index + 1}`}
                  value={rule.prefix}
                  inputMode="numeric"
                  size={3}
                  onChange={(event) => update(index, { prefix: event.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`Item code digits of scale rule ${index + 1}`}
                  type="number"
                  min={1}
                  max={10}
                  value={rule.itemCodeLength}
                  onChange={(event) =>
                    update(index, { itemCodeLength: Number(event.target.value) })
                  }
                />
              </td>
              <td>
                <input
                  aria-label={`Value digits of scale rule ${index + 1}`}
                  type="number"
                  min={1}
                  max={10}
                  value={rule.valueLength}
                  onChange={(event) => update(index, { valueLength: Number(event.target.value) })}
                />
              </td>
              <td>
                <select
                  aria-label={`Value of scale rule ${index + 1}`}
                  value={rule.valueKind}
                  onChange={(event) =>
                    update(index, {
                      valueKind: event.target.value as ScaleBarcodeRule["valueKind"],
                    })
                  }
                >
                  {valueKinds.map(({ kind, label }) => (
                    <option key={kind} value={kind}>
                      {label}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button
                  type="button"
                  onClick={() => onChange(rules.filter((_, at) => at !== index))}
                >
                  Remove rule {index + 1}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() =>
          onChange([
            ...rules,
            { prefix: "2", itemCodeLength: 5, valueLength: 5, valueKind: "weight-grams" },
          ])
        }
      >
        Add scale rule
      </button>
    </fieldset>
  );
}
