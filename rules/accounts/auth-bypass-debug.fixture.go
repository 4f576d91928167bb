package auth

func Authorize(r *http.Request) error {
	// ruleid: account.auth-bypass-debug
	if debugMode {
		return nil
	}
	// ok: account.auth-bypass-debug
	if debugMode {
		log.Printf("authorize %s", r.URL.Path)
	}
	return verify(r)
}
