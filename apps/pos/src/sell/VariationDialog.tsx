import { useEffect, useId, useRef, useState } from "react";
import type { Product, Variation } from "@pos/core";
import { matchVariation, optionIsSold } from "../cart/line-from-catalog.js";
import { catalogPrice, displayMoney } from "../money/display-money.js";
import { useTill } from "../till/till-context.js";

interface VariationDialogProps {
  product: Product;
  onAdd: (variation: Variation) => void;
  onClose: () => void;
}

/** Picks one option per attribute of a variable product, then adds the matching variation. */
export function VariationDialog({ product, onAdd, onClose }: VariationDialogProps) {
  const ids = useId();
  const { catalog, session } = useTill();
  const dialog = useRef<HTMLDialogElement>(null);
  const [variations, setVariations] = useState<Variation[] | null>(null);
  const [chosen, setChosen] = useState<Record<string, string>>(() => singleOptions(product));

  useEffect(() => {
    dialog.current?.showModal();
    void catalog.variations
      .where("parentId")
      .equals(product.id)
      .toArray()
      .then((found) => setVariations(found.filter((v) => v.status === "publish")));
  }, [catalog, product.id]);

  const attributes = product.attributes.filter((attribute) => attribute.variation);
  const complete = attributes.every((attribute) => chosen[attribute.name] !== undefined);
  const match = complete && variations ? matchVariation(variations, chosen) : null;

  return (
    <dialog ref={dialog} aria-labelledby={`${ids}-title`} onClose={onClose} className="dialog">
      <h2 id={`${ids}-title`}>Choose options: {product.name}</h2>
      {variations === null && <p>Loading options…</p>}
      {variations?.length === 0 && (
        <p role="alert">This product has no variations on this till yet; wait for the sync.</p>
      )}
      {attributes.map((attribute) => (
        <fieldset key={attribute.name}>
          <legend>{attribute.name}</legend>
          {attribute.options.map((option) => {
            const sold =
              variations === null || optionIsSold(variations, chosen, attribute.name, option);
            return (
              <label key={option} className="option">
                <input
                  type="radio"
                  name={`${ids}-${attribute.name}`}
                  value={option}
                  checked={chosen[attribute.name] === option}
                  onChange={() => setChosen({ ...chosen, [attribute.name]: option })}
                />
                {option}
                {sold ? null : <span className="option-note"> (not sold with this choice)</span>}
              </label>
            );
          })}
        </fieldset>
      ))}
      <p aria-live="polite">
        {match
          ? `${match.sku || "No SKU"}: ${displayMoney(catalogPrice(match.price, session.store), session.store)}`
          : complete
            ? "This combination is not sold."
            : "Choose an option for each attribute."}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={!match}
          onClick={() => {
            if (!match) return;
            onAdd(match);
            dialog.current?.close();
          }}
        >
          Add to cart
        </button>
      </div>
    </dialog>
  );
}

/** Attributes with one option need no choice, so they start chosen. */
function singleOptions(product: Product): Record<string, string> {
  const chosen: Record<string, string> = {};
  for (const attribute of product.attributes) {
    const [only, ...others] = attribute.options;
    if (attribute.variation && only !== undefined && others.length === 0) {
      chosen[attribute.name] = only;
    }
  }
  return chosen;
}
