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
  // A worker that has run half the suites exits on its own once its last test is done (no handle
  // stays open), but freeing its heap took 5-8 s on a loaded 2-core machine: past jest's 500 ms
  // default, jest killed it and warned "a worker process has failed to exit gracefully".
  workerGracefulExitTimeout: 30_000,
};
