/**
 * Realistic files that leak credentials the way real repositories do: application code in every supported language,
 * config and deployment files, scripts, notebooks and docs. Each template interpolates fresh fake values through a
 * `LabelBuilder`, marking secrets (`b.secret`) and near misses (`b.decoy`) as it goes.
 */
import { LabelBuilder } from './labels';
import { Makers, privateKeys } from './random';

export interface TemplateContext {
  readonly b: LabelBuilder;
  readonly m: Makers;
  readonly keys: ReturnType<typeof privateKeys>;
  /** Instance number, so file names and identifiers vary between copies. */
  readonly n: number;
}

export interface Template {
  readonly path: (n: number) => string;
  readonly render: (c: TemplateContext) => string;
}

const P = 'provider' as const;
const K = 'private-key' as const;
const U = 'url-or-connection-string' as const;
const G = 'generic' as const;

export const TEMPLATES: readonly Template[] = [
  {
    path: (n) => `services/billing-${n}/settings.py`,
    render: ({ b, m }) => `"""Django settings for the billing service."""
import os

SECRET_KEY = "${b.secret(G, 'django-secret-key', `django-insecure-${m.base62(40)}`)}"
DEBUG = False
ALLOWED_HOSTS = ["billing.internal"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "billing",
        "USER": "billing",
        "PASSWORD": "${b.secret(G, 'password-dict', m.password())}",
        "HOST": os.environ.get("DB_HOST", "${b.decoy('env-default-host', 'localhost')}"),
    }
}

STRIPE_SECRET_KEY = "${b.secret(P, 'stripe', m.stripeLive())}"
STRIPE_PUBLISHABLE_KEY = "${b.decoy('publishable-key', `pk_live_${m.base62(24)}`)}"
AWS_ACCESS_KEY_ID = "${b.secret(P, 'aws-key-id', m.awsKeyId())}"
AWS_SECRET_ACCESS_KEY = "${b.secret(P, 'aws-secret', m.awsSecret())}"
SENDGRID_API_KEY = os.environ["${b.decoy('env-name', 'SENDGRID_API_KEY')}"]
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "${b.decoy('placeholder', 'changeme')}")
PASSWORD_HASHERS = ["${b.decoy('qualified-name', 'django.contrib.auth.hashers.Argon2PasswordHasher')}"]
`,
  },
  {
    path: (n) => `services/notify-${n}/src/config.js`,
    render: ({ b, m }) => `'use strict';

module.exports = {
  port: Number(process.env.PORT || 3000),
  slack: {
    token: "${b.secret(P, 'slack-token', m.slackBot())}",
    webhook: "${b.secret(P, 'slack-webhook', m.slackWebhook())}",
  },
  github: { auth: '${b.secret(P, 'github', m.githubPat())}' },
  sendgrid: { apiKey: process.env.SENDGRID_API_KEY || '${b.secret(P, 'sendgrid', m.sendgrid())}' },
  twilio: { apiKey: "${b.secret(P, 'twilio', m.twilioKey())}", from: "+15005550006" },
  session: { secret: "${b.secret(G, 'session-secret', m.base62(32))}" },
  labels: { password: "${b.decoy('ui-label', 'Password')}", passwordHint: "${b.decoy('ui-label', 'At least 12 characters')}" },
  db: { password: process.env.DB_PASSWORD },
};
`,
  },
  {
    path: (n) => `web/src/firebase-${n}.ts`,
    render: ({ b, m }) => `import { initializeApp } from "firebase/app";

const firebaseConfig = {
  apiKey: "${b.secret(P, 'google-api-key', m.googleApiKey())}",
  authDomain: "acme-web.firebaseapp.com",
  projectId: "acme-web",
  appId: "1:4821:web:${b.decoy('app-id', m.hex32().slice(0, 22))}",
};

export const app = initializeApp(firebaseConfig);
export const OPENAI_KEY: string = "${b.secret(P, 'openai', m.openai())}";
const apiKey = import.meta.env.VITE_API_KEY ?? "${b.decoy('placeholder', 'your-api-key-here')}";
export const headers = { Authorization: \`Bearer \${apiKey}\` };
`,
  },
  {
    path: (n) => `mobile/src/components/Login${n}.tsx`,
    render: ({ b, m }) => `import React, { useState } from "react";

const DEMO_PASSWORD = "${b.secret(G, 'password-const', m.password())}";

export function Login() {
  const [password, setPassword] = useState("");
  return (
    <form>
      <input type="password" placeholder="${b.decoy('ui-label', 'Enter your password')}" value={password} />
      <SupportChat token="${b.secret(G, 'jsx-token', m.base62(40))}" />
    </form>
  );
}
`,
  },
  {
    path: (n) => `backend/src/main/java/com/acme/Datasource${n}.java`,
    render: ({ b, m }) => `package com.acme;

import java.sql.Connection;
import java.sql.DriverManager;

public class Datasource {
    private static final String URL = "jdbc:postgresql://db.prod.internal:5432/orders";
    private static final String USER = "orders";
    private static final String PASSWORD = "${b.secret(G, 'password-const', m.password())}";
    private static final String API_TOKEN = "${b.secret(G, 'token-const', m.hex32())}";

    public Connection open() throws Exception {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    public Connection legacy() throws Exception {
        return DriverManager.getConnection("jdbc:mysql://legacy:3306/shop", "shop", "${b.secret(G, 'password-argument', m.password())}");
    }

    boolean isMaintenance(String password) {
        return "${b.secret(G, 'password-compare', m.password())}".equals(password);
    }

    String fromEnv() {
        return System.getenv("${b.decoy('env-name', 'ORDERS_DB_PASSWORD')}");
    }
}
`,
  },
  {
    path: (n) => `backend/src/main/resources/application-${n}.properties`,
    render: ({ b, m }) => `spring.datasource.url=jdbc:mysql://db:3306/catalog?user=catalog&password=${b.secret(U, 'jdbc-password', m.password().replace(/[#&%]/g, 'x'))}
spring.datasource.username=catalog
spring.datasource.password=${b.secret(G, 'password-properties', m.password())}
spring.mail.password=${b.decoy('placeholder', '${MAIL_PASSWORD}')}
app.jwt.secret=${b.secret(G, 'jwt-secret', m.base62(48))}
management.endpoints.web.exposure.include=health
`,
  },
  {
    path: (n) => `cmd/worker${n}/main.go`,
    render: ({ b, m }) => `package main

import (
	"database/sql"
	"os"
)

const vaultToken = "${b.secret(P, 'vault', m.vault())}"

var defaultConfig = Config{
	User:     "worker",
	Password: "${b.secret(G, 'password-struct', m.password())}",
	APIKey:   "${b.secret(G, 'api-key-struct', m.hex32())}",
}

func main() {
	dsn := "postgres://worker:${b.secret(U, 'url-password', m.password().replace(/[#%@/?]/g, 'x'))}@db.internal:5432/jobs?sslmode=require"
	token := os.Getenv("${b.decoy('env-name', 'DO_TOKEN')}")
	doToken := "${b.secret(P, 'digitalocean', m.digitalocean())}"
	_, _, _ = sql.Open("postgres", dsn), token, doToken
}
`,
  },
  {
    path: (n) => `src/Acme.Payments${n}/PaymentOptions.cs`,
    render: ({ b, m }) => `namespace Acme.Payments;

public class PaymentOptions
{
    public const string StorageConnection = "DefaultEndpointsProtocol=https;AccountName=acmepay;AccountKey=${b.secret(P, 'azure-storage', m.azureAccountKey())};EndpointSuffix=core.windows.net";
    public const string Sql = "Server=tcp:acme.database.windows.net,1433;Database=payments;User ID=payments;Password=${b.secret(U, 'ado-net-password', m.password().replace(/;/g, 'x'))};Encrypt=True;";
    public string ClientSecret { get; set; } = "${b.secret(P, 'azure-ad-secret', m.azureAdSecret())}";
    public string SubscriptionKey { get; set; } = "${b.secret(G, 'subscription-key', m.hex32())}";

    public NetworkCredential Smtp() => new NetworkCredential("mailer", "${b.secret(G, 'password-argument', m.password())}");
    public string FromConfig(IConfiguration c) => c["${b.decoy('config-key', 'Payments:ApiKey')}"];
}
`,
  },
  {
    path: (n) => `public/wp-config-${n}.php`,
    render: ({ b, m }) => `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', '${b.secret(G, 'password-define', m.password())}' );
define( 'DB_HOST', 'localhost' );
define( 'AUTH_KEY', '${b.secret(G, 'wp-auth-key', m.base62(64))}' );
define( 'NONCE_SALT', '${b.decoy('placeholder', 'put your unique phrase here')}' );

$mailchimp_api_key = "${b.secret(P, 'mailchimp', m.mailchimp())}";
$pdo = new PDO('mysql:host=db;dbname=shop', 'shop', '${b.secret(G, 'password-argument', m.password())}');
$password = getenv('${b.decoy('env-name', 'SHOP_DB_PASSWORD')}');
`,
  },
  {
    path: (n) => `app/services/payment_gateway_${n}.rb`,
    render: ({ b, m }) => `class PaymentGateway
  API_KEY = "${b.secret(P, 'stripe', m.stripeRestricted())}"

  def initialize
    @client = Client.new(username: "gateway", password: "${b.secret(G, 'password-kwarg', m.password())}")
    @webhook_secret = ENV.fetch("${b.decoy('env-name', 'WEBHOOK_SECRET')}")
    @hf = "${b.secret(P, 'huggingface', m.huggingface())}"
  end
end
`,
  },
  {
    path: (n) => `scripts/deploy-${n}.sh`,
    render: ({ b, m }) => `#!/usr/bin/env bash
set -euo pipefail

export GITHUB_TOKEN=${b.secret(P, 'github', m.githubOauth())}
export NPM_TOKEN="${b.secret(P, 'npm', m.npm())}"
DB_PASSWORD='${b.secret(G, 'password-shell', m.password())}'
API_KEY="\${API_KEY:?set API_KEY}"
curl -sf -u deploy:${b.secret(U, 'curl-password', m.password().replace(/[!$&*?#%@]/g, 'x'))} https://ci.acme.internal/job/release
echo "${b.secret(P, 'dockerhub', m.dockerhub())}" | docker login -u acmebot --password-stdin
mysql -u root -p"\${MYSQL_ROOT_PASSWORD}" < schema.sql
`,
  },
  {
    path: (n) => `firmware/net/config${n}.h`,
    render: ({ b, m }) => `#ifndef NET_CONFIG_H
#define NET_CONFIG_H

#define WIFI_SSID      "acme-iot"
#define WIFI_PASSWORD  "${b.secret(G, 'password-define', m.password())}"
#define CLOUD_API_KEY  "${b.secret(G, 'api-key-define', m.hex32())}"
#define MAX_PASSWORD_LEN ${b.decoy('number', '64')}
#define PASSWORD_PROMPT "${b.decoy('ui-label', 'Password: ')}"

#endif
`,
  },
  {
    path: (n) => `firmware/net/auth${n}.c`,
    render: ({ b, m }) => `#include <string.h>
#include <mysql.h>
#include "config.h"

static const char *service_token = "${b.secret(G, 'token-const', m.base62(32))}";
static char admin_password[] = "${b.secret(G, 'password-array', m.password())}";

int is_admin(const char *pw) {
    return strcmp(pw, "${b.secret(G, 'password-compare', m.password())}") == 0;
}

void connect_db(MYSQL *db) {
    mysql_real_connect(db, "db.local", "telemetry", "${b.secret(G, 'password-argument', m.password())}", "telemetry", 0, NULL, 0);
}

void set_defaults(struct device *d) {
    strcpy(d->password, "${b.secret(G, 'password-strcpy', m.password())}");
    strcpy(d->label, "${b.decoy('ui-label', 'Device password')}");
}
`,
  },
  {
    path: (n) => `native/src/Session${n}.cpp`,
    render: ({ b, m }) => `#include <string>

namespace acme {
const std::string kMasterPassword = "${b.secret(G, 'password-const', m.password())}";
const std::string kSigningKey{"${b.secret(G, 'signing-key', m.base62(44))}"};

bool Session::unlock(const std::string& password) const {
    return password == "${b.secret(G, 'password-compare', m.password())}";
}
}  // namespace acme
`,
  },
  {
    path: (n) => `deploy/env/production-${n}.env`,
    render: ({ b, m }) => `# Production environment
NODE_ENV=production
DATABASE_URL=postgres://app:${b.secret(U, 'url-password', m.password().replace(/[#%@/?]/g, 'x'))}@db.prod.internal:5432/app
REDIS_PASSWORD=${b.secret(G, 'password-env', m.password())}
OPENAI_API_KEY=${b.secret(P, 'openai', m.openai())}
ANTHROPIC_API_KEY=${b.secret(P, 'anthropic', m.anthropic())}
SENTRY_DSN=https://${b.decoy('public-dsn-key', m.hex32())}@o1.ingest.sentry.io/42
JWT_SECRET=${b.secret(G, 'jwt-secret', m.base62(64))}
SMTP_PASSWORD=
LOG_LEVEL=info
`,
  },
  {
    path: (n) => `deploy/k8s/api-deployment-${n}.yaml`,
    render: ({ b, m }) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.acme.io/api:1.4.2
          env:
            - name: DB_PASSWORD
              value: ${b.secret(G, 'password-k8s-env', m.password())}
            - name: STRIPE_KEY
              value: ${b.secret(P, 'stripe', m.stripeLive())}
            - name: API_TOKEN
              valueFrom:
                secretKeyRef:
                  name: ${b.decoy('secret-ref-name', 'api-secrets')}
                  key: token
            - name: LOG_LEVEL
              value: ${b.decoy('plain-value', 'debug')}
`,
  },
  {
    path: (n) => `deploy/k8s/secret-${n}.yaml`,
    render: ({ b, m }) => `apiVersion: v1
kind: Secret
metadata:
  name: registry-credentials
type: Opaque
stringData:
  password: ${b.secret(G, 'password-k8s-secret', m.password())}
  api_key: ${b.secret(G, 'api-key-yaml', m.hex32())}
data:
  username: ${b.decoy('base64-username', Buffer.from('registry').toString('base64'))}
`,
  },
  {
    path: (n) => `docker-compose.${n}.yml`,
    render: ({ b, m }) => `services:
  db:
    image: postgres:16
    environment:
      - POSTGRES_USER=app
      - POSTGRES_PASSWORD=${b.secret(G, 'password-compose', m.password())}
      - POSTGRES_PASSWORD_FILE=${b.decoy('path', '/run/secrets/pg_password')}
  mongo:
    image: mongo:7
    environment:
      MONGO_INITDB_ROOT_PASSWORD: ${b.secret(G, 'password-compose', m.password())}
  app:
    environment:
      MONGO_URL: mongodb+srv://app:${b.secret(U, 'url-password', m.base62(16))}@cluster0.a1b2c.mongodb.net/app
      AMQP_URL: amqp://${b.decoy('default-credentials', 'guest:guest')}@rabbit:5672
`,
  },
  {
    path: (n) => `.github/workflows/release-${n}.yml`,
    render: ({ b, m }) => `name: release
on: { push: { tags: ['v*'] } }
jobs:
  publish:
    runs-on: ubuntu-latest
    env:
      NODE_AUTH_TOKEN: ${b.decoy('ci-expression', '${{ secrets.NPM_TOKEN }}')}
      PYPI_TOKEN: ${b.secret(P, 'pypi', m.pypi())}
    steps:
      - uses: actions/checkout@v4
      - run: gh release create \${{ github.ref_name }}
        env:
          GH_TOKEN: ${b.secret(P, 'github', m.githubFineGrained())}
`,
  },
  {
    path: (n) => `config/appsettings.Production${n}.json`,
    render: ({ b, m }) => `{
  "Logging": { "LogLevel": { "Default": "Information" } },
  "ConnectionStrings": {
    "Default": "Server=sql-prod;Database=Shop;User Id=shop;Password=${b.secret(U, 'ado-net-password', m.password().replace(/[;"]/g, 'x'))};TrustServerCertificate=True"
  },
  "AzureAd": {
    "ClientId": "${b.decoy('client-id', '0f3c8e2a-5b1d-4c7e-9a6f-2d8b1e4c7a90')}",
    "ClientSecret": "${b.secret(P, 'azure-ad-secret', m.azureAdSecret())}"
  },
  "Payments": { "ApiKey": "${b.secret(G, 'api-key-json', m.base62(32))}" },
  "Smtp": { "Password": "${b.decoy('placeholder', '<smtp-password>')}" }
}
`,
  },
  {
    path: (n) => `config/service-account-${n}.json`,
    render: ({ b, keys }) => `{
  "type": "service_account",
  "project_id": "acme-data",
  "private_key_id": "4f1b9c0e2d7a6b3c8e5f1a2d9c0b7e6f4a3d2c1b",
  "private_key": "${b.secret(K, 'pkcs8-in-json', keys.pkcs8.replace(/\n/g, '\\n'))}\\n",
  "client_email": "etl@acme-data.iam.gserviceaccount.com",
  "client_id": "104839201837465512345"
}
`,
  },
  {
    path: (n) => `infra/keys/deploy-${n}.pem`,
    render: ({ b, keys }) => `${b.secret(K, 'rsa-pem', keys.rsa)}\n`,
  },
  {
    path: (n) => `infra/keys/id_ed25519_${n}`,
    render: ({ b, keys }) => `${b.secret(K, 'openssh', keys.openssh)}\n`,
  },
  {
    path: (n) => `tools/sign_${n}.py`,
    render: ({ b, keys, m }) => `import jwt

SIGNING_KEY = """${b.secret(K, 'ec-in-string', keys.ec)}"""

SERVICE_JWT = "${b.secret(P, 'jwt', m.jwt())}"

def sign(claims):
    return jwt.encode(claims, SIGNING_KEY, algorithm="ES256")
`,
  },
  {
    path: (n) => `infra/terraform/main-${n}.tf`,
    render: ({ b, m }) => `provider "aws" {
  region     = "eu-west-1"
  access_key = "${b.secret(P, 'aws-key-id', m.awsKeyId())}"
  secret_key = "${b.secret(G, 'aws-secret-unnamed-provider', m.awsSecret())}"
}

resource "aws_db_instance" "main" {
  username = "admin"
  password = "${b.secret(G, 'password-terraform', m.password())}"
}

variable "db_password" { sensitive = true }
`,
  },
  {
    path: (n) => `home/.aws/credentials-${n}`,
    render: ({ b, m }) => `[default]
aws_access_key_id = ${b.secret(P, 'aws-key-id', m.awsKeyId())}
aws_secret_access_key = ${b.secret(P, 'aws-secret', m.awsSecret())}

[profile temp]
aws_access_key_id = ${b.secret(P, 'aws-key-id', m.awsSessionKeyId())}
aws_secret_access_key = ${b.secret(P, 'aws-secret', m.awsSecret())}
`,
  },
  {
    path: (n) => `home/.npmrc-${n}`,
    render: ({ b, m }) => `registry=https://registry.npmjs.org/
//registry.npmjs.org/:_authToken=${b.secret(P, 'npm', m.npm())}
//npm.pkg.github.com/:_authToken=${b.decoy('placeholder', '${GITHUB_TOKEN}')}
`,
  },
  {
    path: (n) => `config/hadoop/core-site-${n}.xml`,
    render: ({ b, m }) => `<?xml version="1.0"?>
<configuration>
  <property>
    <name>fs.s3a.access.key</name>
    <value>${b.secret(P, 'aws-key-id', m.awsKeyId())}</value>
  </property>
  <property>
    <name>fs.s3a.secret.key</name>
    <value>${b.secret(G, 'secret-key-xml', m.awsSecret())}</value>
  </property>
  <property>
    <name>hive.metastore.uris</name>
    <value>${b.decoy('url', 'thrift://metastore:9083')}</value>
  </property>
</configuration>
`,
  },
  {
    path: (n) => `web/Web.${n}.config`,
    render: ({ b, m }) => `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <connectionStrings>
    <add name="Erp" connectionString="Data Source=erp-sql;Initial Catalog=Erp;User ID=erp;Password=${b.secret(U, 'ado-net-password', m.password().replace(/[;"&<]/g, 'x'))};" providerName="System.Data.SqlClient" />
  </connectionStrings>
  <appSettings>
    <add key="SendGridApiKey" value="${b.secret(P, 'sendgrid', m.sendgrid())}" />
    <add key="SmtpPassword" value="${b.secret(G, 'password-xml', m.password().replace(/[&<"]/g, 'x'))}" />
    <add key="PasswordMinLength" value="${b.decoy('number', '12')}" />
  </appSettings>
</configuration>
`,
  },
  {
    path: (n) => `config/runner-${n}.toml`,
    render: ({ b, m }) => `concurrent = 4

[[runners]]
  name = "build-${m.hex32().slice(0, 6)}"
  url = "https://gitlab.acme.io/"
  token = "${b.secret(P, 'gitlab', m.gitlabPat())}"
  executor = "docker"

[database]
password = "${b.secret(G, 'password-toml', m.password())}"
password_command = "${b.decoy('command', 'pass show db/prod')}"
`,
  },
  {
    path: (n) => `ops/legacy-${n}.ini`,
    render: ({ b, m }) => `[mysql]
host = db1
user = legacy
password = ${b.secret(G, 'password-ini', m.password())}

[api]
shopify_token = ${b.secret(P, 'shopify', m.shopify())}
databricks_token = ${b.secret(P, 'databricks', m.databricks())}
timeout = 30
`,
  },
  {
    path: (n) => `docker/api-${n}.Dockerfile`,
    render: ({ b, m }) => `FROM python:3.12-slim
ENV PYTHONUNBUFFERED=1 API_SECRET=${b.secret(G, 'secret-dockerfile', m.base62(32))}
ARG ADMIN_PASSWORD=${b.secret(G, 'password-dockerfile', m.password().replace(/[$&]/g, 'x'))}
ARG BUILD_TOKEN
RUN --mount=type=secret,id=${b.decoy('secret-mount', 'pip_token')} pip install -r requirements.txt
`,
  },
  {
    path: (n) => `notebooks/exploration-${n}.ipynb`,
    render: ({ b, m }) => `{
 "cells": [
  {
   "cell_type": "code",
   "metadata": {},
   "source": [
    "import openai\\n",
    "openai.api_key = \\"${b.secret(P, 'openai', m.openai())}\\"\\n",
    "HF_TOKEN = \\"${b.secret(P, 'huggingface', m.huggingface())}\\"\\n"
   ]
  }
 ],
 "nbformat": 4
}
`,
  },
  {
    path: (n) => `docs/runbook-${n}.md`,
    render: ({ b, m }) => `# Runbook

Connect to the reporting database with the shared account:

    psql postgres://reporting:${b.secret(U, 'url-password', m.password().replace(/[#%@/?]/g, 'x'))}@reports.internal:5432/reports

The staging Slack alerts go to ${b.secret(P, 'slack-webhook', m.slackWebhook())}

Use the bot token \`${b.secret(P, 'telegram', m.telegram())}\` for the on-call bot.

Example only (not a real key): AKIAIOSFODNN7EXAMPLE, and placeholders like \`<your-token>\` are fine.
`,
  },
  {
    path: (n) => `services/search-${n}/client.py`,
    render: ({ b, m }) => `import requests

class SearchClient:
    def __init__(self, api_key="${b.secret(G, 'api-key-default-param', m.hex32())}"):
        self.session = requests.Session()
        self.session.headers["Authorization"] = "Bearer ${b.secret(G, 'bearer-header', m.base62(40))}"
        self.session.auth = ("search", "${b.secret(G, 'password-tuple', m.password())}")
        self.token = self.session.get("${b.decoy('url', 'https://auth.acme.io/token')}").json()["token"]
        self.request_id = "${b.decoy('uuid-not-secret', '3f0e9a52-8c1d-4b7e-a2f6-9d0c4e1b7a38')}"
        self.checksum = "${b.decoy('hash-not-secret', m.hex32())}"
`,
  },
  {
    path: (n) => `services/ingest-${n}/handler.js`,
    render: ({ b, m }) => `const axios = require("axios");

const client = axios.create({
  baseURL: "https://api.partner.com",
  headers: { "X-Api-Key": "${b.secret(G, 'api-key-header', m.hex32())}" },
});

async function ingest(event) {
  const token = event.headers["x-token"];
  if (token === "${b.secret(G, 'token-compare', m.base62(32))}") return "ok";
  const tokenType = "${b.decoy('word', 'Bearer')}";
  const csrfToken = "${b.decoy('csrf-token', m.hex32())}";
  return client.post("/events", event.body, { headers: { Authorization: \`\${tokenType} \${token}\` } });
}
`,
  },
  {
    path: (n) => `ansible/group_vars/prod-${n}.yml`,
    render: ({ b, m }) => `---
ansible_user: deploy
ansible_become_pass: ${b.secret(G, 'password-ansible', m.password())}
mysql_root_password: "${b.secret(G, 'password-ansible', m.password())}"
vault_api_token: "{{ ${b.decoy('template', 'lookup(\'env\', \'API_TOKEN\')')} }}"
app_secret_key: !vault |
  $ANSIBLE_VAULT;1.1;AES256
  ${b.decoy('ansible-vault-blob', m.hex32() + m.hex32())}
`,
  },
  {
    path: (n) => `rails-${n}/config/database.yml`,
    render: ({ b, m }) => `default: &default
  adapter: postgresql
  pool: 5

development:
  <<: *default
  database: app_development
  password: ${b.decoy('erb-template', '<%= ENV["DATABASE_PASSWORD"] %>')}

production:
  <<: *default
  database: app_production
  username: app
  password: ${b.secret(G, 'password-rails', m.password())}
`,
  },
  {
    path: (n) => `spring-${n}/src/main/resources/application.yml`,
    render: ({ b, m }) => `spring:
  datasource:
    url: jdbc:postgresql://db:5432/app
    username: app
    password: ${b.secret(G, 'password-spring-yaml', m.password())}
  security:
    oauth2:
      client:
        registration:
          github:
            client-id: ${b.decoy('client-id', m.hex32().slice(0, 20))}
            client-secret: ${b.secret(G, 'oauth-client-secret', m.hex32() + m.hex32().slice(0, 8))}
jwt:
  secret: ${b.decoy('spring-placeholder', '${JWT_SECRET:}')}
`,
  },
  {
    path: (n) => `laravel-${n}/.env`,
    render: ({ b, m }) => `APP_NAME=Shop
APP_ENV=production
APP_KEY=base64:${b.secret(G, 'laravel-app-key', Buffer.from(m.base62(32)).toString('base64'))}
DB_CONNECTION=mysql
DB_PASSWORD=${b.secret(G, 'password-env', m.password())}
MAIL_PASSWORD=${b.decoy('placeholder', 'null')}
AWS_SECRET_ACCESS_KEY=${b.secret(P, 'aws-secret', m.awsSecret())}
PUSHER_APP_SECRET=${b.secret(G, 'pusher-secret', m.hex32().slice(0, 20))}
`,
  },
  {
    path: (n) => `home/.netrc-${n}`,
    render: ({ b, m }) => `machine api.heroku.com
  login ops@acme.io
  password ${b.secret(G, 'netrc-multiline', m.password())}
machine git.acme.io login ci password ${b.secret(U, 'netrc-inline', m.base62(20))}
`,
  },
  {
    path: (n) => `home/.pgpass-${n}`,
    render: ({ b, m }) => `db.prod.internal:5432:app:app:${b.secret(G, 'pgpass', m.password().replace(/:/g, 'x'))}
`,
  },
  {
    path: (n) => `services/api-${n}/.env.example`,
    render: ({ b }) => `# Copy to .env and fill in
DATABASE_URL=postgres://app:${b.decoy('placeholder', 'password')}@localhost:5432/app
STRIPE_SECRET_KEY=${b.decoy('placeholder', 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx')}
OPENAI_API_KEY=${b.decoy('placeholder', '<your-openai-key>')}
JWT_SECRET=${b.decoy('placeholder', 'changeme')}
GITHUB_TOKEN=${b.decoy('placeholder', 'ghp_your_token_here')}
API_KEY=${b.decoy('placeholder', 'your-api-key')}
`,
  },
  {
    path: (n) => `web/src/i18n/ja-${n}.json`,
    render: ({ b }) => `{
  "login": {
    "password": "${b.decoy('ja-label', 'パスワード')}",
    "passwordConfirm": "${b.decoy('ja-label', 'パスワード（確認）')}",
    "forgotPassword": "${b.decoy('ui-label', 'Forgot your password?')}",
    "token": "${b.decoy('ja-label', 'トークン')}",
    "apiKey": "${b.decoy('ja-label', 'API キー')}"
  }
}
`,
  },
  {
    path: (n) => `services/auth-${n}/tests/test_login.py`,
    render: ({ b, m }) => `from app.auth import hash_password, verify


def test_rejects_wrong_password(client):
    response = client.post("/login", json={"user": "alice", "password": "${b.secret(G, 'password-test-json', m.password())}"})
    assert response.status_code == 401


def test_hash_uses_argon2():
    assert hash_password("x").startswith("${b.decoy('hash-prefix', '$argon2id$')}")
    assert verify(token_type="${b.decoy('word', 'refresh')}")
`,
  },
  {
    path: (n) => `lib/crypto-${n}.ts`,
    render: ({ b, m }) => `import { createCipheriv, randomBytes } from "crypto";

const ENCRYPTION_KEY = Buffer.from("${b.secret(G, 'encryption-key-hex', m.hex32() + m.hex32())}", "hex");
const HMAC_KEY: string = "${b.secret(G, 'hmac-key', m.base62(48))}";
const algorithm = "${b.decoy('algorithm', 'aes-256-gcm')}";
const keyLength = ${b.decoy('number', '32')};
export const publicKey = "${b.decoy('public-key', 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE')}";

export function encrypt(text: string) {
  const iv = randomBytes(12);
  return createCipheriv(algorithm, ENCRYPTION_KEY, iv).update(text);
}
`,
  },
];

/** IP addresses: hardcoded hosts (positives) and the allowed kinds of dotted quads (near misses). */
export const IP_TEMPLATES: readonly Template[] = [
  {
    path: (n) => `services/gateway-${n}/upstreams.py`,
    render: ({ b, n }) => `UPSTREAM = "${b.secret('ip', 'ipv4', `10.${20 + n}.3.17`)}"
REPLICAS = ["${b.secret('ip', 'ipv4', `192.168.${n}.21`)}", "db-2.internal"]
DNS6 = "${b.secret('ip', 'ipv6', `2606:4700:4700::11${n}1`)}"
METRICS = "http://${b.secret('ip', 'ipv4-url', `172.16.${n}.9`)}:9090/metrics"
BIND = "${b.decoy('unspecified', '0.0.0.0', 'ip')}"
LOCAL = "${b.decoy('loopback', '127.0.0.1', 'ip')}"
NETMASK = "${b.decoy('netmask', '255.255.255.0', 'ip')}"
VERSION = "${b.decoy('version', `6.1.${n}.2`, 'ip')}"
DOC = "${b.decoy('documentation-range', `203.0.113.${n}`, 'ip')}"
OID = "${b.decoy('oid', '1.3.6.1.4.1.311', 'ip')}"
`,
  },
  {
    path: (n) => `deploy/hosts-${n}.yaml`,
    render: ({ b, n }) => `primary: ${b.secret('ip', 'ipv4-yaml', `10.0.${n}.5`)}
standby: ${b.secret('ip', 'ipv4-port', `10.0.${n}.6`)}:5432
listen: ${b.decoy('unspecified', '0.0.0.0', 'ip')}:8080
allowed: ${b.decoy('private-range-name', '10.0.0.0/8', 'ip')}
`,
  },
];
