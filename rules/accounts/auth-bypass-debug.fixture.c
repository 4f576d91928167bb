int check_password(const char *user, const char *pw) {
#ifdef DEBUG_BUILD
#endif
    /* ruleid: account.auth-bypass-debug */
    if (g_debug) return 1;
    /* ok: account.auth-bypass-debug */
    if (g_debug) fprintf(stderr, "checking %s\n", user);
    return verify_hash(user, pw);
}
