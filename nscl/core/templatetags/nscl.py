"""Template helpers used across apps: money, dates, query strings."""

from django import template
from django.http import QueryDict

from nscl.core.formatting import format_date, format_money, format_number

register = template.Library()


@register.filter
def money(value: int | None) -> str:
    return format_money(value)


@register.filter
def number(value: int | None) -> str:
    return format_number(value)


@register.filter
def ddmmyyyy(value) -> str:
    return format_date(value)


@register.simple_tag(takes_context=True)
def query_replace(context, **changes) -> str:
    """The current query string with some parameters replaced (None removes one); page resets."""
    params: QueryDict = context["request"].GET.copy()
    if "page" not in changes:
        params.pop("page", None)
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def query_toggle(context, key: str, value) -> str:
    """The current query string with one value of a multi-valued parameter added or removed."""
    params: QueryDict = context["request"].GET.copy()
    params.pop("page", None)
    values = params.getlist(key)
    value = str(value)
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    params.setlist(key, values)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


_INPUT_CLASSES = {"Select": "form-select", "SelectMultiple": "form-select", "CheckboxInput": "form-check-input"}


@register.filter
def bs(field, element_id: str = "") -> str:
    """Render a bound field with Bootstrap classes, and tie its error text to it for screen readers.

    ``element_id`` replaces the field's id, for forms repeated on one page (``{{ field|bs:"budget-item" }}``).
    """
    widget = field.field.widget
    css = _INPUT_CLASSES.get(type(widget).__name__, "form-control")
    attrs = {"class": f"{widget.attrs.get('class', '')} {css}".strip()}
    if element_id:
        attrs["id"] = element_id
    base = element_id or field.auto_id
    if field.errors:
        attrs["class"] += " is-invalid"
        described = [f"{base}_error"]
        if field.help_text:
            described.append(f"{base}_helptext")
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)


@register.simple_tag(takes_context=True)
def language_url(context, code: str) -> str:
    """This page in another language: plain links (/en/... or unprefixed for Vietnamese), so switching
    needs no form, no CSRF token and no cookie, and every language's page can be cached as it is."""
    from django.urls import translate_url

    request = context["request"]
    return translate_url(request.get_full_path(), code)
