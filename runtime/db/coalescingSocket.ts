import { connect, type Socket } from 'node:net';

/**
 * A TCP connection to MariaDB whose writes within one turn of the event loop leave in one system
 * call. The driver writes every statement as soon as it is queued; an action pipelines BEGIN with
 * its read and its updates and inserts with each other, and each write was a system call of its
 * own that cost as much as the driver's work for the statement (profile of bench/runtime.ts). The
 * socket is corked at the first write and uncorked on the next tick, after the promise callbacks
 * that queue the rest: the statements then go out together, as one writev.
 */
export function coalescingSocket(port: number, host: string): Socket {
  const socket = connect(port, host);
  socket.setNoDelay(true);
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  socket.write = ((...args: unknown[]) => {
    if (!corked) {
      corked = true;
      socket.cork();
      process.nextTick(uncork);
    }
    return write(...args);
  }) as Socket['write'];
  return socket;
}
