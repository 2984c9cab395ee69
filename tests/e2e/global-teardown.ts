import { rmSync } from 'node:fs';

/** Removes the temporary folders (and the kept recovery key) that playwright.config.ts made for this run. */
export default function globalTeardown(): void {
  const made = JSON.parse(process.env.FIELDSCREEN_E2E_REMOVE_AFTER ?? '[]') as string[];
  for (const path of made) rmSync(path, { recursive: true, force: true });
}
