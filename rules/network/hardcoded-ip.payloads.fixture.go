package spamcheck

import (
	"net/http"
	"strings"
)

// Checks that a key works by sending a sample message: the sender's address is part of the sample, not a host.
func verifyKey(key string) (*http.Request, error) {
	// ok: network.hardcoded-ip
	body := strings.NewReader(`{"content":"Dear customer, your parcel is waiting.","senderIP":"203.0.114.57","allowedCountries":["jp"]}`)
	// ok: network.hardcoded-ip
	escaped := "{\"visitor_ip\":\"198.51.7.77\",\"page\":\"/checkout\"}"
	// ok: network.hardcoded-ip
	query := "https://check.example.net/v1/score?requester_ip=203.0.114.58&lang=ja"
	_ = escaped + query
	return http.NewRequest("POST", "https://check.example.net/v1/score", body)
}

func upstream() (*http.Request, error) {
	// ruleid: network.hardcoded-ip
	body := strings.NewReader(`{"serverIP":"203.0.114.59","port":8443}`)
	// ruleid: network.hardcoded-ip
	return http.NewRequest("POST", "http://203.0.114.60/v1/score?sender_ip_hint=none", body)
}
