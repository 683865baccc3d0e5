/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * The object `dynamic.Resource` serializes into the StackMark's state: like the offer's (see
 * serialized-provider.ts), a loader of the installed package, so state holds no code worth keeping.
 */
import type * as pulumi from "@pulumi/pulumi";

type Hooks = Required<
  Pick<pulumi.dynamic.ResourceProvider, "check" | "diff" | "create" | "read" | "delete">
>;

function pkg(): Hooks {
  const dir = process.cwd();
  let entry = dir;
  try {
    entry = require.resolve("pulumi-affise", { paths: [dir] });
  } catch {
    // This repository's own program runs, and so this host, in dist/program/ below it.
    entry = dir.replace(/[\\/]dist[\\/]program$/, "");
    if (require(require("path").join(entry, "package.json")).name !== "pulumi-affise") {
      throw new Error(`pulumi-affise is not installed in ${dir}`);
    }
  }
  return require(entry).stackMarkProvider;
}

export const serializedStackMarkProvider: Hooks = {
  check: (o, n) => pkg().check(o, n),
  diff: (i, o, n) => pkg().diff(i, o, n),
  create: (n) => pkg().create(n),
  read: (i, p) => pkg().read(i, p),
  delete: (i, p) => pkg().delete(i, p),
};
