// followUps: what a person still has to do after fix, from who reads the rewritten files.
import { describe, expect, it } from "vitest";
import { followUps } from "../../src/fix/follow-ups.js";
import { planFixes, type FilePlan } from "../../src/fix/plan.js";
import { scanText } from "../support/scan.js";
import { fakeToken } from "../support/tokens.js";

const A = fakeToken(711);
const B = fakeToken(712);

function planned(files: Record<string, string>): FilePlan[] {
  const inputs = Object.entries(files).map(([path, text]) => ({ path, text, findings: scanText(path, text) }));
  return planFixes(inputs, { scan: scanText }).files;
}

describe("followUps", () => {
  it("asks for one repository secret per name the workflows read, naming them", () => {
    const files = planned({
      ".github/workflows/nightly.yml": `jobs:\n  sync:\n    env:\n      AUTH_TOKEN: ${A}\n      BACKUP_AUTH_TOKEN: ${B}\n`,
      ".github/workflows/deploy.yaml": `jobs:\n  deploy:\n    steps:\n      - run: curl -d "auth_token=${A}" https://api.convoso.com/v1/x\n`,
    });
    expect(followUps(files, ".env")).toEqual([
      ".github/workflows/deploy.yaml, .github/workflows/nightly.yml read secrets.CONVOSO_AUTH_TOKEN: create the repository secret with `gh secret set CONVOSO_AUTH_TOKEN` (the value is in .env)",
    ]);
  });

  it("points docker compose at the env file when it is not the compose project's own .env", () => {
    const compose = (token: string): string => `services:\n  sync:\n    environment:\n      CONVOSO_AUTH_TOKEN: ${token}\n`;
    const files = planned({ "docker-compose.yml": compose(A), "deploy/compose.yaml": compose(A) });
    expect(followUps(files, ".env")).toEqual([
      "deploy/compose.yaml: docker compose reads ${CONVOSO_AUTH_TOKEN} from the shell or deploy/.env, not .env: run `docker compose -f deploy/compose.yaml --env-file .env …` or export the variables",
    ]);
    expect(followUps(files, "deploy/.env")).toEqual([
      "docker-compose.yml: docker compose reads ${CONVOSO_AUTH_TOKEN} from the shell or .env, not deploy/.env: run `docker compose -f docker-compose.yml --env-file deploy/.env …` or export the variables",
    ]);
  });

  it("asks for nothing when the code reads the env file's variables directly", () => {
    expect(followUps(planned({ "src/client.js": `const authToken = "${A}";\n`, "src/note.ts": `// const authToken = "${A}";\n` }), ".env")).toEqual([]);
  });

  it("says which TypeScript files now throw when a variable is missing, and which variables to set", () => {
    const files = planned({
      "src/client.ts": `const authToken: string = "${A}";\n`,
      "src/backup.mts": `export const token: string = process.env.BACKUP_AUTH_TOKEN ?? "${B}";\n`,
    });
    expect(followUps(files, ".env")).toEqual([
      "src/backup.mts, src/client.ts now throw at run time when BACKUP_AUTH_TOKEN, CONVOSO_AUTH_TOKEN are not set: set them wherever the program runs (the value is in .env)",
    ]);
  });
});
