/**
 * Loads a TypeScript module as `pulumi up` runs a TypeScript program: compiled by tsc (Pulumi runs
 * programs through ts-node) with the project's compiler options. Under tsx, esbuild would strip the
 * whitespace from every function, and a serialized `__provider` is function source text, so the
 * compiler decides how many bytes it stores.
 */
import * as fs from "fs";
import Module from "module";
import * as path from "path";
import * as ts from "typescript";

const TSCONFIG = path.resolve(__dirname, "../tsconfig.json");

interface CompilableModule {
  paths: string[];
  _compile(code: string, filename: string): void;
}

export function requireCompiledByTsc<T>(file: string): T {
  const { config } = ts.readConfigFile(TSCONFIG, ts.sys.readFile);
  const { options } = ts.convertCompilerOptionsFromJson(
    config.compilerOptions,
    path.dirname(TSCONFIG),
  );
  const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
    compilerOptions: { ...options, sourceMap: false, declaration: false },
    fileName: file,
  });
  const compiled = new Module(file, module);
  const internals = compiled as unknown as CompilableModule;
  internals.paths = (
    Module as unknown as { _nodeModulePaths(dir: string): string[] }
  )._nodeModulePaths(path.dirname(file));
  internals._compile(outputText, file);
  return compiled.exports as T;
}
