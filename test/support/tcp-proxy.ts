import net from 'node:net';

/**
 * A TCP proxy in the test process between tradegraph and a PostgreSQL server, so a test can make the
 * database unreachable and reachable again without touching the server itself.
 */
export interface TcpProxy {
  /** The loopback port the proxy listens on (kept across break/restore). */
  readonly port: number;
  /** Connections accepted since the proxy was created. */
  readonly accepted: number;
  /** `url` with its host and port replaced by the proxy's. */
  urlThrough(url: string): string;
  /** Starts accepting connections on `port` (again). */
  listen(): Promise<void>;
  /**
   * An outage: destroys every piped connection (both sides) and stops listening, so new connections are
   * refused (ECONNREFUSED) and open ones break mid-conversation.
   */
  break(): Promise<void>;
  close(): Promise<void>;
}

/** A free loopback port: bound, then released (a test opens its proxy on it later). */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Creates a proxy to `target` on a free loopback port, not listening yet: call `listen()` (a test of
 * start-up opens it late on purpose).
 */
export async function createTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  let server: net.Server | undefined;

  const pipe = (client: net.Socket) => {
    accepted++;
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  };

  const stopListening = async () => {
    const closing = server;
    server = undefined;
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };

  const breakAll = async () => {
    const closed = stopListening();
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await closed;
  };

  return {
    port,
    get accepted() {
      return accepted;
    },
    urlThrough(url) {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString();
    },
    async listen() {
      if (server) return;
      const next = net.createServer(pipe);
      await new Promise<void>((resolve, reject) => next.once('error', reject).listen(port, '127.0.0.1', resolve));
      server = next;
    },
    break: breakAll,
    close: breakAll,
  };
}
