// The shape of a built-in rule's samples: test data, kept out of the runtime rule
// type. Each rule in rules/ has `test/rules/<id>.samples.ts`, run by rule-samples.test.ts.

/** A sample a rule must (or must not) flag. */
export interface RuleSample {
  /** File name that selects the language front end, e.g. `client.ts`, `fetch.sh`. */
  file: string;
  text: string;
  /** For a true-positive sample: 1-based line of the expected finding. */
  line?: number;
}

/** What a `<id>.samples.ts` module exports. */
export interface RuleSamples {
  /** Samples that must be found. */
  truePositives: RuleSample[];
  /** Samples that must not be found. */
  falsePositives: RuleSample[];
}
