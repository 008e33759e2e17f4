from django.contrib import admin
from django.urls import path

admin.site.site_header = "مرصد: إدارة البيانات"
admin.site.site_title = "مرصد"
admin.site.index_title = "التحرير"

urlpatterns = [
    path("admin/", admin.site.urls),
]
