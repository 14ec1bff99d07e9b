/**
 * Serves a PGlite database to ordinary PostgreSQL clients on loopback. PGlite is one backend session,
 * so clients must take turns; a turn is not one message but everything up to the point where the
 * backend is idle again. A client owns the session from its first message until a ReadyForQuery says
 * "idle" ('I'): through an extended-protocol exchange (Parse … Sync), a transaction (BEGIN … COMMIT),
 * or a COPY. Meanwhile other clients' messages wait. Handing the session over per message instead
 * lets one client's Bind meet another's Parse, which corrupts queries under concurrent use.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const SYNC = Buffer.from([0x53, 0, 0, 0, 4]); // 'S', length 4
const TERMINATE = 0x58; // 'X'

interface Client {
  socket: Socket;
  buffer: Buffer;
  started: boolean;
}

interface Turn {
  client: Client;
  message: Uint8Array;
}

/** The transaction status of the last ReadyForQuery ('Z') in a response, or null when it has none. */
export function lastReadyStatus(response: Uint8Array): string | null {
  let status: string | null = null;
  for (let at = 0; at + 5 <= response.length;) {
    const length = ((response[at + 1] << 24) | (response[at + 2] << 16) | (response[at + 3] << 8) | response[at + 4]) >>> 0;
    if (response[at] === 0x5a && length === 5) status = String.fromCharCode(response[at + 5]);
    at += 1 + length;
  }
  return status;
}

export class PgliteServer {
  private readonly server: Server;
  private readonly waiting: Turn[] = [];
  private owner: Client | null = null;
  private running = false;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly db: PGlite) {
    this.server = createServer((socket) => this.accept(socket));
  }

  /** Listens on 127.0.0.1; resolves to "host:port". */
  listen(port = 0): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject).listen(port, '127.0.0.1', () => {
        const address = this.server.address() as { port: number };
        resolve(`127.0.0.1:${address.port}`);
      });
    });
  }

  /** Stops listening and drops every client. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private accept(socket: Socket) {
    socket.setNoDelay(true);
    this.sockets.add(socket);
    const client: Client = { socket, buffer: Buffer.alloc(0), started: false };
    socket.on('data', (chunk) => {
      client.buffer = Buffer.concat([client.buffer, chunk]);
      this.frame(client);
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      void this.release(client);
    });
  }

  /** Splits a client's bytes into protocol messages and queues each for its turn. */
  private frame(client: Client) {
    for (;;) {
      const { buffer } = client;
      if (!client.started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        const code = buffer.readInt32BE(4);
        if (code === SSL_REQUEST) {
          client.buffer = buffer.subarray(8);
          client.socket.write('N'); // no TLS on loopback
          continue;
        }
        if (code === CANCEL_REQUEST) return void client.socket.destroy();
        if (buffer.length < length) return;
        client.started = true;
        this.enqueue(client, buffer.subarray(0, length));
        client.buffer = buffer.subarray(length);
        continue;
      }
      if (buffer.length < 5) return;
      const length = 1 + buffer.readInt32BE(1);
      if (buffer.length < length) return;
      // Terminate ends this client, not the one backend everybody shares.
      if (buffer[0] === TERMINATE) return void client.socket.end();
      this.enqueue(client, buffer.subarray(0, length));
      client.buffer = buffer.subarray(length);
    }
  }

  private enqueue(client: Client, message: Uint8Array) {
    this.waiting.push({ client, message: Uint8Array.from(message) });
    void this.run();
  }

  /** Runs queued messages: the owner's only while a client owns the session, else the oldest. */
  private async run() {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const index = this.owner ? this.waiting.findIndex((t) => t.client === this.owner) : this.waiting.length ? 0 : -1;
        if (index === -1) return;
        const [turn] = this.waiting.splice(index, 1);
        const response = await this.db.runExclusive(() => this.db.execProtocolRaw(turn.message));
        const status = lastReadyStatus(response);
        this.owner = status === 'I' ? null : turn.client;
        if (response.length && !turn.client.socket.destroyed) turn.client.socket.write(response);
      }
    } finally {
      this.running = false;
    }
  }

  /** A client gone mid-turn: end its exchange and roll back its transaction, then let others on. */
  private async release(client: Client) {
    for (let i = this.waiting.length - 1; i >= 0; i--) if (this.waiting[i].client === client) this.waiting.splice(i, 1);
    if (this.owner !== client) return;
    await this.db.runExclusive(async () => {
      await this.db.execProtocolRaw(SYNC);
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    });
    this.owner = null;
    void this.run();
  }
}
