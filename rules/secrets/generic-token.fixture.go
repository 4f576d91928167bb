package client

// ruleid: secret.generic-token
var authToken = "5f2b9c1e7d3a4b8c9e0f1a2b3c4d5e6f"

func New() *Client {
	return &Client{
		// ruleid: secret.generic-token
		APIKey: "Rt7yU3iO9pA2sD5fG8hJ",
		// ok: secret.generic-token
		APIKeyHeader: "X-API-Key",
	}
}

func auth(req *http.Request) {
	// ruleid: secret.generic-token
	req.Header.Set("X-Auth-Token", "Gh4jK7lZ1xC9vB3nM6qW")
	// ok: secret.generic-token
	req.Header.Set("X-Auth-Token", os.Getenv("AUTH_TOKEN"))
}
