import pino, { type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'inspection-actions' },
    // Nothing that identifies a caller beyond the request id is logged.
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  });
}
