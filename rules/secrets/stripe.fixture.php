<?php
// ruleid: secret.stripe-key
$stripe = new \Stripe\StripeClient('sk_test_S870xHrqxDnwoaVLHfKA84V7');
// ok: secret.stripe-key
$stripe = new \Stripe\StripeClient(getenv('STRIPE_SECRET_KEY'));
// ok: secret.stripe-key
$placeholder = 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx';
