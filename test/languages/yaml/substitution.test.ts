// File kinds told from the name alone: compose files and GitHub workflows substitute variables themselves.
import { describe, expect, it } from "vitest";
import { isComposeFile, isGitHubWorkflow } from "../../../src/languages/yaml/substitution.js";

describe("isComposeFile", () => {
  it.each(["docker-compose.yml", "deploy/docker-compose.prod.yml", "compose.yaml", "compose.override.yml", "app-docker-compose.yml", "Docker-Compose.YML"])("%s is one", (path) => {
    expect(isComposeFile(path)).toBe(true);
  });

  it.each(["composer.json", "docker-compose.json", "recompose.yml", "config/app.yaml", "compose/app.yaml"])("%s is not", (path) => {
    expect(isComposeFile(path)).toBe(false);
  });
});

describe("isGitHubWorkflow", () => {
  it.each([".github/workflows/sync.yml", ".github/workflows/deploy.yaml", "fixtures/leaky-gh/.github/workflows/sync.yml"])("%s is one", (path) => {
    expect(isGitHubWorkflow(path)).toBe(true);
  });

  it.each([".github/actions/sync/action.yml", ".github/dependabot.yml", "workflows/sync.yml", ".github/workflows/nested/sync.yml", ".github/workflows/README.md"])("%s is not", (path) => {
    expect(isGitHubWorkflow(path)).toBe(false);
  });
});
