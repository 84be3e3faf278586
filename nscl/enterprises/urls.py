"""Pages of the enterprise registry, under /doanh-nghiep/.

Public pages (sign-up, the model-enterprise showcase) are listed in PUBLIC_URLPATTERNS, and by name in
the PUBLIC list of the project's deny-by-default guard test (tests/test_project.py).
"""

from django.urls import path

from nscl.enterprises.views import claims, photos, records, registry, showcase, showcase_edit

app_name = "enterprises"

PUBLIC_URLPATTERNS = [
    path("dang-ky-tai-khoan/", claims.SignUpView.as_view(), name="sign_up"),
    path("tieu-bieu/", showcase.ModelShowcaseListView.as_view(), name="model_showcase"),
    path("tieu-bieu/<int:pk>/", showcase.ModelShowcaseDetailView.as_view(), name="model_showcase_detail"),
]

PROTECTED_URLPATTERNS = [
    path("", registry.EnterpriseListView.as_view(), name="enterprise_list"),
    path("xuat.xlsx", registry.EnterpriseExportView.as_view(), name="enterprise_export"),
    path("them/", registry.EnterpriseCreateView.as_view(), name="enterprise_create"),
    path("<int:pk>/", registry.EnterpriseDetailView.as_view(), name="enterprise_detail"),
    path("<int:pk>/sua/", registry.EnterpriseUpdateView.as_view(), name="enterprise_edit"),
    path("<int:pk>/so-lieu/them/", records.EnterpriseYearCreateView.as_view(), name="year_create"),
    path("<int:pk>/so-lieu/<int:year_pk>/sua/", records.EnterpriseYearUpdateView.as_view(), name="year_edit"),
    path("<int:pk>/chung-nhan/them/", records.CertificationCreateView.as_view(), name="certification_create"),
    path(
        "<int:pk>/chung-nhan/<int:cert_pk>/sua/",
        records.CertificationUpdateView.as_view(),
        name="certification_edit",
    ),
    path("cua-toi/", claims.MyEnterprisesView.as_view(), name="my_enterprises"),
    path("cua-toi/nhan-dai-dien/", claims.ClaimCreateView.as_view(), name="claim_create"),
    path("cua-toi/dang-ky-moi/", claims.EnterpriseRegisterView.as_view(), name="enterprise_register"),
    path("yeu-cau-dai-dien/", claims.ClaimListView.as_view(), name="claim_list"),
    path("yeu-cau-dai-dien/<int:pk>/", claims.ClaimDecideView.as_view(), name="claim_decide"),
    path("san-pham-chu-luc/", showcase.KeyProductListView.as_view(), name="key_product_list"),
    path("san-pham-chu-luc/them/", showcase_edit.KeyProductCreateView.as_view(), name="key_product_create"),
    path("san-pham-chu-luc/<slug:slug>/", showcase.KeyProductDetailView.as_view(), name="key_product_detail"),
    path("san-pham-chu-luc/<slug:slug>/sua/", showcase_edit.KeyProductUpdateView.as_view(), name="key_product_edit"),
    path("dien-hinh/", showcase.ModelEnterpriseListView.as_view(), name="model_enterprise_list"),
    path("dien-hinh/them/", showcase_edit.ModelEnterpriseCreateView.as_view(), name="model_enterprise_create"),
    path("dien-hinh/<int:pk>/", showcase.ModelEnterpriseDetailView.as_view(), name="model_enterprise_detail"),
    path("dien-hinh/<int:pk>/sua/", showcase_edit.ModelEnterpriseUpdateView.as_view(), name="model_enterprise_edit"),
    path("dien-hinh/<int:pk>/nhan-rong/", showcase_edit.ReplicationCreateView.as_view(), name="replication_create"),
    path(
        "dien-hinh/<int:pk>/anh/them/",
        photos.ModelEnterprisePhotoCreateView.as_view(),
        name="model_enterprise_photo_create",
    ),
    path(
        "dien-hinh/<int:pk>/anh/<int:photo_pk>/xoa/",
        photos.ModelEnterprisePhotoDeleteView.as_view(),
        name="model_enterprise_photo_delete",
    ),
    path(
        "chung-nhan-sap-het-han/",
        showcase_edit.CertificationExpiringView.as_view(),
        name="certification_expiring",
    ),
]

urlpatterns = PROTECTED_URLPATTERNS + PUBLIC_URLPATTERNS
