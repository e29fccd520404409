#!/usr/bin/env bash
# Sets up a fresh machine, builds gensyn, and runs a short devnet demo.
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

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/gensyn/target}"
cargo build --release -p gensyn-cli
gensyn="$CARGO_TARGET_DIR/release/gensyn"

set -x
"$gensyn" devnet up --fresh
"$gensyn" devnet status
"$gensyn" stake --role solver --amount 1000 --as alice
"$gensyn" account alice
"$gensyn" devnet down
