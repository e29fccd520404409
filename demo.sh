#!/usr/bin/env bash
# Sets up a fresh machine, builds gensyn, and runs the protocol on the devnet:
# a solver and a verifier agent take alice's task to its payment.
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

set -x
"$gensyn" devnet up --fresh --block-time 500
"$gensyn" devnet status
"$gensyn" stake --role solver --amount 1000 --as charlie
"$gensyn" stake --role verifier --amount 500 --as dave
"$gensyn" stake --role whistleblower --amount 100 --as eve
set +x

# The protocol, honest: a solver, a verifier and a whistleblower agent, and a
# task from alice.
work=$(mktemp -d)
trap '"$gensyn" devnet down >/dev/null 2>&1 || true; kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
"$gensyn" solve --once --as charlie --data-dir "$work/solver" &
"$gensyn" verify --once --as dave --data-dir "$work/verifier" &
"$gensyn" whistle --once --as eve --data-dir "$work/whistleblower" &
# Their VRF keys count 10 blocks (5 s) after they are registered.
sleep 8
set -x
"$gensyn" submit fixtures/blobs-mlp-sgd.toml --fee 20 --deadline 600 --as alice --wait
set +x
wait
set -x
"$gensyn" task show 0
"$gensyn" account charlie
"$gensyn" account dave
"$gensyn" account eve
"$gensyn" devnet down
