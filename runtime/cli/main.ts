import { Command, CommanderError } from 'commander';
import { compileCommand, type CompileOptions } from './commands/compile.js';
import { lintCommand, type LintOptions } from './commands/lint.js';
import { schemasCommand } from './commands/schemas.js';
import { checkCommand } from './commands/check.js';
import { startCommand } from './commands/start.js';
import { ExitCodes, processIo, type CliIo } from './output.js';

/**
 * The `tongguan` command line for delivery staff (bin/tongguan.mjs runs it through tsx):
 * `lint <dir>`, `compile <dir>`, `schemas`, `check` and `start`. Returns the exit code instead of exiting, so tests run
 * it in-process: 0 clean, 1 findings, 2 usage or I/O errors.
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let code: number = ExitCodes.clean;
  const program = new Command('tongguan')
    .description('Tongguan (统管) definition tools: lint and compile definition packages.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError();

  program.command('lint')
    .description('validate and lint a definition package and its dependencies')
    .argument('<dir>', 'package folder (holds manifest.json)')
    .option('--json', 'print findings as JSON')
    .option('--strict', 'fail on warnings too')
    .option('--lang <lang>', 'language of the messages: en-US or zh-CN (default: TONGGUAN_LANG or LANG, else English)')
    .action(async (dir: string, options: LintOptions) => { code = await lintCommand(dir, options, io); });

  program.command('compile')
    .description('compile a package into machines and rule sets and print states, transitions and rules')
    .argument('<dir>', 'package folder (holds manifest.json)')
    .option('--json', 'print the compiled flows as JSON')
    .option('--strict', 'fail on lint warnings too')
    .action(async (dir: string, options: CompileOptions) => { code = await compileCommand(dir, options, io); });

  program.command('schemas')
    .description('write the JSON Schema of every definition kind (for editors and external tools)')
    .option('--out <dir>', 'output folder', 'definitions/schemas/json')
    .action(async (options: { out: string }) => { code = await schemasCommand(options.out, io); });

  program.command('check')
    .description('validate, lint and compile the built-in packages')
    .action(async () => { code = await checkCommand(io); });

  program.command('start')
    .description('start the runtime: HTTP API on PORT (default 3000), database in DATA_DIR or DATABASE_URL')
    .action(async () => { code = await startCommand(io); });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? ExitCodes.clean : ExitCodes.usage;
    }
    io.err(`tongguan: ${(e as Error).message ?? String(e)}\n`);
    return ExitCodes.usage;
  }
  return code;
}
