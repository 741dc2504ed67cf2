#!/usr/bin/env bash
# Builds what the end-to-end tests run into .tools/bin/ (ignored by git), skipping what is already built:
#   pulumi                        the real Pulumi CLI v3.248.0, from its published Go module (tools/pulumi)
#   pulumi-language-yaml          the real Pulumi YAML host v1.38.0 (tools/pulumi-yaml)
#   pulumi-language-nodejs        a STAND-IN Node.js language host (tools/pulumi/cmd): the Go module proxy
#                                 refuses the real one
#   pulumi-resource-azure-native  a STAND-IN azure-native provider that talks to the simulated Azure only
# Go's module and build caches are reused, so only the first build on a machine is slow.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${root}/.tools/bin"
mkdir -p "${bin}"
export CGO_ENABLED=0
# Go's module and build caches live in the ignored .tools/go, so a checkout carries its own (writable, so
# that `rm -rf .tools` works) unless the caller points Go elsewhere.
export GOMODCACHE="${E2E_GOMODCACHE:-${root}/.tools/go/mod}" GOCACHE="${E2E_GOCACHE:-${root}/.tools/go/cache}" GOFLAGS="-modcacherw"
flags=(-trimpath -tags osusergo,grpcnotrace)
pulumi_version="v3.248.0"

if [ ! -x "${bin}/pulumi" ] || ! "${bin}/pulumi" version 2>/dev/null | grep -qx "${pulumi_version}"; then
    echo "building pulumi ${pulumi_version} (the first build on a machine takes a few minutes)" >&2
    (cd "${root}/tools/pulumi" && go build "${flags[@]}" \
        -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=${pulumi_version}" \
        -o "${bin}/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi)
fi
if [ ! -x "${bin}/pulumi-language-yaml" ]; then
    echo "building pulumi-language-yaml v1.38.0" >&2
    (cd "${root}/tools/pulumi-yaml" && go build "${flags[@]}" -o "${bin}/pulumi-language-yaml" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml)
fi
# The stand-ins are ours and small: always rebuilt (Go's cache makes that a second or two when unchanged).
(cd "${root}/tools/pulumi" && go build "${flags[@]}" -o "${bin}/" ./cmd/...)
# With --test: the stand-ins' own tests (the azure-native diff and REST body facts the scenarios rely on).
if [ "${1:-}" = "--test" ]; then
    (cd "${root}/tools/pulumi" && go test ./...)
fi
