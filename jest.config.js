/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  transform: {
    // The examples are type-checked with their own settings by test/scripts/examples.test.ts;
    // examples-run.test.ts only runs them.
    "^.+\\.tsx?$": ["ts-jest", { diagnostics: { exclude: ["**/examples/**"] } }],
  },
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testTimeout: 60_000,
  // Engine-protocol suites spawn Pulumi's host and an emulator each; two cores, two workers.
  maxWorkers: 2,
};
