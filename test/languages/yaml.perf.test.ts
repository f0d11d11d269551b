import { it } from "vitest";
import { lexYaml } from "../../src/languages/yaml.js";
import { lexJavaScript } from "../../src/languages/javascript.js";
it("perf", () => {
  for (let i = 0; i < 3; i++) {
  let s = "- ".repeat(500_000) + "x";
  let t = performance.now(); const r = lexYaml(s); console.log("yaml dashes", (performance.now() - t).toFixed(0), r.tokens.length);
  s = "a ".repeat(500_000);
  t = performance.now(); const r2 = lexJavaScript(s); console.log("js idents", (performance.now() - t).toFixed(0), r2.tokens.length);
  s = "- ".repeat(500_000);
  t = performance.now(); const r3 = lexJavaScript(s); console.log("js punct", (performance.now() - t).toFixed(0), r3.tokens.length);
  }
});
