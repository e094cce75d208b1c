/**
 * Opens a URL in the desktop's browser. terse keeps this to a platform switch of three commands
 * rather than a dependency: it needs no more, and a failure only means the user opens the printed URL.
 */
import { spawn } from 'node:child_process';

/** Starts the platform's opener detached; resolves false when there is none. */
export function openBrowser(url: string): Promise<boolean> {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  return new Promise((resolve) => {
    const child = spawn(command as string, args as string[], { detached: true, stdio: 'ignore' });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
