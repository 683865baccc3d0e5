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
 * directory, which is the folder of the Pulumi program's `main`: resolve the package from there,
 * or, when the program is this repository itself, load the repository found above that folder (a
 * package cannot require itself by name).
 */
import type * as pulumi from "@pulumi/pulumi";

type Hooks = Required<pulumi.dynamic.ResourceProvider>;

// Short names and plain code on purpose: every character here is stored once per offer in state.
// No memo needed: Node caches both the resolution and the loaded module.
// This repository's own program runs, and so this host, in dist/program/ below the repository.
function pkg(): Hooks {
  const dir = process.cwd();
  let entry = dir;
  try {
    entry = require.resolve("pulumi-affise", { paths: [dir] });
  } catch {
    entry = dir.replace(/[\\/]dist[\\/]program$/, "");
    if (require(require("path").join(entry, "package.json")).name !== "pulumi-affise") {
      throw new Error(`pulumi-affise is not installed in ${dir}`);
    }
  }
  return require(entry).offerProvider;
}

export const serializedOfferProvider: Hooks = {
  configure: (r) => pkg().configure(r),
  check: (o, n) => pkg().check(o, n),
  diff: (i, o, n) => pkg().diff(i, o, n),
  create: (n) => pkg().create(n),
  read: (i, p) => pkg().read(i, p),
  update: (i, o, n) => pkg().update(i, o, n),
  delete: (i, p) => pkg().delete(i, p),
};
