// `.env.example`, `.env.sample`, `.env.template`, `.env.dist`: committed on purpose
// and copied by everyone who clones the repository, so a value in one is published.
// It is not the project's configuration either: the value is emptied (the name
// stays, for the reader to fill in their own `.env`), not turned into a lookup.

import { valueOnly, type Replacement, type ReplacementSite } from "../shared/replacement.js";

/** `.env.example`, `.env.local.sample`, `config/app.env.template`, `.env.dist`. */
const EXAMPLE_FILE = /(?:^|\.)env(?:\.[\w-]+)*\.(?:example|sample|template|dist)$/i;

export function isEnvExampleFile(path: string): boolean {
  return EXAMPLE_FILE.test(path.slice(path.lastIndexOf("/") + 1));
}

/** The value in an example env file becomes an empty value; undefined for other files. */
export function writeExampleReplacement(site: ReplacementSite): Replacement | undefined {
  if (site.path === undefined || !isEnvExampleFile(site.path)) return undefined;
  const { edits } = valueOnly(site, "");
  return { text: "replace it with an empty value or a placeholder: an example file is committed and copied; the real value belongs in .env", edits };
}
