/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testTimeout: 60_000,
  // Engine-protocol suites spawn Pulumi's host and an emulator each; two cores, two workers.
  maxWorkers: 2,
};
