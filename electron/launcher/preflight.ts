/** Why no desktop window can open here, or null. Linux needs an X11 or Wayland display. */
export function missingDisplay(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  if (platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return null;
  return 'there is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set)';
}

/** The first line of a failed download's output: the reason, without the stack. */
export function firstLine(output: string): string {
  return output.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? 'no output';
}
