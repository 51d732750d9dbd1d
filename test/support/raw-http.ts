import { connect, type Socket } from 'node:net';

/** An HTTP/1.1 answer read off a raw socket. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * A request written by hand on its own connection, for what supertest cannot do: trickle a body,
 * announce a length and never send it, or keep writing after the server has answered.
 */
export class RawRequest {
  readonly socket: Socket;
  /** The answer, as soon as its head and body are in (the server may still hold the connection). */
  readonly response: Promise<RawResponse>;
  /** Resolves when the server (or the client) has closed the connection. */
  readonly closed: Promise<void>;
  /** Body bytes handed to the socket so far. */
  bytesSent = 0;
  answered = false;

  constructor(port: number, method: string, path: string, headers: Record<string, string>) {
    this.socket = connect(port, '127.0.0.1');
    // The server may reset the connection while the client is still writing: that is expected.
    this.socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => this.socket.once('close', () => resolve()));
    this.response = new Promise((resolve, reject) => {
      let received = Buffer.alloc(0);
      const onData = (data: Buffer) => {
        received = Buffer.concat([received, data]);
        const parsed = parseResponse(received);
        if (parsed) {
          this.answered = true;
          this.socket.off('data', onData);
          resolve(parsed);
        }
      };
      this.socket.on('data', onData);
      this.socket.once('close', () => reject(new Error(`connection closed without a complete answer: ${received.toString('latin1').slice(0, 200)}`)));
    });
    // Nobody has to wait for the answer to avoid an unhandled rejection.
    this.response.catch(() => undefined);
    const head = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`), '', ''].join('\r\n');
    this.socket.write(head);
  }

  /** Writes body bytes; resolves when the socket has taken them (false: the connection is gone). */
  write(chunk: Buffer | string): Promise<boolean> {
    if (this.socket.destroyed || !this.socket.writable) return Promise.resolve(false);
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    return new Promise((resolve) => {
      this.socket.write(bytes, (error) => {
        if (!error) this.bytesSent += bytes.length;
        resolve(!error);
      });
    });
  }

  /** Writes one chunk of a `Transfer-Encoding: chunked` body. */
  writeChunk(chunk: Buffer | string): Promise<boolean> {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    return this.write(Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]));
  }

  close(): void {
    this.socket.destroy();
  }
}

function parseResponse(bytes: Buffer): RawResponse | undefined {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  const length = Number(headers['content-length'] ?? 0);
  const body = bytes.subarray(end + 4);
  if (body.length < length) return undefined;
  return { status: Number(statusLine.split(' ')[1]), headers, body: body.subarray(0, length).toString('utf8') };
}
