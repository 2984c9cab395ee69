/** Overwrite key material we are done with. JS strings cannot be wiped, so keys live in Buffers. */
export function wipe(...buffers: Array<Buffer | Uint8Array | null | undefined>): void {
  for (const b of buffers) b?.fill(0);
}
