package main

import (
	"net/http"
	// ruleid: debug.go-pprof
	_ "net/http/pprof"
	// ok: debug.go-pprof
	"runtime/pprof"
)

func main() {
	_ = pprof.Profiles
	http.ListenAndServe(":8080", nil)
}
