#!/usr/bin/env node
// Licence service CLI: keygen, issue, renew, list, public-keys, serve. Run without arguments
// for the usage text.
import { runLicenceCli } from "./run-licence-cli.js";

const exitCode = await runLicenceCli(process.argv.slice(2), {
  output: {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  },
});
if (exitCode !== 0) process.exitCode = exitCode;
