/**
 * Which Pulumi program the engine-protocol suites run as. By default this repository itself (its
 * root is a Pulumi program, and the provider host loads the built package from here). With
 * AFFISE_TEST_PROGRAM_DIR set (see test/compat/), a separate program where pulumi-affise was
 * installed from its packed tarball, as a user installs it, optionally with another SDK version
 * and another Node (AFFISE_TEST_NODE).
 */
import * as path from "path";

export const REPO_ROOT = path.resolve(__dirname, "..");

export interface ProgramUnderTest {
  dir: string;
  node: string;
  /** This repository, declared in-process; otherwise declared by a child process in `dir`. */
  isRepository: boolean;
}

export function programUnderTest(): ProgramUnderTest {
  const dir = process.env.AFFISE_TEST_PROGRAM_DIR;
  if (!dir) return { dir: REPO_ROOT, node: process.execPath, isRepository: true };
  return {
    dir: path.resolve(dir),
    node: process.env.AFFISE_TEST_NODE || process.execPath,
    isRepository: false,
  };
}
