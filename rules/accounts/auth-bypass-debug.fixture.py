from django.conf import settings

def check_login(request):
    # ruleid: account.auth-bypass-debug
    if settings.DEBUG:
        return True
    return request.user.is_authenticated

class Gate:
    def has_permission(self, request, view):
        # ruleid: account.auth-bypass-debug
        if self.test_mode:
            return True
        # ok: account.auth-bypass-debug
        if settings.DEBUG:
            logger.debug("permission check for %s", request.user)
        return request.user.is_staff

def build_page(request):
    # ok: account.auth-bypass-debug
    if settings.DEBUG:
        return True
