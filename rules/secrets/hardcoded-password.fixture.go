package db

import "os"

// ruleid: secret.hardcoded-password
const adminPassword = "Go!Adm1n-pw"

var cfg = Config{
	User: "app",
	// ruleid: secret.hardcoded-password
	Password: "Str0ng#Pass",
}

func Open() {
	// ruleid: secret.hardcoded-password
	dbPass := "sh0rt-decl-pw"
	// ok: secret.hardcoded-password (a backdoor check: account.backdoor-login reports it)
	if pw == "g0-b4ckdoor" {
	}
	// ok: secret.hardcoded-password
	password := os.Getenv("DB_PASSWORD")
	// ok: secret.hardcoded-password
	passwordEnv := "DB_PASSWORD"
	_, _ = dbPass, password
}

func sign(t *jwt.Token) (string, error) {
	// ruleid: secret.hardcoded-password
	return t.SignedString([]byte("G0-jwt!signing"))
}

func mail(req *http.Request) smtp.Auth {
	// ruleid: secret.hardcoded-password
	req.SetBasicAuth("admin", "B4sic-G0!")
	// ruleid: secret.hardcoded-password
	return smtp.PlainAuth("", "alerts@acme.io", "Smtp-G0-pw1", "smtp.acme.io")
}
