# One-time setup of the lead sync on a Windows workstation.
$ErrorActionPreference = "Stop"

$env:CONVOSO_AUTH_TOKEN = "c2y6pEO79K6G7bRLGi4wx36exHI4buZd"
$env:CONVOSO_LIST_ID = "123"

python -m pip install --quiet requests
python scripts/sync_leads.py signups.csv
Write-Host "Lead sync configured for list $env:CONVOSO_LIST_ID"
