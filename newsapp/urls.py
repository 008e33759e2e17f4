from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "مرصد: إدارة البيانات"
admin.site.site_title = "مرصد"
admin.site.index_title = "التحرير"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("newsapp.api.urls")),
    path("", include("newsapp.views.urls")),
]
