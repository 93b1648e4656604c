import { rmSync } from 'node:fs';
import ts from 'typescript';

/**
 * Writes the `.d.ts` files of the package's entries (tsconfig.build.json) into `outDir`, emptied
 * first so that no declaration of a deleted module ships, after a type check of everything they
 * reach; throws with tsc's own report when that fails.
 */
export function emitDeclarations(configPath: string, outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  };
  const config = ts.getParsedCommandLineOfConfigFile(configPath, { outDir }, host);
  if (!config) throw new Error(`${configPath} could not be read.`);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const emitted = program.emit();
  const diagnostics = [...config.errors, ...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (diagnostics.length) {
    throw new Error(
      ts.formatDiagnostics(diagnostics, {
        getCanonicalFileName: (name) => name,
        getCurrentDirectory: ts.sys.getCurrentDirectory,
        getNewLine: () => '\n',
      }),
    );
  }
}
