#!/usr/bin/env bash
# Cilium's star wars demo (seed 004) in a Palisade lab: brings the lab up and walks the demo's steps with real
# traffic between pods in network namespaces. Needs root (network namespaces). Leaves the lab up for you to explore;
# `./palisade lab down --name starwars` removes everything. Pass --down to take it down at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
P=./palisade
step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@" || echo "(exit code $?)"; }

$P lab down --name starwars >/dev/null   # a fresh start when the demo ran before
step $P lab up --name starwars -f examples/starwars/app \
  --external-hosts api.twitter.com,help.twitter.com,about.twitter.com,twitter.com,api.github.com
step $P get pods -o wide --lab starwars
step $P get services --lab starwars
# Before any policy, every ship can land (no policy is enforced yet).
step $P exec --lab starwars xwing -- curl -s -m 5 -XPOST deathstar.default.svc.cluster.local/v1/request-landing
step $P exec --lab starwars tiefighter -- curl -s -m 5 -XPOST deathstar.default.svc.cluster.local/v1/request-landing
step $P exec --lab starwars tiefighter -- curl -s -m 5 -XPUT deathstar.default.svc.cluster.local/v1/exhaust-port
# DNS-aware egress demo: the mediabot reaches the lab's world over HTTPS (the lab CA is trusted inside exec).
step $P exec --lab starwars mediabot -- curl -sL -m 5 https://api.twitter.com
step $P exec --lab starwars mediabot -- curl -sL -m 5 https://help.twitter.com
# The L3/L4 policy is stored in the lab; enforcement on packets comes with the nftables data plane.
step $P apply --lab starwars -f examples/starwars/policies/sw_l3_l4_policy.yaml
step $P get policies --lab starwars
if [ "${1:-}" = "--down" ]; then step $P lab down --name starwars; fi
