from django.conf import settings
from django.urls import include, path

urlpatterns = [
    # ruleid: debug.debug-route
    path("debug/cache/", views.cache_dump),
    # ok: debug.debug-route
    path("orders/", views.orders),
]

if settings.DEBUG:
    # ok: debug.debug-route
    urlpatterns += [path("__debug__/", include("debug_toolbar.urls"))]

# ruleid: debug.debug-route
@app.route("/__debug__")
def dump():
    return jsonify(app.config)
