import pytest
from django.urls import reverse


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "heading", "status"),
    [
        ("/tillganglighet/", "Tillgänglighetsredogörelse för PlugInnovation", "delvis förenlig"),
        ("/en/accessibility/", "Accessibility statement for PlugInnovation", "partially compliant"),
    ],
)
def test_the_accessibility_statement_follows_diggs_model(client, path, heading, status):
    response = client.get(path)
    assert response.status_code == 200
    page = response.content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert status in page  # the compliance status, stated honestly
    contact = reverse("contact")
    assert f'href="{contact}"' in page  # how to report problems
    assert 'href="https://www.digg.se/tdosanmalan"' in page  # the enforcement body
    assert "DIGG" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "link"), [("/", "/tillganglighet/"), ("/en/", "/en/accessibility/")]
)
def test_every_footer_links_to_the_statement(client, path, link):
    footer = client.get(path).content.decode().split('<footer class="site-footer">')[1]
    assert f'href="{link}"' in footer
