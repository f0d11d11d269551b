// Terraform reads a variable's value from `TF_VAR_<name>` in the environment, so
// the advice for a value in HCL is to drop it and pass it in that way.

import { firstTokenFrom, type Replacement, type ReplacementSite } from "../shared/replacement.js";
import type { Token } from "../shared/tokens.js";

/** How far back a value's `variable "name" {` is looked for: a variable block has a handful of attributes. */
const BLOCK_LOOKBACK = 64;

/** `var.NAME`: how HCL reads an input variable, which `TF_VAR_NAME` sets from the environment. */
export function hclVariableLookup(envVar: string): string {
  return `var.${envVar.toLowerCase()}`;
}

/** Advice, not an edit: the value leaves the file and comes from `TF_VAR_…` or a secret store. */
export function writeHclReplacement(site: ReplacementSite): Replacement {
  const variable = site.assignment?.name ?? enclosingVariable(site.text, site.tokens, site.valueStart) ?? site.envVar.toLowerCase();
  const text = site.assignment
    ? `keep the value out of this file: delete this line and set TF_VAR_${variable} in the environment or a secret store`
    : `keep the value out of this file: declare variable "${variable}" with no default, read it as var.${variable}, and set TF_VAR_${variable} in the environment or a secret store`;
  return { text, edits: [] };
}

/** The label of the `variable "NAME" {` block holding `offset`, when it is one. */
function enclosingVariable(text: string, tokens: readonly Token[], offset: number): string | undefined {
  const index = firstTokenFrom(tokens, offset);
  let depth = 0;
  for (let probe = index - 1; probe >= 2 && index - probe <= BLOCK_LOOKBACK; probe--) {
    const token = tokens[probe]!;
    if (token.kind !== "punct") continue;
    if (token.text === "}") depth++;
    else if (token.text === "{" && depth-- === 0) {
      const label = tokens[probe - 1]!;
      const type = tokens[probe - 2]!;
      if (label.kind !== "string" || type.kind !== "identifier" || type.text !== "variable") return undefined;
      return text.slice(label.contentStart, label.contentEnd);
    }
  }
  return undefined;
}
