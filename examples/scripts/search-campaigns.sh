#!/usr/bin/env bash
# Lists the campaigns this Convoso account can see, pretty-printed.
set -euo pipefail

curl -sS -X POST "https://api.convoso.com/v1/campaigns/search" \
  -H "Content-Type: application/x-www-form-urlencoded" \
  -d "auth_token=kQFzG2dESmoqjmwAIG5x0sZi743yMgZd" \
  | python3 -m json.tool
