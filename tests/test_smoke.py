import pytest

from .factories import MethodFactory


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/en/", "/metoder/", "/en/methods/", "/om/", "/en/about/"])
def test_main_pages_answer_in_both_languages(client, path):
    MethodFactory()
    assert client.get(path).status_code == 200
