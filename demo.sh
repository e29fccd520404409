#!/usr/bin/env bash
# Sets up a fresh machine, builds gensyn, and runs the protocol on the devnet:
# `gensyn demo`, honest and adversarial.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v protoc >/dev/null || need+=(protobuf-compiler)
command -v clang >/dev/null || need+=(clang)
dpkg -s libssl-dev >/dev/null 2>&1 || need+=(libssl-dev)
# openssl-sys (under the `vrf` crate) finds OpenSSL through pkg-config.
command -v pkg-config >/dev/null || need+=(pkg-config)
if [ ${#need[@]} -gt 0 ]; then
    SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi
rustup target add wasm32-unknown-unknown wasm32v1-none
rustup component add rust-src

# The build the tests use (`cargo test --release --workspace`, the README's
# second command): the same target folder and the same features, so that
# command only runs what this one compiled.
cargo test --release --workspace --no-run
gensyn="${CARGO_TARGET_DIR:-target}/release/gensyn"

# The protocol on a devnet whose blocks come every 200 ms: three scenarios
# (honest; a cheating solver convicted by arbitration; a lazy verifier that
# loses its game), each with its phases, games and a balance table that adds
# up. `gensyn demo` starts the agents and stakes the accounts itself.
trap '"$gensyn" devnet down >/dev/null 2>&1 || true' EXIT
set -x
"$gensyn" devnet up --fresh --block-time 200
"$gensyn" demo --scenario all
"$gensyn" task list
"$gensyn" funds
