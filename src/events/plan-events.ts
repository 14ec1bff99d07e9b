/**
 * The change feed inside one server process: each committed write's audit event is published here
 * once, after its transaction commits, and every open `planEvents` subscription receives the events
 * it selects. A client that reconnects catches up from the audit trail (`auditEvents`), whose
 * sequence the events carry.
 */
import { EventEmitter, on } from 'node:events';
import type { AuditEvent } from '@prisma/client';

const EVENT = 'committed';

export class PlanEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every open subscription listens; there is no meaningful limit to warn about.
    this.emitter.setMaxListeners(0);
  }

  publish(event: AuditEvent): void {
    this.emitter.emit(EVENT, event);
  }

  /**
   * The events published from now on that `select` accepts. Ending the stream (`return()`, as a
   * subscription's end does) removes the listener at once, even while it waits for an event.
   */
  stream(select: (event: AuditEvent) => boolean): AsyncIterableIterator<AuditEvent> {
    const controller = new AbortController();
    const source = on(this.emitter, EVENT, { signal: controller.signal }) as AsyncIterableIterator<[AuditEvent]>;
    const done = { value: undefined, done: true } as const;
    const stream: AsyncIterableIterator<AuditEvent> = {
      async next() {
        for (;;) {
          try {
            const item = await source.next();
            if (item.done) return done;
            if (select(item.value[0])) return { value: item.value[0], done: false };
          } catch (error) {
            if ((error as Error).name === 'AbortError') return done;
            throw error;
          }
        }
      },
      async return() {
        controller.abort();
        return done;
      },
      [Symbol.asyncIterator]() {
        return stream;
      },
    };
    return stream;
  }

  get subscribers(): number {
    return this.emitter.listenerCount(EVENT);
  }
}
