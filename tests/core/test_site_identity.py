"""The header names the publisher and shows its logo, both from the site settings."""

import io

from django.core.files.images import ImageFile
from django.core.files.storage import default_storage

from wagtail.images import get_image_model
from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage

from core.models import SiteSettings

pytestmark = pytest.mark.django_db


def header(client, path="/om/"):
    return BeautifulSoup(client.get(path).content, "html.parser").find("header")


def png(width=240, height=96):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (0, 89, 179)).save(buffer, "PNG")
    return ImageFile(buffer, name="logo.png")


def test_without_a_publisher_the_header_shows_the_library_alone(client):
    top = header(client)
    assert top.select_one(".site-name").get_text(strip=True) == "Metodebiblioteket"
    assert top.select_one(".site-publisher") is None
    assert top.select_one("img.site-logo") is None


def test_the_publisher_and_its_logo_come_from_the_site_settings(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.publisher = "Testkommune, Social og Sundhed"
    site_settings.logo = get_image_model().objects.create(title="Testkommunes logo", file=png())
    site_settings.save()
    for path in ("/om/", "/en/about/"):
        top = header(client, path)
        assert top.select_one(".site-publisher").get_text() == "Testkommune, Social og Sundhed"
        logo = top.select_one(".site-name img.site-logo")
        # Beside the library's name, which is the link's text: the logo itself says nothing more.
        assert logo["alt"] == "" and logo["height"] == "96"
        assert default_storage.exists(logo["src"].removeprefix(settings.MEDIA_URL))
        served = client.get(logo["src"])  # the site serves it itself, wherever it runs
        assert served.status_code == 200 and served["Content-Type"] == "image/png"
        assert top.select_one(".site-name").get_text(strip=True) == "Metodebiblioteket"
    # Only the renditions: the uploaded original is not served.
    assert client.get("/media/original_images/logo.png").status_code == 404
