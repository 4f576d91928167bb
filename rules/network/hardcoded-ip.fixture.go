package main

// ruleid: network.hardcoded-ip
const dns = "2606:4700:4700::1111"

func main() {
	// ruleid: network.hardcoded-ip
	addr := "10.0.0.7:9090"
	// ok: network.hardcoded-ip
	listen := ":8080"
	// ok: network.hardcoded-ip
	any := "[::]:8080"
	_, _, _ = addr, listen, any
}
