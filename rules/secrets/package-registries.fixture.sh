#!/bin/bash
# ruleid: secret.package-registry-token
echo "dckr_pat_m_W8mdAd3Vss1mMN7QoIQH1YUDm" | docker login -u acmebot --password-stdin
# ruleid: secret.package-registry-token
export GEM_HOST_API_KEY=rubygems_9eec01407ec6a1b044da05ca4ed81004c1dec8ee162646ff
# ok: secret.package-registry-token
echo "$DOCKERHUB_TOKEN" | docker login -u acmebot --password-stdin
