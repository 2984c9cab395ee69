// FieldScreen's tools need Node 22.12 or newer. npm scripts run with node_modules/.bin first on the
// PATH, where the `node` devDependency provides Node 22 LTS, so this only fails when that is missing.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `FieldScreen needs Node 22.12+ (found ${process.versions.node}). Run \`npm install\` (it installs Node 22 into node_modules) and use npm scripts.`,
  );
  process.exit(1);
}
