/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * The object `dynamic.Resource` serializes into every offer's state as `__provider`.
 *
 * It is deliberately a shim: each hook loads the provider from the *installed* pulumi-affise
 * package and calls it. So state holds a few hundred bytes with no settings and no secrets in them,
 * and `read`/`delete` (which the engine runs from the `__provider` saved in state, not from the
 * code shipped now) still run today's provider for state written by any older version.
 *
 * The host compiles this text with no file name, so `require` resolves from the host's working
 * directory, which is the Pulumi program's directory: resolve the package from there, or, when the
 * program is this repository itself, load it from there (a package cannot require itself by name).
 */
import type * as pulumi from "@pulumi/pulumi";

type Hooks = Required<pulumi.dynamic.ResourceProvider>;

function installedOfferProvider(): Hooks {
  const cache = globalThis as { [key: symbol]: Hooks | undefined };
  const key = Symbol.for("pulumi-affise/offerProvider");
  const cached = cache[key];
  if (cached) return cached;
  const path = require("path");
  const fs = require("fs");
  const dir = process.cwd();
  let entry: string;
  try {
    entry = require.resolve("pulumi-affise", { paths: [dir] });
  } catch {
    const manifest = path.join(dir, "package.json");
    if (
      !fs.existsSync(manifest) ||
      JSON.parse(fs.readFileSync(manifest, "utf8")).name !== "pulumi-affise"
    ) {
      throw new Error(
        `affise.Offer: the pulumi-affise package is not installed in ${dir}. ` +
          "Run `npm install pulumi-affise` in the Pulumi program's directory.",
      );
    }
    entry = dir;
  }
  return (cache[key] = require(entry).offerProvider);
}

export const serializedOfferProvider: Hooks = {
  configure: (request) => installedOfferProvider().configure(request),
  check: (olds, news) => installedOfferProvider().check(olds, news),
  diff: (id, olds, news) => installedOfferProvider().diff(id, olds, news),
  create: (inputs) => installedOfferProvider().create(inputs),
  read: (id, props) => installedOfferProvider().read(id, props),
  update: (id, olds, news) => installedOfferProvider().update(id, olds, news),
  delete: (id, props) => installedOfferProvider().delete(id, props),
};
