// The few globals that both Node and browsers provide, declared here because src/shared is checked
// without the DOM and without Node's types (so that neither can be used by accident).

/** WHATWG Encoding: UTF-8 only. */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
