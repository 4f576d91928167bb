#!/bin/sh
# ruleid: secret.github-token
export GITHUB_TOKEN=ghp_by6RFnCakeiouTTyPatiK27F4T3TgOLubYXr
# ok: secret.github-token
export GITHUB_TOKEN="$(gh auth token)"
