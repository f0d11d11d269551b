// The scripting languages with `#` comments that token-guard reads with the shared
// code lexer (Ruby, Perl, Elixir): each claims its files and reads the environment
// its own way.

import { codeReplacementWriter } from "../shared/code-replacement.js";
import { defineLanguage, NO_ESLINT_PARSER } from "../shared/language-definition.js";
import { lexElixir, lexPerl, lexRuby } from "./lexer.js";


/** `ENV.fetch("NAME")`: raises when the variable is missing, where `ENV["NAME"]` would pass nil on. */
const rubyLookup = (envVar: string) => `ENV.fetch("${envVar}")`;
export const ruby = defineLanguage({
  id: "ruby",
  extensions: ["rb", "rake", "gemspec", "ru", "podspec"],
  fileNames: ["gemfile", "rakefile", "vagrantfile", "podfile", "fastfile", "appfile", "guardfile", "capfile", "brewfile"],
  shebangs: [/\bruby\b/],
  fenceNames: ["ruby", "rb"],
  lex: lexRuby,
  envLookup: rubyLookup,
  writeReplacement: codeReplacementWriter(rubyLookup),
  // `"auth_token=%s" % v`, `format("auth_token=%s", v)`; DSLs call without parentheses (`auth_token "v"`).
  matcherHints: { formatStrings: { operators: new Set(["%"]), methods: new Set() }, parenlessCalls: true, symbolNames: true },
  eslint: NO_ESLINT_PARSER,
});

const perlLookup = (envVar: string) => `$ENV{${envVar}}`;
export const perl = defineLanguage({
  id: "perl",
  extensions: ["pl", "pm"],
  shebangs: [/\bperl\b/],
  fenceNames: ["perl", "pl"],
  lex: lexPerl,
  envLookup: perlLookup,
  writeReplacement: codeReplacementWriter(perlLookup),
  eslint: NO_ESLINT_PARSER,
});

/** `System.fetch_env!("NAME")`: raises when the variable is missing (in config/runtime.exs it is read at boot). */
const elixirLookup = (envVar: string) => `System.fetch_env!("${envVar}")`;
export const elixir = defineLanguage({
  id: "elixir",
  extensions: ["ex", "exs"],
  shebangs: [/\belixir\b/],
  fenceNames: ["elixir", "ex", "exs"],
  lex: lexElixir,
  envLookup: elixirLookup,
  writeReplacement: codeReplacementWriter(elixirLookup),
  // `@auth_token "v"`, `field :auth_token, default: "v"`.
  matcherHints: { parenlessCalls: true, symbolNames: true },
  eslint: NO_ESLINT_PARSER,
});
