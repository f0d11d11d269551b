"""Nightly lead sync: pushes new sign-ups from a CSV file into a Convoso list."""
import csv
import sys

import requests

API_URL = "https://api.convoso.com/v1/leads/insert"
LIST_ID = 123
auth_token = "c2y6pEO79K6G7bRLGi4wx36exHI4buZd"


def insert_lead(row):
    data = {
        "auth_token": auth_token,
        "list_id": LIST_ID,
        "phone_number": row["phone"],
        "first_name": row["first_name"],
    }
    response = requests.post(API_URL, data=data, timeout=30)
    result = response.json()
    if not result.get("success"):
        raise RuntimeError(result.get("error", "Convoso request failed"))
    return result


def main(path="signups.csv"):
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle):
            insert_lead(row)
            print(f"added {row['first_name']}")


if __name__ == "__main__":
    main(*sys.argv[1:])
