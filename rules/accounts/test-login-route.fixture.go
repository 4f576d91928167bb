package main

func routes(r *gin.Engine) {
	// ruleid: account.test-login-route
	r.GET("/auto-login", autoLogin)
	// ok: account.test-login-route
	r.GET("/login", showLogin)
}
