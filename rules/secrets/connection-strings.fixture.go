package store

func open() {
	// ruleid: secret.url-password
	db, _ := sql.Open("mysql", "app:G0-Mysql!pw@tcp(db.internal:3306)/app")
	// ok: secret.url-password
	dev, _ := sql.Open("mysql", "app:app@tcp(db:3306)/app")
	_, _ = db, dev
}
