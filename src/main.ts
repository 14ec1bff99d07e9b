/** `npm start`: serves the API until SIGTERM/SIGINT, then drains and closes the database. */
import { startApp } from './app.js';
import { loadConfig } from './config.js';
import { createLogger } from './log.js';

const config = loadConfig();
const log = createLogger(config.logLevel);
try {
  const app = await startApp(config, log);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log.info({ signal }, 'shutting down');
      app.stop().then(
        () => process.exit(0),
        (err) => (log.error({ err }, 'shutdown failed'), process.exit(1)),
      );
    });
  }
} catch (err) {
  log.fatal({ err }, 'failed to start');
  process.exit(1);
}
