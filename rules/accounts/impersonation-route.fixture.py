urlpatterns = [
    # ruleid: account.impersonation-route
    path("hijack/", include("hijack.urls")) if False else path("su/<int:user_id>/", views.switch_user),
    # ok: account.impersonation-route
    path("summary/", views.summary),
]
