#!/usr/bin/env bash
# Times pages of a running app as a signed-in user, in Dutch and English, and counts raw ids
# (UUIDs) in the visible text. Usage, with the demo running on port 8080:
#   scripts/page-times.sh pieter.de.boer@degilde.example / /cooperatives/CID /cooperatives/CID/books
# CID stands for the user's first cooperative. BASE and PASSWORD may be set in the environment.
set -euo pipefail
base=${BASE:-http://localhost:8080}
password=${PASSWORD:-gilde-demo-2026}
user=$1; shift
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$user" --data-urlencode "password=$password" \
  --data-urlencode "_csrf=$csrf" "$base/login"
cid=$(curl -s -b "$jar" "$base/" | grep -o '/cooperatives/[0-9a-f-]\{36\}' | head -1 | cut -d/ -f3 || true)
for page in "$@"; do
  page=${page//CID/$cid}
  for lang in nl en; do
    out=$(curl -s -b "$jar" -H 'Accept: text/html' -w '\n%{http_code} %{time_total}' "$base$page?lang=$lang")
    status=$(echo "$out" | tail -1)
    ids=$(echo "$out" | sed '$d' | tr '\n' ' ' | sed 's/<[^>]*>//g' | { grep -o '[0-9a-f]\{8\}-[0-9a-f]\{4\}-' || true; } | wc -l)
    echo "$lang $status s, raw ids in text: $ids  $page"
  done
done
