import os
import environ

env = environ.Env()

# ruleid: debug.django-debug
DEBUG = True
# ruleid: debug.django-debug
TEMPLATE_DEBUG = True

# ruleid: debug.django-debug
DEBUG = env.bool("DJANGO_DEBUG", default=True)
# ok: debug.django-debug
DEBUG = env.bool("DJANGO_DEBUG", default=False)
# ok: debug.django-debug
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"

if os.environ.get("DJANGO_ENV") == "development":
    # ok: debug.django-debug
    DEBUG = True

def debug_toolbar_visible(request):
    # ok: debug.django-debug
    DEBUG = True
    return DEBUG

# An option of one object is not the module's setting.
# ok: debug.django-debug
engine = Engine(debug=True)
