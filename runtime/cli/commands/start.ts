import { createApp, type App } from '../../app/createApp.js';
import { loadConfig, type RuntimeConfig } from '../../config.js';
import { ExitCodes, type CliIo } from '../output.js';

/** Demo logins printed at start, one per role at the county center and a handler. */
const DEMO_LOGINS = ['zjg.acceptor', 'zjg.dispatcher', 'zjg.shiftleader', 'zjg.reviewer', 'zjg.cgj.handler', 'ys.dq.grid', 'sz.admin'];

/** Starts the runtime and returns it listening; `url` is where it answers. */
export async function startServer(config: RuntimeConfig, io: CliIo): Promise<{ app: App; url: string }> {
  const app = await createApp(config, { logger: false });
  const address = await app.server.listen({ port: config.port, host: config.host });
  const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  const where = config.database.dialect === 'sqlite' ? config.database.file : config.database.url.replace(/\/\/[^@]*@/, '//***@');
  io.out([
    `Tongguan (统管) is running at ${url}  (API docs: ${url}/docs, health: ${url}/health)`,
    `  Workbench (工作台): ${url}/    Studio (配置中心, admin): ${url}/studio/`,
    `Database: ${config.database.dialect} ${where}${app.migrations.length ? ` — applied ${app.migrations.join(', ')}` : ''}`,
    app.seeded.published ? 'Published the built-in definitions (linkage, hotline-12345).' : 'Definitions: using the published bundles.',
    app.seeded.orgSeeded ? `Loaded the demo organisation. Log in with password "${config.demoPassword}" as:` : 'Demo accounts (if not changed):',
    ...DEMO_LOGINS.map((l) => `  ${l}`),
    '',
  ].join('\n'));
  if (config.elasticsearchUrl) {
    io.err('ELASTICSEARCH_URL is set, but this version has no Elasticsearch index: list filters and searches run in the database, and the setting is not used.\n');
  }
  return { app, url };
}

/** `tongguan start`: runs until SIGINT/SIGTERM, then closes the server and the database. */
export async function startCommand(io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { app } = await startServer(loadConfig(env), io);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await app.close();
  return ExitCodes.clean;
}
