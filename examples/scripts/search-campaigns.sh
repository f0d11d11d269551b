#!/usr/bin/env bash
# Lists the campaigns this Convoso account can see, pretty-printed.
set -euo pipefail

curl -sS -X POST "https://api.convoso.com/v1/campaigns/search" \
  -H "Content-Type: application/x-www-form-urlencoded" \
  -d "auth_token=c2y6pEO79K6G7bRLGi4wx36exHI4buZd" \
  | python3 -m json.tool
