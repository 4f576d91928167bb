require "stripe"

# ruleid: secret.stripe-key
Stripe.api_key = "sk_live_xrO5qHGyRzjD6f58lkIDErUA"
# ruleid: secret.stripe-key
RESTRICTED = 'rk_live_UIfTeVgJFlG1GjK7BWkgFgHG'
# ruleid: secret.stripe-key
endpoint_secret = "whsec_BmWndLFbkp4B2LOpdBWamBJ8kvUXGAAj"
# ok: secret.stripe-key
Stripe.api_key = ENV.fetch("STRIPE_SECRET_KEY")
# ok: secret.stripe-key
PUBLISHABLE = "pk_live_L7lrIIqBljMwztSuRYRGSvjn"
# ok: secret.stripe-key
DOCS = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"
