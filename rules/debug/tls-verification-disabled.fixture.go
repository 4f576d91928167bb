package net

func client() *http.Client {
	// ruleid: debug.tls-verification-disabled
	cfg := &tls.Config{InsecureSkipVerify: true}
	// ok: debug.tls-verification-disabled
	strict := &tls.Config{InsecureSkipVerify: false, MinVersion: tls.VersionTLS12}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}
