import { readFileSync } from 'node:fs';

/**
 * Just enough ELF64 reading to tell, without loading it, which Node-API version a Linux addon was
 * built for: addons built with node-addon-api export `node_api_module_get_api_version_v1`, a function
 * that returns a constant (`[endbr64] mov eax, imm32; ret`). Node calls it at load time to decide
 * which Node-API behaviour the addon gets; the runtime (Node or Electron) must offer at least that.
 */

interface Section {
  name: number;
  type: number;
  addr: bigint;
  offset: bigint;
  size: bigint;
  link: number;
  entsize: bigint;
}

function sections(b: Buffer): Section[] {
  const shoff = Number(b.readBigUInt64LE(0x28));
  const shentsize = b.readUInt16LE(0x3a);
  const shnum = b.readUInt16LE(0x3c);
  const out: Section[] = [];
  for (let i = 0; i < shnum; i++) {
    const o = shoff + i * shentsize;
    out.push({
      name: b.readUInt32LE(o),
      type: b.readUInt32LE(o + 4),
      addr: b.readBigUInt64LE(o + 0x10),
      offset: b.readBigUInt64LE(o + 0x18),
      size: b.readBigUInt64LE(o + 0x20),
      link: b.readUInt32LE(o + 0x28),
      entsize: b.readBigUInt64LE(o + 0x38),
    });
  }
  return out;
}

function cString(b: Buffer, at: number): string {
  const end = b.indexOf(0, at);
  return b.toString('latin1', at, end);
}

/** Value (virtual address) of an exported dynamic symbol, or null. */
function dynamicSymbol(b: Buffer, name: string): bigint | null {
  const all = sections(b);
  const dynsym = all.find((s) => s.type === 11); // SHT_DYNSYM
  if (!dynsym) return null;
  const strtab = all[dynsym.link];
  if (!strtab) return null;
  const count = Number(dynsym.size / (dynsym.entsize || 24n));
  for (let i = 0; i < count; i++) {
    const o = Number(dynsym.offset) + i * 24;
    const symName = cString(b, Number(strtab.offset) + b.readUInt32LE(o));
    if (symName === name) return b.readBigUInt64LE(o + 8);
  }
  return null;
}

/** File offset of a virtual address, through the PT_LOAD program headers. */
function fileOffset(b: Buffer, vaddr: bigint): number | null {
  const phoff = Number(b.readBigUInt64LE(0x20));
  const phentsize = b.readUInt16LE(0x36);
  const phnum = b.readUInt16LE(0x38);
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * phentsize;
    if (b.readUInt32LE(o) !== 1) continue; // PT_LOAD
    const offset = b.readBigUInt64LE(o + 8);
    const start = b.readBigUInt64LE(o + 0x10);
    const filesz = b.readBigUInt64LE(o + 0x20);
    if (vaddr >= start && vaddr < start + filesz) return Number(vaddr - start + offset);
  }
  return null;
}

export function isElf64LittleEndian(file: string): boolean {
  const b = readFileSync(file);
  return b.readUInt32BE(0) === 0x7f454c46 && b[4] === 2 && b[5] === 1;
}

/** The Node-API version a Linux x64 addon declares, or null when it does not say (or is not x64 ELF). */
export function declaredNapiVersion(file: string): number | null {
  const b = readFileSync(file);
  if (!isElf64LittleEndian(file)) return null;
  const at = dynamicSymbol(b, 'node_api_module_get_api_version_v1');
  if (at === null) return null;
  let o = fileOffset(b, at);
  if (o === null) return null;
  if (b.readUInt32BE(o) === 0xf30f1efa) o += 4; // endbr64
  if (b[o] !== 0xb8 || b[o + 5] !== 0xc3) return null; // mov eax, imm32; ret
  return b.readInt32LE(o + 1);
}

/**
 * Names a native addon imports or exports that tie it to one runtime's C++ ABI rather than Node-API:
 * V8 or Node C++ symbols (Itanium or MSVC mangling) and the pre-Node-API registration hook.
 */
export function nonNodeApiSymbols(file: string): string[] {
  const text = readFileSync(file).toString('latin1');
  const found = new Set<string>();
  for (const pattern of [/_ZN2v8\w*/g, /_ZN4node\w*/g, /\?[\w@]*@v8@@/g, /\bnode_module_register\b/g]) {
    for (const m of text.matchAll(pattern)) found.add(m[0]);
  }
  return [...found];
}
