"""Driving the real admin in tests: logging in as a person would, and the POST data of a form."""

from django.forms import MultiWidget

from tests.factories import PASSWORD


def admin_login(client, user):
    """Log in through the admin's own login form, as a person would."""
    response = client.post(
        "/admin/login/?next=/admin/", {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302, "the admin login failed"
    assert response["Location"] == "/admin/"


def admin_form_data(response) -> dict:
    """The POST data an admin form would send as it stands: every field, widget and formset
    (the rows an inline shows, without their files)."""
    data = form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for form in inline.formset.initial_forms:
            data.update(form_data(form))
    return data


def form_data(form) -> dict:
    """The POST data of one form as it stands, under its prefix."""
    data = {}
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        value = form[name].value()
        widget = getattr(field.widget, "widget", field.widget)  # unwrap the "+" related widget
        if isinstance(widget, MultiWidget):
            parts = value if isinstance(value, list) else widget.decompress(value)
            for index, part in enumerate(parts):
                data[f"{key}_{index}"] = "" if part is None else str(part)
        elif getattr(widget, "allow_multiple_selected", False):
            data[key] = [str(item) for item in value or []]  # a browser sends none when empty
        elif isinstance(value, bool):
            if value:
                data[key] = "on"
        elif widget.input_type == "file" if hasattr(widget, "input_type") else False:
            continue  # a browser sends no file unless one is chosen
        else:
            # As the widget writes it into the page (taggit's: "tag one, tag two").
            formatted = widget.format_value(value)
            if isinstance(formatted, list):  # a select: its one chosen value, or none
                formatted = formatted[0] if formatted else ""
            data[key] = "" if formatted is None else str(formatted)
    return data
