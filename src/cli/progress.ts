/** A one-line progress indicator on standard error, only when it is a terminal. */
export function progressReporter(): { update: (done: number, total: number) => void; clear: () => void } {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  let drawn = false;
  return {
    update: (done, total) => {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      drawn = true;
      process.stderr.write(`\r\x1b[2Kscanning ${done}/${total} files`);
    },
    clear: () => {
      if (tty && drawn) process.stderr.write('\r\x1b[2K');
    },
  };
}
