# One-time setup of the lead sync on a Windows workstation.
$ErrorActionPreference = "Stop"

$env:CONVOSO_AUTH_TOKEN = "OcKb0IlSJYL41y0V862U7tqJIYVXmHGK"
$env:CONVOSO_LIST_ID = "123"

python -m pip install --quiet requests
python scripts/sync_leads.py signups.csv
Write-Host "Lead sync configured for list $env:CONVOSO_LIST_ID"
