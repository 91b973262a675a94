/** A one-line progress bar redrawn in place on a terminal stream. */
export function createProgressBar(stream: NodeJS.WriteStream, label: string, unit = 'sessions'): {
  update(done: number, total: number): void;
  end(): void;
} {
  const started = Date.now();
  let lastDraw = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - lastDraw < 80 && done < total) return;
      lastDraw = now;
      const width = 30;
      const frac = total > 0 ? done / total : 0;
      const filled = Math.round(frac * width);
      const elapsed = (now - started) / 1000;
      const eta = frac > 0 ? elapsed / frac - elapsed : 0;
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% ` +
          `${done}/${total} ${unit}, ETA ${eta.toFixed(1)}s `,
      );
    },
    end() {
      stream.write('\n');
    },
  };
}
