import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

export interface PromptStreams {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Where the label goes (the terminal's stderr); the typed secret is never echoed. */
  output: NodeJS.WritableStream;
}

/**
 * Reads a secret from the terminal without echoing it. Refuses when stdin is not a terminal. The
 * answer is a JS string (what the services take), which Node cannot wipe; readline keeps no history
 * of it, so the only copy is the one returned.
 */
export function promptSecret(
  label: string,
  streams: PromptStreams = { input: process.stdin, output: process.stderr },
): Promise<string> {
  if (!streams.input.isTTY) {
    return Promise.reject(new Error('no terminal to ask for a secret; set it in the environment instead'));
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) streams.output.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: streams.input, output, terminal: true, historySize: 0 });
  return new Promise((resolve) => {
    rl.question(`${label}: `, (answer) => {
      rl.close();
      streams.output.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}
