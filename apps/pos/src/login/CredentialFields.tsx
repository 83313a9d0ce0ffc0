import { useId } from "react";

/** Connection kinds: a login on our store server, or a WooCommerce store's credentials. */
export type ConnectionKind = "pos" | "consumerKey" | "applicationPassword";

const fieldLabels: Record<ConnectionKind, [string, string]> = {
  pos: ["Username", "Password"],
  consumerKey: ["Consumer key", "Consumer secret"],
  applicationPassword: ["WordPress username", "Application password"],
};

interface CredentialFieldsProps {
  kind: ConnectionKind;
  fields: { first: string; second: string };
  onChange: (fields: { first: string; second: string }) => void;
}

/** Renders the two credential inputs of a connection kind, each with its visible label. */
export function CredentialFields({ kind, fields, onChange }: CredentialFieldsProps) {
  const ids = useId();
  const [firstLabel, secondLabel] = fieldLabels[kind];
  return (
    <>
      <label htmlFor={`${ids}-first`}>{firstLabel}</label>
      <input
        id={`${ids}-first`}
        autoComplete={kind === "pos" ? "username" : "off"}
        value={fields.first}
        onChange={(event) => onChange({ ...fields, first: event.target.value })}
        required
        autoFocus
      />
      <label htmlFor={`${ids}-second`}>{secondLabel}</label>
      <input
        id={`${ids}-second`}
        type="password"
        autoComplete={kind === "pos" ? "current-password" : "off"}
        value={fields.second}
        onChange={(event) => onChange({ ...fields, second: event.target.value })}
        required
      />
    </>
  );
}
