// A record whose name-like field holds a key lends it to its attribute object a
// few levels down (src/detect/name-value-records.ts, ATTRIBUTE_OBJECTS): Terraform
// state's `resources[].instances[].attributes.secret_string`; neighbours never.
import { describe, expect, it } from "vitest";
import { scanText } from "../support/scan.js";
import { fakeToken } from "../support/tokens.js";

const T = fakeToken(730);
const U = fakeToken(731);

function lines(path: string, text: string): number[] {
  return scanText(path, text).map((finding) => finding.line);
}

/** A state file with one resource per entry: [name, attributes JSON]. */
function state(...resources: [string, string][]): string {
  const body = resources
    .map(([name, attributes]) => `    {\n      "type": "aws_ssm_parameter",\n      "name": "${name}",\n      "instances": [\n        {\n          "attributes": ${attributes}\n        }\n      ]\n    }`)
    .join(",\n");
  return `{\n  "version": 4,\n  "resources": [\n${body}\n  ]\n}\n`;
}

describe("attribute records: positives", () => {
  it("a state backup: the named resource's `value` attribute", () => {
    const text = state(["dialer_auth_token", `{ "arn": "arn:aws:ssm:eu-west-1:1:parameter/dialer", "type": "SecureString",\n"value": "${T}" }`]);
    expect(lines("envs/qa.tfstate.backup", text)).toEqual([text.split("\n").findIndex((line) => line.includes(T)) + 1]);
  });

  it("a `.tfstate` whose secret version stores `secret_string`", () => {
    const text = state(["CONVOSO_AUTH_TOKEN", `{\n"secret_string": "${U}" }`]);
    expect(lines("terraform.tfstate", text)).toHaveLength(1);
  });
});

describe("attribute records: negatives", () => {
  it("a resource named for something else, next to a named one without a value", () => {
    const text = state(["convoso_auth_token", `{ "arn": "arn:aws:secretsmanager:us-east-1:1:secret:auth_token-Ab12", "version_id": "0b3c6c4e-55f5-4bd1-9f61-2a4c62c3a1d7" }`], ["convoso_region", `{ "secret_string": "${T}" }`]);
    expect(lines("terraform.tfstate", text)).toEqual([]);
  });

  it("names that are not the credential: _ttl, _url, and a placeholder value", () => {
    const text = state(["auth_token_ttl", `{ "value": "${T}" }`], ["convoso_auth_token_url", `{ "value": "${U}" }`], ["auth_token", `{ "value": "changeme" }`]);
    expect(lines("terraform.tfstate", text)).toEqual([]);
  });
});
