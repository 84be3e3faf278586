"""Photos of model enterprises: officers upload (checked by content, resized) and delete; the showcase shows them."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from nscl.core import images
from nscl.core.roles import Role
from nscl.enterprises import services
from nscl.enterprises.models import ModelEnterprisePhoto
from nscl.enterprises.services import photos as photo_services
from nscl.enterprises.tests.factories import ModelEnterpriseFactory

pytestmark = pytest.mark.django_db

ALT = "Dây chuyền sấy hồi sau khi áp dụng 5S"


def picture(width: int = 1200, height: int = 800, name: str = "anh.png") -> SimpleUploadedFile:
    """A real PNG made by Pillow, as an upload."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (30, 107, 82)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def fake_jpeg() -> SimpleUploadedFile:
    return SimpleUploadedFile("anh.jpg", b"this is not a picture at all\n" * 10, content_type="image/jpeg")


@pytest.fixture
def record(db):
    return ModelEnterpriseFactory(is_public=True)


def add(user, record, file=None, alt_text=ALT, caption="Phân xưởng sấy"):
    return services.model_enterprise_photo_add(
        by=user, model_enterprise=record, file=file or picture(), alt_text=alt_text, caption=caption
    )


# ------------------------------------------------------------------------------------------------
# The services
# ------------------------------------------------------------------------------------------------
def test_an_officer_uploads_and_renditions_are_made(officer, record):
    photo = add(officer, record)
    assert (photo.width, photo.height) == (1200, 800)
    assert photo.file.name.startswith("enterprises/photos/")
    assert set(photo.renditions) == {"480", "960"}  # never upscaled past the original's 1200
    for width, name in photo.renditions.items():
        with default_storage.open(name) as stored:
            assert Image.open(stored).size == (int(width), int(width) * 2 // 3)
    assert "480w" in photo.srcset and "1200w" in photo.srcset
    assert (photo.uploaded_by, photo.caption, photo.sort_order) == (officer, "Phân xưởng sấy", 0)
    assert add(officer, record).sort_order == 1
    assert photo.history.get().history_user == officer


def test_a_text_file_named_jpg_is_refused_on_the_file_field(officer, record):
    with pytest.raises(ValidationError) as refused:
        add(officer, record, file=fake_jpeg())
    assert refused.value.message_dict["file"] == [str(images.ERROR_TYPE)]
    assert not ModelEnterprisePhoto.objects.exists()


def test_alt_text_is_required(officer, record):
    with pytest.raises(ValidationError) as refused:
        add(officer, record, alt_text="   ")
    assert refused.value.message_dict["alt_text"] == [str(photo_services.ERROR_ALT_REQUIRED)]
    assert not ModelEnterprisePhoto.objects.exists()


def test_delete_removes_the_row_and_its_files(officer, record, django_capture_on_commit_callbacks):
    photo = add(officer, record)
    names = [photo.file.name, *photo.renditions.values()]
    with django_capture_on_commit_callbacks(execute=True):
        services.model_enterprise_photo_delete(by=officer, photo=photo)
    assert not ModelEnterprisePhoto.objects.exists()
    assert not any(default_storage.exists(name) for name in names)


@pytest.mark.parametrize("role", [Role.ENTERPRISE, Role.EXPERT, Role.BOARD, None])
def test_only_officers_upload_or_delete_through_the_services(make_user, officer, record, role):
    photo = add(officer, record)
    user = make_user(role)
    with pytest.raises(PermissionDenied):
        add(user, record)
    with pytest.raises(PermissionDenied):
        services.model_enterprise_photo_delete(by=user, photo=photo)
    assert list(ModelEnterprisePhoto.objects.all()) == [photo]


# ------------------------------------------------------------------------------------------------
# The pages
# ------------------------------------------------------------------------------------------------
def upload_url(record) -> str:
    return reverse("enterprises:model_enterprise_photo_create", args=[record.pk])


def delete_url(photo) -> str:
    return reverse("enterprises:model_enterprise_photo_delete", args=[photo.model_enterprise_id, photo.pk])


def test_an_officer_uploads_and_deletes_from_the_model_enterprise_page(client, officer, record):
    client.force_login(officer)
    page = client.get(record.get_absolute_url()).content.decode()
    assert f'action="{upload_url(record)}"' in page and 'enctype="multipart/form-data"' in page
    response = client.post(upload_url(record), {"file": picture(), "alt_text": ALT, "caption": "Phân xưởng"})
    assert response.status_code == 302 and response.url.endswith("#photos")
    photo = ModelEnterprisePhoto.objects.get()
    assert f'action="{delete_url(photo)}"' in client.get(record.get_absolute_url()).content.decode()
    assert client.post(delete_url(photo)).status_code == 302
    assert not ModelEnterprisePhoto.objects.exists()


def test_the_upload_form_puts_errors_next_to_the_fields(client, officer, record):
    client.force_login(officer)
    response = client.post(upload_url(record), {"file": fake_jpeg(), "alt_text": ALT})
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [str(images.ERROR_TYPE)]
    assert 'id="id_file_error"' in response.content.decode()
    response = client.post(upload_url(record), {"file": picture(), "alt_text": ""})
    assert "alt_text" in response.context["form"].errors
    assert not ModelEnterprisePhoto.objects.exists()


@pytest.mark.parametrize("role", [Role.ENTERPRISE, Role.EXPERT, Role.BOARD, None])
def test_others_cannot_upload_or_delete_through_the_pages(client, make_user, officer, record, role):
    photo = add(officer, record)
    if role is not None:
        client.force_login(make_user(role))
    expected = 403 if role else 302  # anonymous: to the login page
    assert client.get(upload_url(record)).status_code == expected
    assert client.post(upload_url(record), {"file": picture(), "alt_text": ALT}).status_code == expected
    assert client.post(delete_url(photo)).status_code == expected
    assert list(ModelEnterprisePhoto.objects.all()) == [photo]


def test_the_representative_of_the_model_enterprise_cannot_upload(client, make_user, officer):
    from nscl.enterprises.tests.factories import RepresentativeFactory

    record = ModelEnterpriseFactory(is_public=True)
    user = make_user(Role.ENTERPRISE)
    RepresentativeFactory(user=user, enterprise=record.enterprise)
    photo = add(officer, record)
    client.force_login(user)
    assert client.post(upload_url(record), {"file": picture(), "alt_text": ALT}).status_code == 403
    assert client.post(delete_url(photo)).status_code == 403
    assert ModelEnterprisePhoto.objects.count() == 1


def test_a_delete_url_of_another_model_enterprise_is_not_found(client, officer, record):
    photo = add(officer, record)
    client.force_login(officer)
    other = ModelEnterpriseFactory()
    url = reverse("enterprises:model_enterprise_photo_delete", args=[other.pk, photo.pk])
    assert client.post(url).status_code == 404
    assert client.get(delete_url(photo)).status_code == 405  # POST only


def test_the_showcase_shows_the_photos_with_alt_text_and_srcset(client, officer, record):
    first = add(officer, record, caption="Phân xưởng sấy")
    add(officer, record, file=picture(300, 200), alt_text="Kho thành phẩm", caption="")
    page = client.get(reverse("enterprises:model_showcase_detail", args=[record.pk])).content.decode()
    assert f'alt="{ALT}"' in page and 'alt="Kho thành phẩm"' in page
    assert f'srcset="{first.srcset}"' in page and "480w" in page
    assert 'width="1200" height="800"' in page and 'loading="lazy"' in page and "sizes=" in page
    assert "<figcaption" in page and "Phân xưởng sấy" in page
    assert page.index(ALT) < page.index("Kho thành phẩm")  # in their order
    assert "model_enterprise_photo" not in page and "/anh/them/" not in page  # no officer controls in public


def test_the_showcase_page_without_photos_has_no_gallery(client, record):
    page = client.get(reverse("enterprises:model_showcase_detail", args=[record.pk])).content.decode()
    assert 'id="photos"' not in page


def test_the_showcase_detail_queries_are_bounded(client, officer, record, django_assert_max_num_queries):
    url = reverse("enterprises:model_showcase_detail", args=[record.pk])
    add(officer, record)
    client.get(url)  # warm the caches (site settings, translations)
    with django_assert_max_num_queries(4) as one:  # the record, replications, photos
        client.get(url)
    for _ in range(4):
        add(officer, record)
    with django_assert_max_num_queries(len(one.captured_queries)):  # more photos, no more queries
        client.get(url)


# ------------------------------------------------------------------------------------------------
# Demo data
# ------------------------------------------------------------------------------------------------
def test_demo_gives_each_model_enterprise_two_illustrations_once():
    from django.core.management import call_command

    from nscl.enterprises.models import ModelEnterprise

    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    models = ModelEnterprise.objects.all()
    assert models.exists()
    for model in models:
        photos = list(model.photos.all())
        assert len(photos) == 2
        for photo in photos:
            assert "Ảnh minh họa" in photo.alt_text and "Ảnh minh họa" in photo.caption
            assert set(photo.renditions) == {"480", "960"} and photo.uploaded_by.username == "canbo"
