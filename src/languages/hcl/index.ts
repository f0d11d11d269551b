// HCL: Terraform (`.tf`, `.tfvars`), Packer and Nomad (`.hcl`). A configuration
// format whose tool reads its variables from `TF_VAR_…`: the advice says so.

import { CONFIG_FORMAT_CLI_ONLY, defineLanguage } from "../shared/language-definition.js";
import { lexHcl } from "./lexer.js";
import { hclVariableLookup, writeHclReplacement } from "./replacement.js";

export const hcl = defineLanguage({
  id: "hcl",
  extensions: ["tf", "tfvars", "hcl"],
  fenceNames: ["hcl", "terraform", "tf"],
  lex: lexHcl,
  envLookup: hclVariableLookup,
  writeReplacement: writeHclReplacement,
  // `variable "auth_token" { default = "…" }`: the block's label names its record.
  matcherHints: { records: { indented: false, blockLabels: true, tables: false } },
  eslint: { via: "none", reason: CONFIG_FORMAT_CLI_ONLY },
});
