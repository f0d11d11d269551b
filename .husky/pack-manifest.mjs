// `npm pack`/`npm publish` lifecycle: the repository keeps a `prepare` script so
// `npm install` in a clone builds dist/ and installs our own hook, but the
// published package must not carry it (npm 11 warns about it on every install).
// `prepack` saves package.json and writes it without `prepare`; `postpack`
// puts the saved file back. A pack that died in between is healed by the next
// `strip`, which restores from the saved copy before stripping again.
import fs from "node:fs";

const MANIFEST = "package.json";
const SAVED = "package.json.before-pack";

function restore() {
  if (fs.existsSync(SAVED)) fs.renameSync(SAVED, MANIFEST);
}

function strip() {
  restore();
  const text = fs.readFileSync(MANIFEST, "utf8");
  const manifest = JSON.parse(text);
  if (!manifest.scripts?.prepare) return;
  fs.copyFileSync(MANIFEST, SAVED);
  delete manifest.scripts.prepare;
  // Written beside and renamed over, so a reader never sees half a package.json.
  fs.writeFileSync(`${MANIFEST}.stripped`, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(`${MANIFEST}.stripped`, MANIFEST);
}

const command = process.argv[2];
if (command === "strip") strip();
else if (command === "restore") restore();
else {
  console.error("usage: node .husky/pack-manifest.mjs strip|restore");
  process.exit(2);
}
