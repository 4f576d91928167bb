package main

func routes(mux *http.ServeMux) {
	// ruleid: debug.debug-route
	mux.HandleFunc("/debug/vars", varsHandler)
	// ok: debug.debug-route
	mux.HandleFunc("/orders", ordersHandler)
}
