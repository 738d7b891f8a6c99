/** Progress lines on stdout (the bench is a command-line tool; the server's logs stay its own). */
export interface Log {
  line(text: string): void;
  /** A line that the next one overwrites on a terminal. */
  progress(text: string): void;
}

export function consoleLog(): Log {
  const tty = process.stdout.isTTY;
  let pending = false;
  return {
    line(text) {
      if (pending && tty) process.stdout.write('\r\x1b[K');
      pending = false;
      process.stdout.write(`${text}\n`);
    },
    progress(text) {
      if (tty) {
        process.stdout.write(`\r\x1b[K${text}`);
        pending = true;
      } else process.stdout.write(`${text}\n`);
    },
  };
}

export function stopwatch() {
  const start = process.hrtime.bigint();
  return { seconds: () => Number(process.hrtime.bigint() - start) / 1e9 };
}
