#!/usr/bin/env node
/**
 * The `azureml-compute` command (`azureml-compute plan ...`). In a checkout of the repository it runs the
 * sources (so the plan checks the code as it is); an installed package runs its build.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const sources = path.join(root, "plan", "cli.ts");
if (fs.existsSync(sources)) {
    require("ts-node").register({ transpileOnly: true, project: path.join(root, "tsconfig.json") });
    require(sources);
} else {
    require(path.join(root, "dist", "plan", "cli.js"));
}
