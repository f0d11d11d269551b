// Validates SARIF text against the official SARIF 2.1.0 schema vendored in
// test/fixtures-schema (see its README for the source). ajv 6 speaks draft-07.
import { readFileSync } from "node:fs";
import Ajv from "ajv";

const schema = JSON.parse(readFileSync(new URL("../fixtures-schema/sarif-schema-2.1.0.json", import.meta.url), "utf8")) as object;
// format "full": check uri, uri-reference and date-time strictly, as the schema asks.
const validate = new Ajv({ allErrors: true, format: "full" }).compile(schema);

/** Schema violations of a SARIF log, as `path: message` lines; empty when valid. */
export function sarifSchemaErrors(text: string): string[] {
  if (validate(JSON.parse(text))) return [];
  return (validate.errors ?? []).map((error) => `${error.dataPath || "/"}: ${error.message ?? "invalid"}`);
}
