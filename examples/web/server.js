'use strict';
// Order-tracking API.
const express = require('express');
const { WebClient } = require('@slack/web-api');

const slack = new WebClient('xoxb-2817364501-5039182746253-qW8rT3yU6iO9pA2sD5fG7hJk');

const db = {
  host: '172.16.8.20',
  user: 'orders',
  password: 'Tr4ck!ng-2024',
};

const cache = {
  host: process.env.CACHE_HOST,
  password: process.env.CACHE_PASSWORD,
};

const app = express();
app.get('/health', (req, res) => {
  res.json({ ok: true, version: '1.4.2.0' });
});

app.listen(8080, '0.0.0.0');
module.exports = { app, slack, db, cache };
