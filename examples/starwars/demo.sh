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
# Before any policy, every ship can land.
step $P exec --lab starwars xwing -- curl -s -m 5 -XPOST deathstar.default.svc.cluster.local/v1/request-landing
step $P exec --lab starwars tiefighter -- curl -s -m 5 -XPOST deathstar.default.svc.cluster.local/v1/request-landing
step $P exec --lab starwars tiefighter -- curl -s -m 5 -XPUT deathstar.default.svc.cluster.local/v1/exhaust-port
# DNS-aware egress demo: the mediabot reaches the lab's world over HTTPS (the lab CA is trusted inside exec).
step $P exec --lab starwars mediabot -- curl -sL -m 5 https://api.twitter.com
step $P exec --lab starwars mediabot -- curl -sL -m 5 https://help.twitter.com
# Seed 004's L3/L4 policy: only org=empire ships may reach the deathstar on 80/TCP. Each node's kernel now drops the
# xwing's connection (curl exits 28, a timeout) and lets the tiefighter land.
step $P apply --lab starwars -f examples/starwars/policies/sw_l3_l4_policy.yaml
step $P exec --lab starwars tiefighter -- curl -s -m 5 -XPOST deathstar.default.svc.cluster.local/v1/request-landing
step $P exec --lab starwars xwing -- curl -s -m 3 -XPOST deathstar.default.svc.cluster.local/v1/request-landing
step $P get endpoints --lab starwars
# Hubble-style flows from every node's kernel: the xwing's SYNs dropped, naming rule1 as the policy that isolated the
# deathstar; the tiefighter's connection allowed by rule1's ingress rule.
step $P observe --lab starwars --from-pod default/xwing --verdict DROPPED --last 3
step $P observe --lab starwars --from-pod default/tiefighter --to-port 80 --traffic-direction ingress --last 2
# Every pod pair probed from inside the pods, compared with the engine's prediction: the kernel agrees.
step $P connectivity test --lab starwars
if [ "${1:-}" = "--down" ]; then step $P lab down --name starwars; fi
