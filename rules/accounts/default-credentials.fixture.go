package main

import "os"

func open() {
	// ruleid: account.default-credentials
	cfg := Config{User: "test", Password: "test"}
	// ok: account.default-credentials
	prod := Config{User: "svc", Password: os.Getenv("DB_PASSWORD")}
	_, _ = cfg, prod
}
