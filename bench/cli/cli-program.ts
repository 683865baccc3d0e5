/**
 * The programs the real-CLI benchmark runs: the offers as JSON beside a few lines of JavaScript
 * that declare them, with affise.Offer as users install it, or with the naive counter-example
 * (compiled by tsc as `pulumi up` would compile it, its settings and key in every resource).
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import type { E2eStack } from "../../harness/cli-stack";
import type { BenchOffer } from "../workload";

export type ProviderKind = "affise" | "naive";

const NAIVE_SOURCE = path.resolve(__dirname, "..", "naive-provider.ts");

export function writeProgram(
  stack: E2eStack,
  kind: ProviderKind,
  settings: { apiUrl: string; apiKey: string },
): void {
  if (kind === "affise") {
    stack.writeFile(
      "index.js",
      [
        'const affise = require("pulumi-affise");',
        'for (const { name, args } of require("./offers.json")) new affise.Offer(name, args);',
        "",
      ].join("\n"),
    );
    return;
  }
  stack.writeFile("naive-provider.js", compiledNaiveProvider());
  stack.writeFile(
    "index.js",
    [
      'const { NaiveOffer } = require("./naive-provider");',
      `const settings = ${JSON.stringify(settings)};`,
      'for (const { name, args } of require("./offers.json")) new NaiveOffer(name, args, settings);',
      "",
    ].join("\n"),
  );
}

export function writeOffers(stack: E2eStack, offers: BenchOffer[]): void {
  stack.writeFile("offers.json", JSON.stringify(offers));
}

function compiledNaiveProvider(): string {
  const tsconfig = path.resolve(__dirname, "..", "..", "tsconfig.json");
  const { config } = ts.readConfigFile(tsconfig, ts.sys.readFile);
  const { options } = ts.convertCompilerOptionsFromJson(
    config.compilerOptions,
    path.dirname(tsconfig),
  );
  return ts.transpileModule(fs.readFileSync(NAIVE_SOURCE, "utf8"), {
    compilerOptions: { ...options, sourceMap: false, declaration: false },
    fileName: NAIVE_SOURCE,
  }).outputText;
}
