// Node side of the agreement test: layout.js with layout_rules.json, on the input read from
// stdin (JSON); prints runAgreement's answer as JSON.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const repo = path.resolve(__dirname, "..", "..");
for (const file of ["static/ptce/layout.js", "tests/layout/agreement.js"]) {
  vm.runInThisContext(fs.readFileSync(path.join(repo, file), "utf8"), { filename: file });
}
const rules = JSON.parse(fs.readFileSync(path.join(repo, "static/ptce/layout_rules.json"), "utf8"));
const input = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(globalThis.runAgreement(createPtceLayout(rules), input)));
