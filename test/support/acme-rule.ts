// The custom credential rule the README's example defines, for tests of every door.
export const ACME_RULE = {
  id: "acme-api-key",
  description: "Hardcoded ACME API key",
  keyNames: ["acme_api_key", "acmeApiKey", "ACME_API_KEY"],
  envVar: "ACME_API_KEY",
  minLength: 16,
};
