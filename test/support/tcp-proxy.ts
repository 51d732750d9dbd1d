import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that can turn into a black hole: connections stay open and
 * new ones are accepted, but no byte goes through in either direction — what a stopped server
 * or a network that drops packets looks like to the API. `restore()` lets traffic through again.
 */
export interface BlackHoleProxy {
  /** The server URL with the proxy's host and port. */
  url: string;
  blackHole(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startProxy(targetUrl: string): Promise<BlackHoleProxy> {
  const target = new URL(targetUrl);
  let holed = false;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    // Accepted while holed: the client waits for a server greeting that never comes.
    if (holed) return;
    const upstream = connect(Number(target.port || 5432), target.hostname);
    track(upstream);
    client.on('data', (chunk) => holed || upstream.write(chunk));
    upstream.on('data', (chunk) => holed || client.write(chunk));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(typeof address === 'object' && address ? address.port : 0);
  return {
    url: url.toString(),
    blackHole: () => {
      holed = true;
    },
    restore: () => {
      holed = false;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
