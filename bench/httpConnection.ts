import { connect, type Socket } from 'node:net';

/**
 * One kept-alive HTTP/1.1 connection for the runtime benchmark's load generator, one request at a
 * time. The load generator shares the machine's two cores with the server and the database it
 * measures, so it is kept lean: a request is one write of prepared text, an answer is read by its
 * content-length. node:http cost the load generator about 0.4 ms of CPU per request (SQLite run: a
 * third of what the server spent), undici's request API more. Enough HTTP for the runtime's own
 * answers (content-length, no chunked encoding), not a general client.
 */
export class HttpConnection {
  private readonly socket: Socket;
  private buffered: Buffer = Buffer.alloc(0);
  private waiting?: { resolve: (answer: { status: number; body: string }) => void; reject: (e: Error) => void };

  constructor(private readonly host: string, port: number) {
    this.socket = connect(port, host);
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk: Buffer) => this.received(chunk));
    this.socket.on('error', (e) => this.fail(e));
    this.socket.on('close', () => this.fail(new Error('connection closed')));
  }

  request(method: string, path: string, token: string, body?: string): Promise<{ status: number; body: string }> {
    if (this.waiting) return Promise.reject(new Error('one request at a time'));
    const length = body === undefined ? '' : `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`;
    this.socket.write(`${method} ${path} HTTP/1.1\r\nhost: ${this.host}\r\nauthorization: Bearer ${token}\r\n${length}\r\n${body ?? ''}`);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private received(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const end = this.buffered.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buffered.toString('latin1', 0, end);
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!length) return this.fail(new Error(`answer without content-length: ${head.slice(0, 200)}`));
    const total = end + 4 + Number(length[1]);
    if (this.buffered.length < total) return;
    const body = this.buffered.toString('utf8', end + 4, total);
    this.buffered = this.buffered.subarray(total);
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve({ status: Number(head.slice(9, 12)), body });
  }

  private fail(e: Error): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(e);
  }
}
