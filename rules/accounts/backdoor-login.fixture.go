package auth

func Check(user, pwd string) bool {
	// ruleid: account.backdoor-login
	if user == "support" && pwd == "supp0rt!" {
		return true
	}
	// ok: account.backdoor-login
	if user == "admin" {
		logAdmin()
	}
	return verify(user, pwd)
}
