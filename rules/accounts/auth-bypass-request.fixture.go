package web

func middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// ruleid: account.auth-bypass-request
		if r.Header.Get("X-Bypass-Auth") != "" {
			next.ServeHTTP(w, r)
			return
		}
		// ok: account.auth-bypass-request
		if r.URL.Query().Get("lang") == "ja" {
			setLocale(r, "ja")
		}
		requireLogin(next).ServeHTTP(w, r)
	})
}
