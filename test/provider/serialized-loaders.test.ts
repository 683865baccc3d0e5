import * as path from "path";
import {
  serializedOfferProvider,
  serializedStackMarkProvider,
} from "../../provider/lifecycle/serialized-providers";

const ROOT = path.resolve(__dirname, "..", "..");

// Pulumi runs this repository's own program, and so the dynamic-provider host, in dist/program/
// (built by `npm test` before jest): there, neither loader can find the package by name.
describe.each([
  ["offer", serializedOfferProvider],
  ["stack mark", serializedStackMarkProvider],
])("the %s loader saved in state", (_name, hooks) => {
  it("finds this repository from dist/program, where its own program runs", async () => {
    const cwd = process.cwd();
    process.chdir(path.join(ROOT, "dist", "program"));
    try {
      await expect(hooks.check!({}, {})).resolves.toBeDefined();
    } finally {
      process.chdir(cwd);
    }
  });
});
