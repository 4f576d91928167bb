#!/bin/sh
# A configure-style check: the test program's comments cite clauses of standards.
cat > conftest.c << _ACEOF
// ok: network.hardcoded-ip
// Check varargs macros. These examples are taken from C99 6.10.3.5.
// ok: network.hardcoded-ip
// Anonymous structures and unions, after C11 6.7.2.1 Example 1.
// ok: network.hardcoded-ip
// Mapped addresses as RFC 4291 2.5.5.2 describes them.
// ok: network.hardcoded-ip
// Flexible array members: ISO/IEC 9899:2011 6.7.2.1, paragraph 18.
// ruleid: network.hardcoded-ip
// The test server listens on 172.24.9.3 in the lab.
int main(void) { return 0; }
_ACEOF
