// XML: .NET web.config/app.config and project files, Maven and Spring files,
// Android resources, Apple property lists. The markup lexer reads it (shared
// with HTML: tags, attributes, text, CDATA, comments); the matchers bind
// `<add key="…" value="…"/>` records and element text named by its tag, a
// name element or a name attribute (src/detect/markup-elements.ts).

import { CONFIG_FORMAT, CONFIG_FORMAT_CLI_ONLY, defineLanguage } from "../shared/language-definition.js";
import { lexHtml } from "../shared/markup-lexer.js";

export const xml = defineLanguage({
  ...CONFIG_FORMAT,
  id: "xml",
  extensions: ["xml", "config", "plist", "csproj", "vbproj", "fsproj", "props", "targets", "pubxml", "resx", "xaml"],
  // phpunit.xml.dist and its kin: a distributed default that is committed.
  fileNameSuffixes: [".xml.dist"],
  fenceNames: ["xml", "plist"],
  lex: lexHtml,
  // Markup is lexed as such already.
  matcherHints: { stringsMayHoldMarkup: false },
  eslint: { via: "none", reason: CONFIG_FORMAT_CLI_ONLY },
});
