#!/usr/bin/env bash
# ruleid: secret.service-token
export VAULT_TOKEN=hvs.n7uzPJXv2kkRGNFhcZBT5g7_EsEIojCt-hhQODeVuf0F_uZPwCp1MlmWt3Zwla825Gfkeou0eKM5H_kT9SBG9BaJTBdv3j7
# ruleid: secret.service-token
export DIGITALOCEAN_TOKEN="dop_v1_2fdd3a1ed8cf0ccf5ee33eb6dfd6770d43e0a2fa91787effb2121c506bac842f"
# ruleid: secret.service-token
databricks configure --token <<< "dapi5fa229d4f62a0290c9d174e373bdb76b"
# ok: secret.service-token
export VAULT_TOKEN="$(vault login -token-only -method=oidc)"
