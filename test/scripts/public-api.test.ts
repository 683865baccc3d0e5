/**
 * The package's public face is what README's "The package exports" lists, no more and no less:
 * the names are read from the README and compared with what `provider/index.ts` exports.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { ROOT } from "./built";

function readmeList(heading: string): string[] {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const start = readme.indexOf(`- **${heading}**`);
  expect(start).toBeGreaterThanOrEqual(0);
  const item = readme.slice(start).split(/\n- |\n\n/)[0];
  return [...item.matchAll(/`([A-Za-z]+)(?:\([^`]*\))?`/g)].map(([, name]) => name);
}

function exportsOf(file: string): string[] {
  const program = ts.createProgram([path.join(ROOT, file)], { noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(path.join(ROOT, file))!;
  return checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).map((s) => s.name);
}

it("exports from the package exactly what the README lists", () => {
  const listed = readmeList("The package exports");
  expect(listed).toContain("Offer");
  expect(exportsOf("provider/index.ts").sort()).toEqual([...new Set(listed)].sort());
});

it("exports from pulumi-affise/program exactly the loader the README lists", () => {
  const listed = readmeList("The offers-repository loader");
  expect(exportsOf("program/offers/index.ts").sort()).toEqual([...new Set(listed)].sort());
});
