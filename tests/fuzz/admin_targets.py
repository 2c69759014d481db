"""What the admin sweep opens: its users, one page of each type, every admin URL and object,
and the edit form's data as the browser sends it (test_admin_sweep.py)."""

import re
from dataclasses import dataclass
from pathlib import Path

from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.http import QueryDict
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse

from wagtail import blocks
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.blocks.base import BlockWidget
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    Locale,
    Page,
    Site,
    Task,
    TranslatableMixin,
    Workflow,
    get_page_models,
)
from wagtail_localize.models import Translation, TranslationSource

import lxml.html

from courses.roles import TRAINERS_GROUP
from strategy.governance import COMMUNICATORS, EDITORS, REVIEWERS

ROOT = Path(__file__).resolve().parents[2]
SUPERUSER = "superuser"
ADMIN_ACCESS_ONLY = "admin access only"
PROJECT_GROUPS = {EDITORS, REVIEWERS, COMMUNICATORS, TRAINERS_GROUP}
# Admin URLs without arguments that are not views to open: logging out ends the sweep's session,
# and "failwhale" is Wagtail's page that raises an error on purpose to test error reporting.
NOT_VIEWS = {"wagtailadmin_logout", "wagtailadmin_error_test"}
# The edit view is opened by preview(), which posts its form's data.
PAGE_VIEWS = [
    "view_draft",
    "history",
    "revisions_index",
    "usage",
    "move",
    "copy",
    "delete",
    "unpublish",
    "set_privacy",
    "add_subpage",
    "workflow_history",
    "convert_alias",
    "confirm_workflow_cancellation",
]
CONTROLS = ".//input | .//select | .//textarea"
STREAM_EDITORS = (
    "//form[@id='page-edit-form']//*[@data-controller='w-block'][not(ancestor::template)]/@id"
)
# Views that show the page's content the same way to everyone allowed to open them (its revisions,
# history, usage, feedback, translation files); only the superuser opens them (see get_sweep).
CONTENT_ONLY_VIEWS = re.compile(
    r"/admin/(choose-page/|reports/page-feedback/|localize/translate/"
    r"|pages/\d+/(revisions|history|usage)/)"
)
KEY_VIEWS = re.compile(r"/admin/(pages/\d+/(view_draft/)?|localize/.*)$")
OBJECT_VIEWS = ["edit", "delete", "history", "usage", "inspect", "copy", "unpublish"]


# --- the users ---------------------------------------------------------------------------------


def sweep_users():
    """A superuser, a user who may only enter the admin, and one member of each group."""
    groups = list(Group.objects.order_by("name"))
    missing = PROJECT_GROUPS - {g.name for g in groups}
    assert not missing, f"the project's groups are missing: {missing}"
    User = get_user_model()
    users = {
        SUPERUSER: User.objects.create_superuser("sweep-superuser", "su@example.invalid", None),
        ADMIN_ACCESS_ONLY: User.objects.create_user("sweep-admin", "a@example.invalid", None),
    }
    users[ADMIN_ACCESS_ONLY].user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for group in groups:
        user = User.objects.create_user(f"sweep-group-{group.pk}", "g@example.invalid", None)
        user.groups.add(group)
        users[group.name] = user
    return users


# --- the pages ---------------------------------------------------------------------------------


def sample_pages():
    """For each page type, the live Danish page with the most content, and its translation."""
    danish = Locale.objects.get(language_code="da")
    english = Locale.objects.get(language_code="en")
    pages = []
    for model in get_page_models():
        if model is Page:
            continue
        candidates = model.objects.live().filter(locale=danish).select_related("latest_revision")
        assert candidates, f"the content has no live {model.__name__}"
        page = max(candidates, key=lambda p: (len(str(p.latest_revision.content)), p.path))
        pages.append(page)
        translation = page.get_translation_or_none(english)
        if translation is not None:
            pages.append(translation.specific)
    return pages


def page_urls(page):
    """Every admin view of `page` that a GET opens."""
    urls = [
        reverse("wagtailadmin_explore", args=[page.get_parent().id]),
        reverse("wagtailadmin_explore", args=[page.id]),
        reverse("wagtailadmin_choose_page_child", args=[page.id]),
        *(reverse(f"wagtailadmin_pages:{view}", args=[page.id]) for view in PAGE_VIEWS),
        reverse("feedback_page_report", args=[page.id]),
    ]
    revisions = page.revisions.order_by("created_at", "id")
    first, latest = revisions.first(), revisions.last()
    if latest is not None:
        compare = "wagtailadmin_pages:revisions_compare"
        urls += [
            reverse("wagtailadmin_pages:revisions_view", args=[page.id, latest.id]),
            reverse(compare, args=[page.id, "earliest", "latest"]),
            reverse(compare, args=[page.id, first.id, latest.id]),
        ]
    for child_model in page.specific_class.allowed_subpage_models():
        meta = child_model._meta
        urls.append(
            reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, page.id])
        )
    state = page.current_workflow_state or page.workflow_states.order_by("created_at").last()
    if state is not None:
        urls.append(reverse("wagtailadmin_pages:workflow_history_detail", args=[page.id, state.id]))
        task_state = state.current_task_state
        if task_state is not None:
            urls.append(
                reverse("wagtailadmin_pages:workflow_preview", args=[page.id, task_state.task_id])
            )
            for action in ("approve", "reject"):
                for view in ("collect_workflow_action_data", "workflow_action"):
                    args = [page.id, action, task_state.id]
                    urls.append(reverse(f"wagtailadmin_pages:{view}", args=args))
    urls += translation_urls(page)
    return urls


def translation_urls(page):
    """wagtail-localize's views of a page: translate, sync, and the translation's own views."""
    urls = [reverse("wagtail_localize:submit_page_translation", args=[page.id])]
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is not None:
        urls.append(reverse("wagtail_localize:update_translations", args=[source.id]))
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale=page.locale
    ).first()
    if translation is not None:
        urls += [
            reverse("wagtail_localize:download_pofile", args=[translation.id]),
            reverse("wagtail_localize:preview_translation", args=[translation.id]),
            reverse("wagtail_localize:convert_to_alias", args=[page.id]),
        ]
    return urls


def page_type_urls():
    """The views of each page type: where it is used, and where a new one may go."""
    urls = []
    for model in get_page_models():
        meta = model._meta
        for view in ("type_use", "choose_parent"):
            urls.append(
                reverse(f"wagtailadmin_pages:{view}", args=[meta.app_label, meta.model_name])
            )
    return urls


# --- the rest of the admin -----------------------------------------------------------------------


def admin_urls_without_arguments():
    """Every named admin URL that takes no arguments, found in the URLconf."""
    admin = next(p for p in get_resolver().url_patterns if str(p.pattern) == "admin/")
    urls = []

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(
                    pattern.url_patterns,
                    namespace + ([pattern.namespace] if pattern.namespace else []),
                )
            elif (
                pattern.name and not pattern.pattern.regex.groups and pattern.name not in NOT_VIEWS
            ):
                urls.append(reverse(":".join([*namespace, pattern.name])))

    walk(admin.url_patterns, [])
    return list(dict.fromkeys(urls))


def object_urls():
    """The views of one object of each model the admin edits (snippets, users, groups …), each
    as (url, model)."""
    urls = []
    for viewset in viewsets.viewsets:
        if not isinstance(viewset, ModelViewSet):
            continue
        instance = viewset.model._default_manager.order_by("pk").first()
        if instance is None:
            continue
        for view in OBJECT_VIEWS:
            try:
                url = reverse(viewset.get_url_name(view), args=[quote(instance.pk)])
            except NoReverseMatch:
                continue
            urls.append((url, viewset.model))
        if isinstance(instance, TranslatableMixin):
            meta = viewset.model._meta
            args = [meta.app_label, meta.model_name, quote(instance.pk)]
            url = reverse("wagtail_localize:submit_snippet_translation", args=args)
            urls.append((url, viewset.model))
    others = [
        (Collection.objects.filter(depth__gt=1), "wagtailadmin_collections", ["edit", "delete"]),
        (Workflow.objects.all(), "wagtailadmin_workflows", ["edit", "disable", "usage"]),
        (Task.objects.all(), "wagtailadmin_workflows", ["edit_task", "disable_task"]),
        (get_document_model().objects.all(), "wagtaildocs", ["edit", "delete", "document_usage"]),
        (get_image_model().objects.all(), "wagtailimages", ["edit", "delete", "image_usage"]),
        (Redirect.objects.all(), "wagtailredirects", ["edit", "delete"]),
        (Query.objects.all(), "wagtailsearchpromotions", ["edit", "delete"]),
    ]
    for queryset, namespace, views in others:
        for instance in queryset.order_by("pk")[:3]:
            urls += [
                (reverse(f"{namespace}:{view}", args=[instance.pk]), queryset.model)
                for view in views
            ]
    site = Site.objects.get(is_default_site=True)
    for model in settings_registry:
        args = [model._meta.app_label, model._meta.model_name]
        urls.append((reverse("wagtailsettings:edit", args=args), model))
        urls.append((reverse("wagtailsettings:edit", args=[*args, site.pk]), model))
    return urls


def may_touch(user, model):
    """Whether any permission of `user` names `model`, directly or through a collection."""
    app_label, suffix = model._meta.app_label, f"_{model._meta.model_name}"
    if any(
        p.startswith(f"{app_label}.") and p.endswith(suffix) for p in user.get_all_permissions()
    ):
        return True
    return GroupCollectionPermission.objects.filter(
        group__user=user,
        permission__content_type__app_label=app_label,
        permission__codename__endswith=suffix,
    ).exists()


# --- the edit form's data, as the browser sends it -----------------------------------------------


def browser_form_data(document, form_id=None):
    """What a browser submits for a form of `document` (parsed by lxml): its enabled controls,
    checked boxes with their value ("on" without one), selected options, and nothing inside a
    <template>."""
    forms = document.xpath("//form[@id=$id]", id=form_id) if form_id else document.xpath("//form")
    if not forms:
        return None
    controls = forms[0].xpath(CONTROLS)
    if form_id:
        controls += document.xpath("//*[@form=$id]", id=form_id)
    data = QueryDict(mutable=True)
    for control in controls:
        name = control.get("name")
        if not name or control.get("disabled") is not None or control.xpath("ancestor::template"):
            continue
        if control.tag == "textarea":
            data.appendlist(name, (control.text or "").removeprefix("\n"))
        elif control.tag == "select":
            options = control.xpath(".//option")
            chosen = [o for o in options if o.get("selected") is not None]
            if not chosen and options and control.get("multiple") is None:
                chosen = options[:1]
            for option in chosen:
                data.appendlist(name, option.get("value", option.text_content()))
        elif control.get("type") in ("checkbox", "radio"):
            if control.get("checked") is not None:
                data.appendlist(name, control.get("value", "on"))
        elif control.get("type") not in ("submit", "button", "image", "reset", "file"):
            data.appendlist(name, control.get("value", ""))
    return data


def block_form_data(block, value, prefix):
    """The form data the StreamField editor's JavaScript posts for `value` of `block`."""
    data = {}
    if isinstance(block, blocks.BaseStreamBlock):
        data[f"{prefix}-count"] = str(len(value))
        for i, child in enumerate(value):
            data.update(_list_item(prefix, i, child.id))
            data[f"{prefix}-{i}-type"] = child.block_type
            data.update(block_form_data(child.block, child.value, f"{prefix}-{i}-value"))
    elif isinstance(block, blocks.ListBlock):
        children = value.bound_blocks if isinstance(value, blocks.list_block.ListValue) else None
        if children is None:
            children = [blocks.list_block.ListValue.ListChild(block.child_block, v) for v in value]
        data[f"{prefix}-count"] = str(len(children))
        for i, child in enumerate(children):
            data.update(_list_item(prefix, i, child.id))
            data.update(block_form_data(block.child_block, child.value, f"{prefix}-{i}-value"))
    elif isinstance(block, blocks.BaseStructBlock):
        for name, child_block in block.child_blocks.items():
            data.update(block_form_data(child_block, value.get(name), f"{prefix}-{name}"))
    elif isinstance(block, blocks.FieldBlock):
        form_value = block.field.prepare_value(block.value_for_form(value))
        html = block.field.widget.render(prefix, form_value, attrs={"id": prefix})
        data.update(browser_form_data(lxml.html.fromstring(f"<form>{html}</form>")).dict())
    elif not isinstance(block, blocks.StaticBlock):
        raise TypeError(f"the sweep cannot fill a {type(block).__name__} at {prefix}")
    return data


def _list_item(prefix, i, block_id):
    return {
        f"{prefix}-{i}-deleted": "",
        f"{prefix}-{i}-order": str(i),
        f"{prefix}-{i}-id": block_id or "",
    }


def _bound_fields(form):
    yield from form
    for formset in getattr(form, "formsets", {}).values():
        for child_form in formset.forms:
            yield from _bound_fields(child_form)


@dataclass
class EditForm:
    data: QueryDict
    stream_fields: list
    formsets: list
    buttons: set


def edit_form(sweep, who, page):
    """The edit view as `who` sees it, and the data its form posts; None when it shows no form."""
    response = sweep.get(who, reverse("wagtailadmin_pages:edit", args=[page.id]), once=False)
    if response.status_code != 200:
        return None
    document = lxml.html.fromstring(response.content.decode())
    data = browser_form_data(document, "page-edit-form")
    if data is None:
        return None
    latest = page.get_latest_revision_as_object()
    form_class = type(page).get_edit_handler().get_form_class()
    form = form_class(instance=latest, parent_page=page.get_parent(), for_user=sweep.users[who])
    stream_fields = []
    for bound_field in _bound_fields(form):
        if isinstance(bound_field.field.widget, BlockWidget):
            prefix = bound_field.html_name
            data.update(block_form_data(bound_field.field.block, bound_field.value(), prefix))
            stream_fields.append(prefix)
    editors = set(document.xpath(STREAM_EDITORS))
    if editors - set(stream_fields):
        sweep.problems.append(
            f"{page.url_path}: StreamFields not filled: {editors - set(stream_fields)}"
        )
    formsets = [key.removesuffix("-TOTAL_FORMS") for key in data if key.endswith("-TOTAL_FORMS")]
    buttons = set(document.xpath("//*[starts-with(@name, 'action-')]/@name"))
    return EditForm(data, stream_fields, formsets, buttons)


def malformed(form, every_field):
    """Ways the edit form's data can arrive broken: (what is wrong, the data)."""
    variants = []
    first_stream = form.stream_fields[:1]
    for prefix in form.stream_fields if every_field else first_stream:
        variants.append((f"without {prefix}-count", _without(form.data, f"{prefix}-count")))
    for prefix in first_stream if every_field else []:
        variants.append((f"{prefix}-count not a number", _with(form.data, f"{prefix}-count", "x")))
    page_formsets = [p for p in form.formsets if p != "comments"] or form.formsets
    for prefix in page_formsets[:1]:
        variants.append(
            (f"without {prefix}-TOTAL_FORMS", _without(form.data, f"{prefix}-TOTAL_FORMS"))
        )
        if every_field:
            variants.append(
                (
                    f"{prefix}-TOTAL_FORMS not a number",
                    _with(form.data, f"{prefix}-TOTAL_FORMS", "x"),
                )
            )
    return variants


def _without(data, key):
    changed = data.copy()
    changed.pop(key, None)
    return changed


def _with(data, key, value):
    changed = data.copy()
    changed[key] = value
    return changed


def page_state(page):
    return (
        Page.objects.filter(pk=page.pk)
        .values_list("latest_revision_id", "live_revision_id", "title")
        .get()
    )
