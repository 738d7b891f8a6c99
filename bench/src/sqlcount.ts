import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay between the server and PostgreSQL that counts what the server asks: every Sync or
 * simple Query message is one statement round trip, and a Parse of "begin" one transaction. It
 * reads the frontend protocol only (type byte + length), never changes a byte, and is used in a
 * separate, unloaded pass so the relay's cost never shows in the timed numbers.
 */
export class SqlCounter {
  statements = 0;
  transactions = 0;
  /** The statements' text, when tracing (BENCH_SQL_TRACE=1): to see what a route asks. */
  readonly trace: string[] | null = process.env.BENCH_SQL_TRACE ? [] : null;
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly upstreamHost: string,
    private readonly upstreamPort: number,
  ) {}

  async start(): Promise<number> {
    // No Nagle on either side: small protocol messages held back for a delayed ACK cost ~40 ms
    // each and made "alone" latencies through the relay meaningless.
    this.server = createServer({ noDelay: true }, (client) => this.relay(client));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return this.port;
  }

  private relay(client: Socket) {
    const upstream = createConnection({ host: this.upstreamHost, port: this.upstreamPort, noDelay: true });
    this.sockets.add(client);
    this.sockets.add(upstream);
    let pending: Buffer = Buffer.alloc(0);
    let started = false;
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      for (;;) {
        if (!started) {
          // The startup message (and an SSL request) carry no type byte.
          if (pending.length < 8) break;
          const length = pending.readInt32BE(0);
          if (pending.length < length) break;
          const code = pending.readInt32BE(4);
          pending = pending.subarray(length);
          if (code !== 80877103) started = true; // 80877103: SSLRequest, answered before startup
          continue;
        }
        if (pending.length < 5) break;
        const type = String.fromCharCode(pending[0] as number);
        const length = pending.readInt32BE(1);
        if (pending.length < 1 + length) break;
        if (type === 'S' || type === 'Q') this.statements++;
        if (type === 'P' || type === 'Q') {
          const body = pending.subarray(5, 1 + length).toString('utf8', 0, Math.min(length - 4, 200));
          const text = type === 'P' ? body.slice(body.indexOf('\0') + 1) : body;
          if (/^\s*begin\b/i.test(text)) this.transactions++;
          if (this.trace && text.trim())
            this.trace.push(text.replace(/\0.*$/s, '').replace(/\s+/g, ' ').slice(0, 160));
        }
        pending = pending.subarray(1 + length);
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('close', close);
    upstream.on('close', close);
    client.on('error', close);
    upstream.on('error', close);
  }

  snapshot() {
    return { statements: this.statements, transactions: this.transactions };
  }

  async stop() {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** The same database URL through the relay. */
export function viaRelay(databaseUrl: string, port: number): string {
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return url.toString();
}
