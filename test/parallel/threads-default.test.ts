// The default thread count follows the cores: none where threads were measured
// to slow a scan (2 cores), one per core beyond the main thread's, at most 4.
import type * as Os from "node:os";
import { afterEach, describe, expect, it, vi } from "vitest";

const cores = vi.hoisted(() => ({ count: 2 }));
vi.mock("node:os", async (importOriginal) => ({
  ...(await importOriginal<typeof Os>()),
  availableParallelism: () => cores.count,
}));

const { defaultThreads } = await import("../../src/parallel/threads.js");

describe("defaultThreads", () => {
  afterEach(() => {
    cores.count = 2;
  });

  it.each([
    [1, 0],
    [2, 0],
    [3, 2],
    [4, 3],
    [5, 4],
    [16, 4],
  ])("on %i cores runs %i scanning threads", (count, expected) => {
    cores.count = count;
    expect(defaultThreads()).toBe(expected);
  });
});
