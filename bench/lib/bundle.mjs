// Single-line minified bundles (1, 2 and 4 MiB, under token-guard's default 5 MB size
// limit), each with one planted token, to show scan time grows linearly with a
// file's size: no per-line work that a 4 MB line makes quadratic.
//
// Each bundle is a directory `bench/.trees/bundle-<N>mb` with `public/js/app.min.js`
// (not under dist/ or build/, which token-guard skips) and the manifest.

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BenchError, MANIFEST_NAME, createRng, fakeToken, readManifest } from "../generate-tree.mjs";
import { MiB, fmtMB, rel } from "./format.mjs";
import { TREES_DIR, benchTree } from "./trees.mjs";

const GENERATOR = "bench/lib/bundle.mjs";
const GENERATOR_HASH = crypto.createHash("sha256").update(fs.readFileSync(fileURLToPath(import.meta.url))).digest("hex").slice(0, 16);
const BUNDLE_PATH = "public/js/app.min.js";
/** Where in the bundle the token goes, as a share of its size. */
const PLANT_AT = 0.61;
const WORDS = ["lead", "campaign", "agent", "call", "list", "queue", "report", "status", "phone", "record", "user", "session", "cache", "retry", "batch", "page", "filter", "result", "payload", "client", "event", "webhook", "metric", "order", "ticket", "team", "dialer", "region"];
const STATUSES = ["active", "paused", "archived", "pending", "failed", "done"];

/** Minified-looking pieces of code: short identifiers, no spaces, no newlines. */
function pieces(rng) {
  // A digit at the end keeps every identifier clear of the keywords.
  const id = () => `${"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$"[rng.int(0, 53)]}${rng.chance(0.5) ? "abcdefghijklmnopqrstuvwxyz"[rng.int(0, 25)] : ""}${rng.int(0, 9)}`;
  const word = () => rng.pick(WORDS);
  const url = () => `https://${word()}-${rng.pick(["dev", "prod", "qa"])}.internal.example.com/api/v${rng.int(1, 3)}/${word()}s`;
  const objectLiteral = () => `{${word()}:${rng.int(0, 999)},status:"${rng.pick(STATUSES)}",${word()}Id:"${crypto.createHash("md5").update(String(rng.next())).digest("hex").slice(0, 12)}",enabled:!${rng.int(0, 1)}}`;
  return [
    () => `function ${id()}(e,t){var n=e.${word()}||{};return n.${word()}=t,n}`,
    () => `var ${id()}=${objectLiteral()};`,
    () => `${id()}.prototype.${word()}=function(e){return this.${word()}s.filter(function(t){return t.status==="${rng.pick(STATUSES)}"&&t.${word()}>e})};`,
    () => `var ${id()}=async(e,t=${rng.int(1, 500)})=>{var n=await fetch(\`${url()}?page=\${t}&size=\${e}\`);if(!n.ok)throw new Error("${word()} ${word()} failed: "+n.status);return n.json()};`,
    () => `var ${id()}=/^[a-z0-9_-]{${rng.int(1, 4)},${rng.int(8, 32)}}$/i;`,
    () => `${id()}.push([${Array.from({ length: rng.int(3, 12) }, () => rng.int(0, 99999)).join(",")}]);`,
    () => `for(var ${id()}=0;${id()}<${rng.int(2, 64)};${id()}++)${id()}[${id()}]=${id()}(${rng.int(0, 9)},"${word()}");`,
    () => `switch(e.type){case"${word()}":return ${id()}(e);case"${word()}":return null;default:return e}`,
    // Safe mentions: the key from the environment, a header name.
    () => (rng.chance(0.05) ? `function ${id()}(e){var t=new URLSearchParams;return t.append("auth_token",process.env.CONVOSO_AUTH_TOKEN||""),t.append("list_id",String(e)),t}` : `var ${id()}="X-${word()}-Id";`),
  ];
}

function plantPiece(rng, token) {
  return `function Qz${rng.int(0, 9)}(e){var t=new URLSearchParams({auth_token:"${token}",list_id:String(e)});return fetch("https://api.convoso.com/v1/leads/search",{method:"POST",body:t})}`;
}

/** The bundle's text: one line of about `bytes` bytes, and the token it plants. */
function bundleText(bytes, seed) {
  const rng = createRng(seed);
  const token = fakeToken(rng);
  const make = pieces(rng);
  const parts = ['/*! bench bundle | MIT */!function(){"use strict";'];
  let size = parts[0].length;
  let planted = false;
  while (size < bytes - 8) {
    const piece = !planted && size >= bytes * PLANT_AT ? plantPiece(rng, token) : rng.pick(make)();
    planted ||= piece.includes(token);
    parts.push(piece);
    size += piece.length;
  }
  parts.push("}();\n");
  return parts.join("");
}

/** Writes the bundle unless `dir` holds the one made with the same parameters and generator. */
function prepareBundle(dir, { bytes, seed }) {
  const params = { bytes, seed };
  const existing = readManifest(dir);
  if (existing?.generator === GENERATOR && existing.generatorHash === GENERATOR_HASH && JSON.stringify(existing.params) === JSON.stringify(params)) {
    const size = fs.existsSync(path.join(dir, BUNDLE_PATH)) ? fs.statSync(path.join(dir, BUNDLE_PATH)).size : -1;
    if (size === existing.bytes) {
      console.log(`using ${rel(dir)}: one ${fmtMB(size)} MB line (already generated)`);
      return existing;
    }
  }
  if (fs.existsSync(dir) && existing?.generator !== GENERATOR && fs.readdirSync(dir).length > 0) {
    throw new BenchError(`${rel(dir)} exists and was not made by bench/run.mjs; remove it`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, path.dirname(BUNDLE_PATH)), { recursive: true });
  const text = bundleText(bytes, seed);
  fs.writeFileSync(path.join(dir, BUNDLE_PATH), text);
  const manifest = {
    generator: GENERATOR,
    generatorHash: GENERATOR_HASH,
    params,
    files: 1,
    bytes: Buffer.byteLength(text),
    expect: { rgLines: 1 },
    planted: [{ path: BUNDLE_PATH, line: 1, language: "js", form: "minified-urlsearchparams" }],
  };
  fs.writeFileSync(path.join(dir, MANIFEST_NAME), JSON.stringify(manifest, null, 2) + "\n");
  console.log(`generated ${rel(dir)}: one ${fmtMB(manifest.bytes)} MB line`);
  return manifest;
}

/** One plain tree per size in MiB, smallest first. */
export function bundleTrees(sizesMiB, seed) {
  return sizesMiB.map((mib) => {
    const name = `bundle-${mib}mb`;
    const dir = path.join(TREES_DIR, name);
    return benchTree({ name, dir, kind: "plain", bundleMiB: mib, make: () => prepareBundle(dir, { bytes: mib * MiB, seed }) });
  });
}
