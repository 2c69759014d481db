"""The Jinja2 environment of the public site's templates (templates/): what Django's template
tags and filters gave them, as globals and filters.

Why Jinja2: it compiles each template to Python. An uncached method page is some 700 lookups,
loops and includes, and Django's template language took two thirds of the page's time on them;
Jinja2 renders the same HTML in a fraction of that (issue 8, bench/README.md). The admin and
Wagtail's own templates stay Django templates (the second engine in TEMPLATES).

Translations: `_("…")` is Django's gettext, and a string with a value in it is written
`_("Described in %(year)s.")|format(year=…)`, always first in its `{{ }}`: Django's makemessages
(`make messages`) reads that in any .html file, and nothing else of Jinja2. A heading passed to a
macro is therefore the body of a `{% call %}`, and plurals are made in Python (ngettext).
"""

from django.template import defaultfilters
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext_lazy

from wagtail.contrib.routable_page.templatetags.wagtailroutablepage_tags import routablepageurl

from jinja2 import ChainableUndefined, Environment, pass_context
from markupsafe import Markup

from core import navigation
from core.onthispage import outline
from core.richtext import first_sentence, richtext_linked
from downloads.forms import field_with_hint, skip_json
from sources.notes import page_notes, page_sources
from strategy.feedback import FeedbackForm


def url(name, *args, **kwargs):
    return reverse(name, args=args or None, kwargs=kwargs or None)


def _included(template_name, build):
    """A global that renders `template_name` with what `build(context, *args)` gives it."""

    @pass_context
    def render(context, *args):
        values = build(context, *args)
        template = context.environment.get_template(template_name)
        # The template's own output, escaped by it as it rendered (autoescape).
        return Markup(template.render({**context.get_all(), **values}))  # noqa: S704

    return render


def environment(**options):
    # As in Django's templates, a missing value prints as nothing, and so does an attribute of
    # it (`page.summary` on the search page, which has no page).
    options["undefined"] = ChainableUndefined
    options["keep_trailing_newline"] = True
    options.pop("autoescape", None)  # Django's backend asks for it too; never without it
    env = Environment(autoescape=True, **options)
    env.globals.update(
        {
            # Django's own, called directly (no {% trans %} tags, so no jinja2.ext.i18n).
            "_": gettext,
            "gettext": gettext,
            "ngettext": ngettext,
            "static": static,
            "url": url,
            "get_language": translation.get_language,
            "routablepageurl": pass_context(routablepageurl),
            "richtext_linked": pass_context(richtext_linked),
            "alternate_links": pass_context(navigation.alternate_links),
            "localized_home_url": pass_context(navigation.localized_home_url),
            "site_identity": pass_context(navigation.site_identity),
            "main_menu": _included("navigation/main_menu.html", navigation.main_menu),
            "breadcrumbs": _included("navigation/breadcrumbs.html", navigation.breadcrumbs),
            "site_footer": _included("navigation/footer.html", navigation.site_footer),
            "page_feedback": _included(
                "components/feedback.html",
                lambda context, page: {"library_page": page, "form": FeedbackForm()},
            ),
            "field_with_hint": field_with_hint,
            "outline": outline,
            "first_sentence": first_sentence,
            "page_notes": pass_context(page_notes),
            "page_sources": pass_context(page_sources),
            # The search buttons' verb ("Søg"), apart from "Search" the noun ("Søgning").
            "search_button": pgettext_lazy("button", "Search"),
        }
    )
    env.filters.update(
        {
            "date": defaultfilters.date,
            "linebreaksbr": defaultfilters.linebreaksbr,
            "capfirst": defaultfilters.capfirst,
            "urlencode": defaultfilters.urlencode,
            "skip_json": skip_json,
        }
    )
    return env
