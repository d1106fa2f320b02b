#!/usr/bin/env node
// The `entente` binary: loads the built CLI. `npm install` builds it (the root `prepare` script).
let main;
try {
  ({ main } = await import('../dist/main.js'));
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write(
      'entente: the CLI is not built; run `npm run build` at the repository root\n',
    );
    process.exit(2);
  }
  throw error;
}
process.exitCode = await main(process.argv.slice(2));
