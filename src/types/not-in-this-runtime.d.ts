// Code that must not use Electron or Node resolves `electron` and Node's modules to this file (see the
// `paths` in src/shared, src/renderer and src/preload tsconfig.json), so importing one is the type error
// "File '…/not-in-this-runtime.d.ts' is not a module". Deliberately not a module: keep it free of exports.
